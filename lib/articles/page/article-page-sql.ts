// The article page's own statements: the story with everything that belongs to it (section,
// ordered bylines, tags, teams, athletes and events, captions, quotes, sidebars, notes) as one JSON value, and the stories
// its body links to. Pictures come from media-sql.ts, "more on this story" from related.ts.
import "server-only";
import type { Db, Tx } from "../../db";
import type { BodyDoc } from "../../editor/types";
import { Prisma } from "../../generated/sqlite/client";
import { column, columns, isoTimestamp, jsonArray, jsonObject, jsonOne, jsonValue, selectJson } from "../../sql-json";
import type { QuoteView } from "../../editor/body-records";
import { publicArticleSql } from "../embargo/visibility";

type Client = Db | Tx;

// A team or athlete the story is about; slug null until it has a reader page.
export type SportsLinkRow = { id: string; name: string; slug: string | null };

export type ArticleRow = {
  id: string;
  slug: string;
  sectionId: string | null;
  kicker: string;
  headline: string;
  standfirst: string;
  agencyLine: string;
  heroMediaId: string | null;
  body: BodyDoc;
  publishedAt: string | null;
  updatedAt: string;
  section: { id: string; name: string; slug: string } | null;
  heroCaption: string | null;
  bylines: { id: string; name: string; slug: string; jobTitle: string; role: string }[];
  tags: { id: string; name: string; slug: string }[];
  teams: SportsLinkRow[];
  athletes: SportsLinkRow[];
  events: { id: string; name: string }[];
  captions: { id: string; text: string }[];
  quotes: QuoteView[];
  sidebars: { id: string; heading: string; body: BodyDoc }[];
  notes: { id: string; kind: string; text: string; createdAt: string }[];
};

const ARTICLE_COLUMNS = ["id", "slug", "sectionId", "kicker", "headline", "standfirst", "agencyLine", "heroMediaId"] as const;

// Captions, quotes and sidebars are lookup tables (the body gives the order), in the database's own
// order as before; notes oldest first.
function ownRecords(): Record<string, Prisma.Sql> {
  const own = (table: string, alias: string) => Prisma.sql`FROM ${Prisma.raw(`"${table}" ${alias}`)} WHERE ${column(alias, "articleId")} = a."id"`;
  return {
    captions: jsonArray(jsonObject(columns("ac", ["id", "text"])), own("Caption", "ac")),
    quotes: jsonArray(jsonObject(columns("aq", ["id", "text", "speaker", "speakerDescription", "context"])), own("Quote", "aq")),
    sidebars: jsonArray(jsonObject({ ...columns("asb", ["id", "heading"]), body: jsonValue(Prisma.sql`asb."body"`) }), own("Sidebar", "asb")),
    notes: jsonArray(
      jsonObject({ ...columns("an", ["id", "kind", "text"]), createdAt: isoTimestamp(Prisma.sql`an."createdAt"`) }),
      // Internal notes (an agency's edNote) are for the newsroom, never for readers.
      Prisma.sql`${own("ArticleNote", "an")} AND an."kind" <> 'INTERNAL'`,
      Prisma.sql`an."createdAt", an."id"`,
    ),
  };
}

function articleSql(): Prisma.Sql {
  return jsonObject({
    ...columns("a", ARTICLE_COLUMNS),
    body: jsonValue(Prisma.sql`a."body"`),
    publishedAt: isoTimestamp(Prisma.sql`a."publishedAt"`),
    updatedAt: isoTimestamp(Prisma.sql`a."updatedAt"`),
    section: jsonOne(jsonObject(columns("asn", ["id", "name", "slug"])), Prisma.sql`FROM "Section" asn WHERE asn."id" = a."sectionId"`),
    heroCaption: Prisma.sql`(SELECT ahc."text" FROM "Caption" ahc WHERE ahc."id" = a."heroCaptionId")`,
    bylines: jsonArray(
      jsonObject({ ...columns("abp", ["id", "name", "slug", "jobTitle"]), role: Prisma.sql`ab."role"` }),
      Prisma.sql`FROM "ArticleByline" ab JOIN "BylineProfile" abp ON abp."id" = ab."profileId" WHERE ab."articleId" = a."id"`,
      Prisma.sql`ab."position", ab."id"`,
    ),
    tags: jsonArray(
      jsonObject(columns("att", ["id", "name", "slug"])),
      Prisma.sql`FROM "ArticleTag" atj JOIN "Tag" att ON att."id" = atj."tagId" WHERE atj."articleId" = a."id"`,
      Prisma.sql`atj."position", atj."tagId"`,
    ),
    ...sportsLinks(),
    ...ownRecords(),
  });
}

// The story's teams, athletes and events, in the editor's order. An event without a name of its
// own is known by its stage ("World group, Semi-final"), else as an empty name.
function sportsLinks(): Record<string, Prisma.Sql> {
  return {
    teams: jsonArray(
      jsonObject(columns("stm", ["id", "name", "slug"])),
      Prisma.sql`FROM "ArticleTeam" atm JOIN "Team" stm ON stm."id" = atm."teamId" WHERE atm."articleId" = a."id"`,
      Prisma.sql`atm."position", atm."teamId"`,
    ),
    athletes: jsonArray(
      jsonObject(columns("sat", ["id", "name", "slug"])),
      Prisma.sql`FROM "ArticleAthlete" aat JOIN "Athlete" sat ON sat."id" = aat."athleteId" WHERE aat."articleId" = a."id"`,
      Prisma.sql`aat."position", aat."athleteId"`,
    ),
    events: jsonArray(
      jsonObject({ id: column("sev", "id"), name: Prisma.sql`COALESCE(sev."name", sev."stage", '')` }),
      Prisma.sql`FROM "ArticleSportsEvent" aev JOIN "SportsEvent" sev ON sev."id" = aev."eventId" WHERE aev."articleId" = a."id"`,
      Prisma.sql`aev."position", aev."eventId"`,
    ),
  };
}

// The story at `slug` (published and past any embargo, unless a preview asks), or null. One statement.
export async function selectArticle(client: Client, slug: string, onlyPublished: boolean): Promise<ArticleRow | null> {
  const status = onlyPublished ? Prisma.sql`AND ${publicArticleSql("a")}` : Prisma.empty;
  const [row] = await selectJson<ArticleRow>(client, articleSql(), Prisma.sql`FROM "Article" a WHERE a."slug" = ${slug} ${status}`);
  return row ?? null;
}

export type LinkedStoryRow = { id: string; slug: string; headline: string; kicker: string; sectionSlug: string | null };

// The public stories among `ids` (the body's related-story links), by id. One statement.
export async function selectLinkedStories(client: Client, ids: readonly string[]): Promise<LinkedStoryRow[]> {
  if (ids.length === 0) return [];
  return client.$queryRaw<LinkedStoryRow[]>`
    SELECT a."id", a."slug", a."headline", a."kicker", s."slug" AS "sectionSlug"
    FROM "Article" a LEFT JOIN "Section" s ON s."id" = a."sectionId"
    WHERE a."id" IN (${Prisma.join(ids)}) AND ${publicArticleSql("a")}
    ORDER BY a."id"`;
}
