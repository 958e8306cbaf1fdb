// A story card's row (story-card.ts storyCardSelect: section, ordered bylines, hero picture) built in
// SQL, so that a list of cards with all their pictures comes back in one statement.
import "server-only";
import { Prisma } from "../generated/sqlite/client";
import { mediaRecordSql, toMediaRecord, type MediaJson } from "../media/media-sql";
import { column, columns, isoTimestamp, jsonArray, jsonObject, jsonOne, type Fields } from "../sql-json";
import type { StoryCardRow } from "./story-card";

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
