// The one reader of story cards (story-card.ts: section, ordered bylines, hero picture), built in
// SQL so that a list of cards with all their pictures comes back in one statement: listings, the
// front page, feeds and related stories all read cards here.
import "server-only";
import { Prisma } from "../generated/sqlite/client";
import { mediaRecordSql, toMediaRecord, type MediaJson } from "../media/media-sql";
import type { Db, Tx } from "../db";
import { column, columns, isoTimestamp, jsonArray, jsonObject, jsonOne, selectJson, type Fields } from "../sql-json";
import type { StoryCardRow } from "./story-card";
import { publicArticleSql } from "../articles/embargo/visibility";

// What storyCardSql returns, before toStoryCardRow: dates come as ISO strings.
export type StoryCardJson = Omit<StoryCardRow, "publishedAt" | "updatedAt" | "heroMedia"> & {
  publishedAt: string | null;
  updatedAt: string;
  heroMedia: MediaJson | null;
};

// The card of the article row `alias` names, with `extra` fields beside the card's own.
export function storyCardSql(alias: string, extra: Fields = {}): Prisma.Sql {
  const ref = (columnName: string) => column(alias, columnName);
  return jsonObject({
    ...columns(alias, ["id", "slug", "kicker", "headline", "standfirst"]),
    publishedAt: isoTimestamp(ref("publishedAt")),
    updatedAt: isoTimestamp(ref("updatedAt")),
    section: jsonOne(jsonObject(columns("cs", ["name", "slug"])), Prisma.sql`FROM "Section" cs WHERE cs."id" = ${ref("sectionId")}`),
    bylines: jsonArray(
      jsonObject({ profile: jsonObject(columns("cp", ["name"])) }),
      Prisma.sql`FROM "ArticleByline" cb JOIN "BylineProfile" cp ON cp."id" = cb."profileId" WHERE cb."articleId" = ${ref("id")}`,
      Prisma.sql`cb."position", cb."id"`,
    ),
    heroMedia: jsonOne(mediaRecordSql("cm"), Prisma.sql`FROM "Media" cm WHERE cm."id" = ${ref("heroMediaId")}`),
    ...extra,
  });
}

export function toStoryCardRow<T extends StoryCardJson>(json: T): Omit<T, "publishedAt" | "updatedAt" | "heroMedia"> & StoryCardRow {
  return {
    ...json,
    publishedAt: json.publishedAt === null ? null : new Date(json.publishedAt),
    updatedAt: new Date(json.updatedAt),
    heroMedia: json.heroMedia ? toMediaRecord(json.heroMedia) : null,
  };
}

// Which public stories (published, past any embargo) a list shows: all, or one section's, tag's or author's; `exclude` leaves
// some out. A section may be named by a column of an enclosing query (the front page's section
// rows) instead of an id.
export type CardFilter = { sectionId?: string | Prisma.Sql; tagId?: string; profileId?: string; exclude?: string[] };

function cardWhereSql(filter: CardFilter): Prisma.Sql {
  return Prisma.join(
    [
      publicArticleSql("a"),
      filter.sectionId ? Prisma.sql`a."sectionId" = ${filter.sectionId}` : Prisma.sql`a."sectionId" IS NOT NULL`,
      ...(filter.tagId ? [Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTag" ft WHERE ft."articleId" = a."id" AND ft."tagId" = ${filter.tagId})`] : []),
      ...(filter.profileId ? [Prisma.sql`EXISTS (SELECT 1 FROM "ArticleByline" fb WHERE fb."articleId" = a."id" AND fb."profileId" = ${filter.profileId})`] : []),
      ...(filter.exclude?.length ? [Prisma.sql`a."id" NOT IN (${Prisma.join(filter.exclude)})`] : []),
    ],
    " AND ",
  );
}

// The cards of a list, newest first, `take` of them after `skip`. Only those few become cards:
// the inner query picks them by id, so a long list costs no more.
export function storyCardsSql(filter: CardFilter, take: number, skip = 0): Prisma.Sql {
  const newest = Prisma.sql`
    SELECT a."id", a."publishedAt" FROM "Article" a WHERE ${cardWhereSql(filter)}
    ORDER BY a."publishedAt" DESC, a."id" ASC LIMIT ${Prisma.raw(String(Math.trunc(take)))} OFFSET ${Prisma.raw(String(Math.trunc(skip)))}`;
  return jsonArray(storyCardSql("a"), Prisma.sql`FROM (${newest}) c JOIN "Article" a ON a."id" = c."id"`, Prisma.sql`c."publishedAt" DESC, c."id" ASC`);
}

// How many published stories the filter picks.
export function storyCountSql(filter: CardFilter): Prisma.Sql {
  return Prisma.sql`(SELECT COUNT(*) FROM "Article" a WHERE ${cardWhereSql(filter)})`;
}

// Several lists of cards (and counts) in one statement: { name: storyCardsSql(…), … }.
export async function loadStoryCardLists<Lists extends Record<string, StoryCardRow[] | number>>(client: Db | Tx, lists: Record<keyof Lists & string, Prisma.Sql>): Promise<Lists> {
  const [json] = await selectJson<Record<string, StoryCardJson[] | number | string>>(client, jsonObject(lists));
  return Object.fromEntries(Object.entries(json).map(([key, value]) => [key, Array.isArray(value) ? value.map(toStoryCardRow) : Number(value)])) as Lists;
}
