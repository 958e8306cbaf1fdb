// A match's (or any event's) reader page, /matches/<id>: its sides and score per period, status,
// where and when, line-ups, sub-events (a Davis Cup tie's rubbers), a field's results in finishing
// order, the public stories about it and its live coverage. One statement, through the tagged cache.
import "server-only";
import { cached } from "../../cache/tagged-cache";
import { cacheTags } from "../../cache/tags";
import { db } from "../../db";
import { Prisma } from "../../generated/sqlite/client";
import { articleHref } from "../../articles/href";
import { publicArticleSql } from "../../articles/embargo/visibility";
import type { StoryCard } from "../../listings/story-card";
import { column, columns, isoTimestamp, jsonArray, jsonObject, jsonOne, selectJson } from "../../sql-json";
import { eventCompetitionSql, eventSummarySql, participantSql, scalarSql, sidesSql } from "./sql";
import { storiesFields, toStoryList, type StoriesJson } from "./stories";
import { eventTags, type EventSummary, type SideView, type StoryList } from "./views";

const STORIES_SHOWN = 20;

export type PeriodView = { period: string; name: string | null; score: number | null; mark: string | null };
export type MatchSideView = SideView & { periods: PeriodView[]; members: SideView[] };
export type LiveLink = { href: string; headline: string; status: string };

export type MatchPage = Omit<EventSummary, "sides"> & {
  endsAt: string | null;
  attendance: number | null;
  sides: MatchSideView[];
  parent: EventSummary | null;
  subEvents: EventSummary[];
  live: LiveLink[];
  stories: StoryList<StoryCard>;
};

// Live coverage of this match: pointed at it by the coverage, or a live story linked to it (the
// story editor's Events).
const aboutThisMatch = Prisma.sql`(lc."sportsEventId" = e."id" OR EXISTS (SELECT 1 FROM "ArticleSportsEvent" lse WHERE lse."articleId" = lc."articleId" AND lse."eventId" = e."id"))`;

// Its live stories readers may see, and the ids of all (a hidden one refreshes the page when published).
function liveSql(): Prisma.Sql {
  const link = jsonObject({ ...columns("a", ["headline", "slug"]), sectionSlug: column("lsec", "slug"), status: column("lc", "status") });
  return jsonObject({
    shown: jsonArray(
      link,
      Prisma.sql`FROM "LiveCoverage" lc JOIN "Article" a ON a."id" = lc."articleId" JOIN "Section" lsec ON lsec."id" = a."sectionId" WHERE ${aboutThisMatch} AND ${publicArticleSql("a")}`,
      Prisma.sql`a."publishedAt" DESC, a."id"`,
    ),
    ids: jsonArray(column("lc", "articleId"), Prisma.sql`FROM "LiveCoverage" lc WHERE ${aboutThisMatch}`),
  });
}

function matchPageSql(id: string): Prisma.Sql {
  const periods = jsonArray(jsonObject(columns("ps", ["period", "name", "score", "mark"])), Prisma.sql`FROM "PeriodScore" ps WHERE ps."participantId" = ep."id"`, Prisma.sql`ps."position", ps."id"`);
  const members = jsonArray(participantSql("em"), Prisma.sql`FROM "EventParticipant" em WHERE em."memberOfId" = ep."id"`, Prisma.sql`em."position", em."id"`);
  const about = Prisma.sql`EXISTS (SELECT 1 FROM "ArticleSportsEvent" ase WHERE ase."articleId" = a."id" AND ase."eventId" = ${id})`;
  const event = jsonObject({
    ...columns("e", ["id", "name", "stage", "status", "period", "minute", "venue", "startsAtLocal", "attendance"]),
    startsAt: isoTimestamp(column("e", "startsAt")),
    endsAt: isoTimestamp(column("e", "endsAt")),
    sport: scalarSql(column("esp", "name"), Prisma.sql`FROM "Sport" esp WHERE esp."id" = e."sportId"`),
    competition: eventCompetitionSql("e"),
    sides: sidesSql("e", { periods, members }),
    parent: jsonOne(eventSummarySql("pe"), Prisma.sql`FROM "SportsEvent" pe WHERE pe."id" = e."parentId"`),
    subEvents: jsonArray(eventSummarySql("se"), Prisma.sql`FROM "SportsEvent" se WHERE se."parentId" = e."id"`, Prisma.sql`se."position", se."id"`),
    live: liveSql(),
  });
  return jsonObject({
    event: jsonOne(event, Prisma.sql`FROM "SportsEvent" e WHERE e."id" = ${id}`),
    stories: jsonObject(storiesFields(about, 1, STORIES_SHOWN)),
  });
}

type MatchJson = Omit<MatchPage, "live" | "stories"> & { live: { shown: { headline: string; slug: string; sectionSlug: string; status: string }[]; ids: string[] } };

function pageTags(event: MatchJson, storyTags: string[]): string[] {
  const members = event.sides.flatMap((side) => side.members);
  return [
    cacheTags.sports,
    ...eventTags([{ ...event, sides: [...event.sides, ...members] }, ...(event.parent ? [event.parent] : []), ...event.subEvents]),
    ...event.live.ids.map(cacheTags.article),
    ...storyTags,
  ];
}

// null: no event has this id.
export function getMatchPage(id: string): Promise<MatchPage | null> {
  return cached(`match-page:${id}`, async () => {
    const [json] = await selectJson<{ event: MatchJson | null; stories: StoriesJson }>(db, matchPageSql(id));
    if (!json.event) return { value: null, tags: [cacheTags.sports, cacheTags.notFound] };
    const { live, ...event } = json.event;
    const stories = toStoryList(json.stories, 1, STORIES_SHOWN);
    const value: MatchPage = {
      ...event,
      live: live.shown.map((story) => ({ href: articleHref(story.sectionSlug, story.slug), headline: story.headline, status: story.status })),
      stories: stories.list,
    };
    return { value, tags: [...new Set(pageTags(json.event, stories.tags))] };
  });
}
