// An embed on a published story, in Chromium: the page shows the snapshot (its words, a thumbnail
// from Pressbox's own /media) and makes no request to any other site until the reader clicks
// "Load content from YouTube"; then the provider's player is requested, and nothing else. Requests
// that leave the test server are intercepted and answered empty (the machines are offline).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Request } from "playwright-core";
import { createArticle } from "@/lib/articles/create-article";
import { saveArticle } from "@/lib/articles/save/save-article";
import { publishArticle, unpublishArticle } from "@/lib/articles/workflow";
import { db } from "@/lib/db";
import { currentInput, newRecordId, paragraph } from "../fixtures/article-input";
import { createStaff } from "../fixtures/staff";
import { baseUrl, launchBrowser, urlFor } from "./harness";
import { notifyServer } from "./reader-support";

const VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
const PLAYER = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ";
const WORDS = "Extra time, penalties, and the keeper saves the fifth.";

let browser: Browser;
let story: { id: string; path: string };
let editor: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  browser = await launchBrowser();
  editor = await createStaff("EDITOR", "Embed Editor");
  const published = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED", heroMediaId: { not: null } }, include: { section: true, bylines: true } });
  // The snapshot as a save takes it (lib/embeds/snapshot.ts), made here: no provider is reachable.
  const embedId = newRecordId();
  await db.embedSnapshot.create({
    data: { id: embedId, url: VIDEO, provider: "YouTube", title: "Shoot-out highlights", authorName: "Club TV", text: WORDS, playerUrl: PLAYER, thumbnailId: published.heroMediaId },
  });
  const { id } = await createArticle(editor, {});
  const { version, article } = await currentInput(id);
  const body = { type: "doc", content: [paragraph("The final went all the way."), { type: "embed", attrs: { embedId, url: VIDEO } }] };
  const saved = await saveArticle(editor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: "Shoot-out drama in the cup final",
      standfirst: "A keeper's night.",
      slug: `shoot-out-drama-${id}`,
      sectionId: published.sectionId,
      bylines: [{ profileId: published.bylines[0].profileId, role: "REPORTER" }],
      body,
    },
  });
  await publishArticle(editor, { articleId: id, expectedVersion: saved.version });
  await notifyServer([id]);
  story = { id, path: `/${published.section!.slug}/shoot-out-drama-${id}` };
});

afterAll(async () => {
  const current = await db.article.findUnique({ where: { id: story?.id ?? "" }, select: { version: true, status: true } });
  if (current?.status === "PUBLISHED") {
    await unpublishArticle(editor, { articleId: story.id, expectedVersion: current.version });
    await notifyServer([story.id]);
  }
  await browser?.close();
});

describe("an embed on a reader's page", () => {
  it("requests nothing from the provider until the reader asks, then only its player", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const origin = new URL(baseUrl()).origin;
    const thirdParty: string[] = [];
    page.on("request", (request: Request) => {
      if (new URL(request.url()).origin !== origin) thirdParty.push(request.url());
    });
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.fulfill({ status: 204, body: "" }),
    );

    await page.goto(urlFor(story.path));
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.locator(".story-embed-body").innerText()).toContain(WORDS);
    expect(await page.locator(".story-embed-thumbnail").getAttribute("src")).toMatch(/^\/media\//);
    expect(await page.locator("iframe").count()).toBe(0);
    expect(thirdParty).toEqual([]);

    const playerRequest = page.waitForRequest((request) => request.url() === PLAYER);
    await page.getByRole("button", { name: "Load content from YouTube" }).click();
    await playerRequest;
    await expect.poll(() => page.locator(`iframe[src="${PLAYER}"]`).count()).toBe(1);
    expect(thirdParty).toEqual([PLAYER]);
    await context.close();
  });
});
