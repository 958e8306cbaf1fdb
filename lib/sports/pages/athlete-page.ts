// An athlete's reader page, /athletes/<slug>: name, country, team and photo (with its credit),
// results (place, mark and record per event; for a team's line-up, the team's result) and the
// public stories tagged with the athlete, a page at a time. One statement, through the tagged cache.
import "server-only";
import { cached } from "../../cache/tagged-cache";
import { cacheTags } from "../../cache/tags";
import { db } from "../../db";
import { Prisma } from "../../generated/sqlite/client";
import { PAGE_SIZE } from "../../listings/pagination";
import type { StoryCard } from "../../listings/story-card";
import { mediaRecordSql, toMediaRecord, type MediaJson } from "../../media/media-sql";
import { mediaCacheTags, toMediaView, type MediaView } from "../../media/views";
import { column, columns, jsonArray, jsonObject, jsonOne, selectJson } from "../../sql-json";
import { eventSummarySql, participantSql, scalarSql } from "./sql";
import { storiesFields, toStoryList, type StoriesJson } from "./stories";
import { eventTags, type EventSummary, type PersonRef, type SideView, type StoryList } from "./views";

const RESULTS_SHOWN = 30;

export type AthleteResult = Omit<SideView, "team" | "athlete"> & { event: EventSummary; memberOf: SideView | null };

export type AthletePage = {
  athlete: { id: string; name: string; slug: string; country: string | null; sport: string | null; team: PersonRef | null };
  photo: MediaView | null;
  results: AthleteResult[];
  stories: StoryList<StoryCard>;
};

function resultsSql(athleteId: Prisma.Sql): Prisma.Sql {
  const by = Prisma.sql`(e."startsAt" IS NULL), e."startsAt" DESC, e."id", p."id"`;
  const picked = Prisma.sql`
    SELECT p."id", ROW_NUMBER() OVER (ORDER BY ${by}) AS "place" FROM "EventParticipant" p JOIN "SportsEvent" e ON e."id" = p."eventId"
    WHERE p."athleteId" = ${athleteId} ORDER BY ${by} LIMIT ${Prisma.raw(String(RESULTS_SHOWN))}`;
  const element = jsonObject({
    ...columns("r", ["id", "side", "position", "score", "mark", "rank", "outcome", "record"]),
    event: jsonOne(eventSummarySql("ev"), Prisma.sql`FROM "SportsEvent" ev WHERE ev."id" = r."eventId"`),
    memberOf: jsonOne(participantSql("mo"), Prisma.sql`FROM "EventParticipant" mo WHERE mo."id" = r."memberOfId"`),
  });
  return jsonArray(element, Prisma.sql`FROM (${picked}) x JOIN "EventParticipant" r ON r."id" = x."id"`, Prisma.sql`x."place"`);
}

function athletePageSql(slug: string, page: number): Prisma.Sql {
  const athleteId = Prisma.sql`(SELECT a0."id" FROM "Athlete" a0 WHERE a0."slug" = ${slug})`;
  const tagged = Prisma.sql`EXISTS (SELECT 1 FROM "ArticleAthlete" aa WHERE aa."articleId" = a."id" AND aa."athleteId" = ${athleteId})`;
  const athlete = jsonObject({
    ...columns("ath", ["id", "name", "slug", "country"]),
    sport: scalarSql(column("asp", "name"), Prisma.sql`FROM "Sport" asp WHERE asp."id" = ath."sportId"`),
    team: jsonOne(jsonObject(columns("att", ["id", "name", "slug", "country"])), Prisma.sql`FROM "Team" att WHERE att."id" = ath."teamId"`),
    photo: jsonOne(mediaRecordSql("m"), Prisma.sql`FROM "Media" m WHERE m."id" = ath."photoId"`),
  });
  return jsonObject({
    athlete: jsonOne(athlete, Prisma.sql`FROM "Athlete" ath WHERE ath."slug" = ${slug}`),
    results: resultsSql(athleteId),
    stories: jsonObject(storiesFields(tagged, page, PAGE_SIZE)),
  });
}

type AthleteJson = AthletePage["athlete"] & { photo: MediaJson | null };

// null: no athlete has this slug. `page` is the page of stories (from 1).
export function getAthletePage(slug: string, page = 1): Promise<AthletePage | null> {
  return cached(`athlete-page:${slug}:${page}`, async () => {
    const [json] = await selectJson<{ athlete: AthleteJson | null; results: AthleteResult[]; stories: StoriesJson }>(db, athletePageSql(slug, page));
    if (!json.athlete) return { value: null, tags: [cacheTags.sports, cacheTags.notFound] };
    const { photo: photoJson, ...athlete } = json.athlete;
    const photo = photoJson ? toMediaRecord(photoJson) : null;
    const stories = toStoryList(json.stories, page, PAGE_SIZE);
    const events = json.results.flatMap((result) => [result.event, ...(result.memberOf ? [{ ...result.event, sides: [result.memberOf] }] : [])]);
    const tags = [cacheTags.sports, cacheTags.athlete(athlete.id), ...(athlete.team ? [cacheTags.team(athlete.team.id)] : []), ...(photo ? mediaCacheTags(photo) : []), ...eventTags(events), ...stories.tags];
    const value: AthletePage = { athlete, photo: photo ? toMediaView(photo) : null, results: json.results, stories: stories.list };
    return { value, tags: [...new Set(tags)] };
  });
}
