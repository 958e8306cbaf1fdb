// The stories a team, athlete, competition or match page lists, as the listings show them: cards
// from the one card reader (lib/listings/story-card-sql.ts), with the tags that refresh the page
// when one of them changes (its own, its picture's credit) or a linked draft is published.
import "server-only";
import { cacheTags } from "../../cache/tags";
import type { Prisma } from "../../generated/sqlite/client";
import { cardMediaTags, toStoryCards, type StoryCard } from "../../listings/story-card";
import { toStoryCardRow, type StoryCardJson } from "../../listings/story-card-sql";
import { linkedStoriesSql, linkedStoryCountSql, pendingStoryIdsSql } from "./sql";
import type { StoryList } from "./views";

export type StoriesJson = { stories: StoryCardJson[]; total: number | string; pending: string[] };

// The fields of one page's statement that list the stories `linked` picks (on article alias "a").
export function storiesFields(linked: Prisma.Sql, page: number, pageSize: number) {
  return { stories: linkedStoriesSql(linked, pageSize, (page - 1) * pageSize), total: linkedStoryCountSql(linked), pending: pendingStoryIdsSql(linked) };
}

export function toStoryList(json: StoriesJson, page: number, pageSize: number): { list: StoryList<StoryCard>; tags: string[] } {
  const rows = json.stories.map(toStoryCardRow);
  const tags = [...rows.map((row) => cacheTags.article(row.id)), ...json.pending.map(cacheTags.article), ...cardMediaTags(rows)];
  return { list: { stories: toStoryCards(rows), total: Number(json.total), page, pageSize }, tags };
}
