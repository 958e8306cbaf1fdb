// Publish-to-visible: after an editor publishes (lib/articles/workflow.ts publishArticle, then the
// signed notice another process sends the server), the very next request for the story, its
// section, the front page and the feed shows it. Prints the measured delay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishArticle } from "@/lib/articles/workflow";
import { reindexArticle } from "@/lib/search/index-article";
import { createStaff } from "../fixtures/staff";
import { getText, notifyServer } from "./reader-support";

const SLUG = "biathlon-relay-preview";
let draft: Awaited<ReturnType<typeof loadDraft>>;

function loadDraft() {
  return db.article.findUniqueOrThrow({ where: { slug: SLUG }, include: { section: true } });
}

beforeAll(async () => {
  draft = await loadDraft();
});

afterAll(async () => {
  await db.article.update({ where: { id: draft.id }, data: { status: draft.status, publishedAt: draft.publishedAt, firstPublishedAt: draft.firstPublishedAt, version: draft.version } });
  await db.$transaction((tx) => reindexArticle(tx, draft.id));
  await notifyServer([draft.id]);
});

describe("publish to visible", () => {
  it("shows a story everywhere on the first request after it is published", async () => {
    expect(draft.status).toBe("DRAFT");
    const path = `/${draft.section!.slug}/${draft.slug}`;
    // Every page that will show the story is cached first, without it.
    expect((await getText(path)).status).toBe(404);
    for (const page of ["/", `/${draft.section!.slug}`, "/feed.xml", "/sitemap.xml"]) expect((await getText(page)).text).not.toContain(draft.slug);

    const editor = await createStaff("EDITOR", "Publishing Editor");
    const started = performance.now();
    await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version });
    await notifyServer([draft.id]);
    const story = await getText(path);
    const delayMs = performance.now() - started;
    console.info(`publish-to-visible: ${delayMs.toFixed(0)} ms from publishArticle to the story's page answering 200`);

    expect(story.status).toBe(200);
    expect(story.text).toContain(draft.headline.replace(/'/g, "&#x27;"));
    for (const page of ["/", `/${draft.section!.slug}`, "/feed.xml", "/sitemap.xml"]) expect((await getText(page)).text, page).toContain(draft.slug);
  });
});
