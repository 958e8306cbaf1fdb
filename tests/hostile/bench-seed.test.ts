// The bench seed (bench/seed.ts) writes stories in bulk, around the app's write path. This proves
// the app's own read and write paths take them as their own: the article page loads each whole
// (bylines, tags, four credited photos, quotes, related teasers, sidebar), the stored body and
// revision are what the editor and the save path produce, the search index is what
// reindexArticle writes, search and listings find the stories, and the drafts publish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import type { BenchSeed } from "../../bench/seed";
import type { BodyDoc, BodyNode } from "../../lib/editor/types";

const STORIES = 200;

let database: TestDatabase;
let seeded: BenchSeed;
// App modules, imported once DATABASE_URL names this file's database (lib/db reads it on load).
let app: Awaited<ReturnType<typeof loadApp>>;

async function loadApp() {
  return {
    ...(await import("../../lib/db")),
    ...(await import("../../lib/articles/queries")),
    ...(await import("../../lib/articles/history/snapshot")),
    ...(await import("../../lib/articles/save/save-article")),
    ...(await import("../../lib/articles/workflow")),
    ...(await import("../../lib/articles/publish/publish-gate")),
    ...(await import("../../lib/editor/validate")),
    ...(await import("../../lib/editor/schema")),
    ...(await import("../../lib/search/search-stories")),
    ...(await import("../../lib/search/index-article")),
    ...(await import("../../lib/listings/queries")),
    ...(await import("../../lib/listings/front-page")),
    ...(await import("../../lib/media/file/storage")),
    ...(await import("../support/published-article")),
  };
}

const countNodes = (node: BodyNode, type: string): number => (node.type === type ? 1 : 0) + (node.content ?? []).reduce((sum, child) => sum + countNodes(child, type), 0);

const editor = () => ({ id: seeded.editorId, role: "EDITOR" as const, name: "Jordan Ellis" });

// Bench stories (the editor created them; the demo's have no creator): newest, middle, oldest.
async function benchStories() {
  const rows = await app.db.article.findMany({
    where: { status: "PUBLISHED", createdById: seeded.editorId },
    orderBy: { publishedAt: "desc" },
    select: { id: true, slug: true },
  });
  expect(rows).toHaveLength(STORIES);
  return [rows[0], rows[STORIES / 2], rows[STORIES - 1]];
}

async function searchRow(articleId: string) {
  return app.db.$queryRaw<unknown[]>`SELECT s."headline", s."standfirst", s."body", s."captions", s."quotes", k."sectionId", k."publishedAt" FROM "ArticleSearch" s
    JOIN "ArticleSearchKey" k ON k."docId" = s.rowid WHERE k."articleId" = ${articleId}`;
}

beforeAll(async () => {
  database = await createSqliteDatabase("bench-seed");
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.MEDIA_DIR = database.mediaDir;
  const { seedBenchDatabase } = await import("../../bench/seed");
  // 17 demo photos plus one drawn for the bench pool.
  seeded = await seedBenchDatabase({ databaseUrl: database.databaseUrl, mediaDir: database.mediaDir, stories: STORIES, images: 18 });
  console.log(`bench seed: ${STORIES} stories in ${seeded.seconds.toFixed(1)} s (base ${seeded.phaseSeconds.base} s, stories ${seeded.phaseSeconds.stories} s)`);
  app = await loadApp();
}, 180_000);

afterAll(async () => {
  await app?.db.$disconnect();
  if (database) removeDir(database.dir);
});

describe("bench seed", () => {
  it("writes every story with its records, listed newest first like the listings", async () => {
    expect(seeded.counts.publishedArticles).toBe(seeded.articleIds.length);
    expect(seeded.counts.publishedArticles).toBeGreaterThan(STORIES);
    expect(seeded.counts.searchRows).toBe(seeded.counts.publishedArticles);
    expect(seeded.draftArticleIds.length).toBeGreaterThanOrEqual(60);
    const page = await app.listStoryPage({}, 1);
    expect(page.stories.map((story) => story.id)).toEqual(seeded.articleIds.slice(0, page.stories.length));
    expect(page.stories.map((story) => story.href)).toEqual(seeded.articlePaths.slice(0, page.stories.length));
    expect(page.total).toBe(seeded.articleIds.length);
  });

  it("loads each story whole through the article page", async () => {
    for (const { slug } of await benchStories()) {
      const page = (await app.getPublishedArticle(slug))!;
      expect(page, slug).not.toBeNull();
      expect(page.bylines).toHaveLength(2);
      expect(page.tags).toHaveLength(5);
      const photos = [page.hero!.media, ...page.records.media.values()];
      expect(new Set(photos.map((photo) => photo.id)).size).toBe(4);
      for (const photo of photos) expect(photo.credit?.full && photo.altText, photo.id).toBeTruthy();
      expect(page.hero!.caption).toBeTruthy();
      expect(page.records.captions.size).toBe(4);
      expect([...page.records.quotes.values()].filter((quote) => quote.text && quote.speaker)).toHaveLength(2);
      expect(page.records.articles.size).toBe(5);
      expect(countNodes(page.body, "relatedStory")).toBe(5);
      expect([...page.records.sidebars.values()].map((sidebar) => sidebar.heading)).toEqual([expect.any(String)]);
      expect(countNodes(page.body, "newsletterSignup")).toBe(1);
      expect(page.related.length).toBeGreaterThan(0);
    }
  });

  it("stores bodies exactly as the editor saves them, and its photos have files on disk", async () => {
    const storage = app.getMediaStorage();
    for (const { id } of await benchStories()) {
      const article = await app.db.article.findUniqueOrThrow({ where: { id }, include: { sidebars: true, heroMedia: { include: { renditions: true } } } });
      const body = article.body as BodyDoc;
      expect(app.findBodyProblems(body)).toEqual([]);
      expect(body).toEqual(app.getStorySchema().nodeFromJSON(body).toJSON());
      for (const sidebar of article.sidebars) expect(app.findBodyProblems(sidebar.body, "sidebar")).toEqual([]);
      for (const rendition of article.heroMedia!.renditions) expect(await storage.exists(rendition.storageKey)).toBe(true);
    }
  });

  it("keeps the revision, records and search index the write path would", async () => {
    for (const { id } of await benchStories()) {
      const revisions = await app.db.revision.findMany({ where: { articleId: id }, orderBy: { createdAt: "asc" } });
      expect(revisions.map((r) => [r.kind, r.articleVersion])).toEqual([
        ["SAVE", 2],
        ["PUBLISH", 3],
      ]);
      const snapshot = await app.db.$transaction((tx) => app.readSnapshot(tx, id));
      expect(revisions[1].snapshot).toEqual(JSON.parse(JSON.stringify(snapshot)));
      const indexed = await searchRow(id);
      await app.db.$transaction((tx) => app.reindexArticle(tx, id));
      expect(await searchRow(id)).toEqual(indexed);
      const saved = await app.saveArticle(editor(), { articleId: id, expectedVersion: 3, article: revisions[1].snapshot });
      expect(saved.isChanged).toBe(false);
    }
  });

  it("lets search find a story by its own word, and common words find many", async () => {
    const own = await app.searchStories({ terms: [seeded.sample.distinctiveWord], page: 1, pageSize: 10 });
    expect(own.total).toBe(1);
    expect(own.hits[0].id).toBe(seeded.sample.articleId);
    expect(own.hits[0].href).toBe(seeded.sample.path);
    const [common] = seeded.searchTerms;
    const many = await app.searchStories({ terms: [common], page: 1, pageSize: 10 });
    expect(many.total).toBe(seeded.searchTermCounts[common]);
    expect(many.total).toBeGreaterThan(STORIES / 2);
  });

  it("fills the section, tag and front pages", async () => {
    const sections = await app.db.section.findMany({ select: { id: true, slug: true } });
    expect(seeded.sectionPaths.sort()).toEqual(sections.map((s) => `/${s.slug}`).sort());
    const totals = await Promise.all(sections.map(async (s) => (await app.listStoryPage({ sectionId: s.id }, 1)).total));
    expect(totals.reduce((sum, total) => sum + total, 0)).toBe(seeded.articleIds.length);
    const tag = (await app.getTagBySlug(seeded.tagPaths[0].replace("/tag/", "")))!;
    expect((await app.listStoryPage({ tagId: tag.id }, 1)).total).toBeGreaterThan(5);
    expect((await app.getFrontPage()).lead?.id).toBe(seeded.articleIds[0]);
  });

  it("leaves drafts that pass the publish gate and publish", async () => {
    for (const id of seeded.draftArticleIds) {
      expect(await app.db.$transaction((tx) => app.findPublishProblems(tx, id))).toEqual([]);
    }
    const [first] = seeded.draftArticleIds;
    const published = await app.publishArticle(editor(), { articleId: first, expectedVersion: seeded.draftVersion });
    expect(published.status).toBe("PUBLISHED");
    const page = (await app.getPublishedArticle(published.href!.split("/")[2]))!;
    expect(page.records.articles.size).toBe(5);
  });
});
