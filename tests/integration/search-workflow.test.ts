// The search index follows the publishing workflow: a story becomes searchable in the transaction
// that publishes it and leaves the index in the one that unpublishes it. (Fails until the write
// path calls reindexArticle: see lib/search/index-article.ts.)
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { publishArticle, unpublishArticle } from "../../lib/articles/workflow";
import type { Actor } from "../../lib/permissions";
import { reindexArticle } from "../../lib/search/index-article";
import { parseSearchTerms } from "../../lib/search/query";
import { searchStories } from "../../lib/search/search-stories";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";

let editor: Actor;

beforeAll(async () => {
  await ensureDemoNewsroom();
  editor = await createStaff("EDITOR", "Search Editor");
});

const found = async (words: string) => (await searchStories({ terms: parseSearchTerms(words).terms, page: 1, pageSize: 50 })).hits.map((hit) => hit.id);

describe("search follows the workflow", () => {
  it("indexes a story when it is published and drops it when it is unpublished", async () => {
    const draft = await db.article.findFirstOrThrow({ where: { status: "DRAFT", heroMediaId: { not: null }, bylines: { some: {} } } });
    try {
      expect(await found(draft.headline)).not.toContain(draft.id);
      const published = await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version });
      expect(await found(draft.headline)).toContain(draft.id);
      await unpublishArticle(editor, { articleId: draft.id, expectedVersion: published.version });
      expect(await found(draft.headline)).not.toContain(draft.id);
    } finally {
      const { version, ...restore } = draft;
      await db.article.update({ where: { id: draft.id }, data: { status: restore.status, publishedAt: restore.publishedAt, firstPublishedAt: restore.firstPublishedAt, publishAt: restore.publishAt, version } });
      await db.$transaction((tx) => reindexArticle(tx, draft.id));
    }
  });
});
