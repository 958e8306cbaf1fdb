// SQL fragments the sports reader pages share (lib/sql-json.ts: one JSON value per statement, the
// same text for SQLite and PostgreSQL): an event as lists show it, its sides with their scores,
// lists of events picked by id before they become JSON (so a long season costs no more), and the
// public stories linked to a team, athlete or event as story cards.
import "server-only";
import { isPostgres } from "../../db";
import { Prisma } from "../../generated/sqlite/client";
import { column, columns, isoTimestamp, jsonArray, jsonObject, jsonOne } from "../../sql-json";
import { storyCardSql } from "../../listings/story-card-sql";
import { publicArticleSql } from "../../articles/embargo/visibility";

const limit = (n: number) => Prisma.raw(String(Math.max(0, Math.trunc(n))));

// "column is at or after `when`" (SQLite keeps DateTime as ISO text: julianday reads any offset).
export function atOrAfterSql(value: Prisma.Sql, when: Date): Prisma.Sql {
  return isPostgres() ? Prisma.sql`${value} >= ${when}` : Prisma.sql`julianday(${value}) >= julianday(${when.toISOString()})`;
}

const personSql = (alias: string) => jsonObject(columns(alias, ["id", "name", "slug", "country"]));

// A team or athlete taking part (a side of a match, or one of a field), with its result.
export function participantSql(alias: string, extra: Record<string, Prisma.Sql> = {}): Prisma.Sql {
  const ref = (name: string) => column(alias, name);
  return jsonObject({
    ...columns(alias, ["id", "side", "position", "score", "mark", "rank", "outcome", "record"]),
    team: jsonOne(personSql("pt"), Prisma.sql`FROM "Team" pt WHERE pt."id" = ${ref("teamId")}`),
    athlete: jsonOne(personSql("pa"), Prisma.sql`FROM "Athlete" pa WHERE pa."id" = ${ref("athleteId")}`),
    ...extra,
  });
}

// The top-level participants of the event row `alias` names (not line-up members), in order.
export function sidesSql(alias: string, extra: Record<string, Prisma.Sql> = {}): Prisma.Sql {
  return jsonArray(participantSql("ep", extra), Prisma.sql`FROM "EventParticipant" ep WHERE ep."eventId" = ${column(alias, "id")} AND ep."memberOfId" IS NULL`, Prisma.sql`ep."position", ep."id"`);
}

// The competition and season of the event row `alias` names, or null.
export function eventCompetitionSql(alias: string): Prisma.Sql {
  return jsonOne(
    jsonObject({ ...columns("ec", ["id", "name", "slug"]), seasonId: column("es", "id"), season: column("es", "name") }),
    Prisma.sql`FROM "CompetitionSeason" es JOIN "Competition" ec ON ec."id" = es."competitionId" WHERE es."id" = ${column(alias, "competitionSeasonId")}`,
  );
}

// An event as a fixtures or results list shows it; `extra` adds fields to the event, `sideExtra` to
// each side (a score box adds the sides' period scores).
export function eventSummarySql(alias: string, extra: Record<string, Prisma.Sql> = {}, sideExtra: Record<string, Prisma.Sql> = {}): Prisma.Sql {
  const ref = (name: string) => column(alias, name);
  return jsonObject({
    ...columns(alias, ["id", "name", "stage", "status", "period", "minute", "venue", "startsAtLocal"]),
    startsAt: isoTimestamp(ref("startsAt")),
    sport: scalarSql(column("esp", "name"), Prisma.sql`FROM "Sport" esp WHERE esp."id" = ${ref("sportId")}`),
    competition: eventCompetitionSql(alias),
    sides: sidesSql(alias, sideExtra),
    ...extra,
  });
}

// Events stored as finished or under way count as results; the rest as fixtures.
export const RESULT_STATUSES = Prisma.sql`('FINAL', 'LIVE')`;

export type EventOrder = "newest" | "soonest";

// Up to `take` events matching `where` (on the event alias "e"), as summaries: the newest first,
// or the soonest first with undated ones last. The inner query picks them by id first.
export function eventListSql(where: Prisma.Sql, order: EventOrder, take: number): Prisma.Sql {
  const by = order === "newest" ? Prisma.sql`(e."startsAt" IS NULL), e."startsAt" DESC, e."id"` : Prisma.sql`(e."startsAt" IS NULL), e."startsAt" ASC, e."id"`;
  const picked = Prisma.sql`SELECT e."id", ROW_NUMBER() OVER (ORDER BY ${by}) AS "place" FROM "SportsEvent" e WHERE ${where} ORDER BY ${by} LIMIT ${limit(take)}`;
  return jsonArray(eventSummarySql("e"), Prisma.sql`FROM (${picked}) x JOIN "SportsEvent" e ON e."id" = x."id"`, Prisma.sql`x."place"`);
}

// Public stories (published, past any embargo, in a section) the condition `linked` picks (on the
// article alias "a"), newest first, `take` after `skip`, as story cards.
export function linkedStoriesSql(linked: Prisma.Sql, take: number, skip = 0): Prisma.Sql {
  const newest = Prisma.sql`
    SELECT a."id", a."publishedAt" FROM "Article" a WHERE ${publicArticleSql("a")} AND a."sectionId" IS NOT NULL AND ${linked}
    ORDER BY a."publishedAt" DESC, a."id" ASC LIMIT ${limit(take)} OFFSET ${limit(skip)}`;
  return jsonArray(storyCardSql("a"), Prisma.sql`FROM (${newest}) c JOIN "Article" a ON a."id" = c."id"`, Prisma.sql`c."publishedAt" DESC, c."id" ASC`);
}

export function linkedStoryCountSql(linked: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT COUNT(*) FROM "Article" a WHERE ${publicArticleSql("a")} AND a."sectionId" IS NOT NULL AND ${linked})`;
}

// The ids of linked stories readers may not see yet (drafts, scheduled, under embargo): a page
// carries their tags, so publishing one refreshes it.
export function pendingStoryIdsSql(linked: Prisma.Sql): Prisma.Sql {
  return jsonArray(column("a", "id"), Prisma.sql`FROM "Article" a WHERE ${linked} AND NOT (${publicArticleSql("a")} AND a."sectionId" IS NOT NULL)`);
}

// A plain value (not JSON) of the one row `from` names, or null: a sport's name.
export function scalarSql(value: Prisma.Sql, from: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT ${value} ${from} LIMIT 1)`;
}
