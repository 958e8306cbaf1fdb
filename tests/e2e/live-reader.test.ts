// Live coverage as readers see it, with the desk used by two reporters at once: a contributor on the
// story's byline and an editor post from two browser contexts while a reader (not signed in) has the
// story's page open in a third. Without reloading, the reader sees each entry once, in reader order
// (pinned first, then newest first), an edit in place, a delete gone and a pin on top; after a
// reload the same; and a reader who opens the page only after all that sees the same again. A
// reader further down is not moved by new entries (a button brings them), and a refused event
// stream falls back to polling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/articles/create-article";
import { saveArticle } from "@/lib/articles/save/save-article";
import { publishArticle } from "@/lib/articles/workflow";
import { makeLiveCoverage, postEntry, updateCoverage } from "@/lib/live/commands";
import { createStaff } from "../fixtures/staff";
import { currentInput, paragraph } from "../fixtures/article-input";
import { uniqueSuffix } from "../fixtures/accounts";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { CONTRIBUTOR, EDITOR, signIn } from "./newsroom-session";
import { notifyServer } from "./reader-support";

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
});

// A published story whose byline is the demo contributor's, made live coverage (and set live) by an editor: set up
// through lib/ (as the other reader tests do); everything after goes through the browser.
async function publishedLiveStory(): Promise<{ id: string; path: string; editor: Awaited<ReturnType<typeof createStaff>> }> {
  const setupEditor = await createStaff("EDITOR", "Live Reader Setup Editor");
  const section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  const contributorByline = await db.bylineProfile.findUniqueOrThrow({ where: { slug: "sam-whitfield" }, include: { user: { select: { email: true } } } });
  expect(contributorByline.user?.email).toBe(CONTRIBUTOR.email);
  const { id } = await createArticle(setupEditor, { headline: "Draft" });
  const { version, article } = await currentInput(id);
  const saved = await saveArticle(setupEditor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: `Live: Rovers v Town ${uniqueSuffix()}`,
      standfirst: "Every moment from Rovers Park.",
      sectionId: section.id,
      bylines: [{ profileId: contributorByline.id, role: "REPORTER" as const }],
      body: { type: "doc", content: [paragraph("Follow the match here as it happens.")] },
    },
  });
  await publishArticle(setupEditor, { articleId: id, expectedVersion: saved.version });
  const coverage = await makeLiveCoverage(setupEditor, { articleId: id, keyPoints: ["Kick-off at three"], match: { home: "Rovers", away: "Town", competition: "League", venue: "Rovers Park" } });
  await updateCoverage(setupEditor, { articleId: id, expectedVersion: coverage.version, status: "LIVE" });
  await notifyServer([id]);
  const { slug } = await db.article.findUniqueOrThrow({ where: { id }, select: { slug: true } });
  return { id, path: `/${section.slug}/${slug}`, editor: setupEditor };
}

// ---- the desk (newsroom) side

const composer = (page: Page) => page.getByRole("textbox", { name: "New entry" });
const deskEntry = (page: Page, text: string) => page.locator("li.live-entry", { hasText: text });

async function openDesk(account: typeof EDITOR, articleId: string): Promise<{ page: Page; errors: string[] }> {
  const { context, page } = await signIn(browser, account);
  contexts.push(context);
  const errors = collectPageErrors(page);
  await page.goto(urlFor(`/newsroom/stories/${articleId}/live`));
  await composer(page).waitFor();
  return { page, errors };
}

async function post(page: Page, text: string): Promise<void> {
  await composer(page).click();
  await composer(page).pressSequentially(text);
  await page.keyboard.press("Control+Enter");
  await deskEntry(page, text).waitFor();
  await expect.poll(async () => (await composer(page).innerText()).trim()).toBe("");
}

// ---- the reader side

type Shown = { id: string; text: string; pinned: boolean };

const readerEntries = (page: Page) => page.locator("section.live ol.live-entries > li");

// What the reader's list shows, top to bottom.
async function shown(page: Page): Promise<Shown[]> {
  return readerEntries(page).evaluateAll((items) =>
    items.map((item) => ({
      id: item.getAttribute("data-entry-id") ?? "",
      text: (item.querySelector(".live-entry-body")?.textContent ?? "").replace(/\s+/g, " ").trim(),
      pinned: item.getAttribute("data-pinned") === "true" && item.querySelector(".live-entry-flag")?.textContent === "Pinned",
    })),
  );
}

const shownTexts = async (page: Page) => (await shown(page)).map((entry) => (entry.pinned ? `📌 ${entry.text}` : entry.text));

declare global {
  interface Window {
    // Set on the reader's page by watchForDuplicates.
    liveDuplicates?: string[];
  }
}

// Watches the reader's list from now on and remembers any moment it held an entry twice, so a
// duplicate that the next change happens to remove still fails the test.
async function watchForDuplicates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const list = document.querySelector("section.live ol.live-entries");
    if (!list) throw new Error("no live entries list on the reader page");
    const seen: string[] = [];
    window.liveDuplicates = seen;
    const check = () => {
      const ids = [...list.children].map((item) => item.getAttribute("data-entry-id") ?? "(no id)");
      const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
      if (twice.length) seen.push(twice.join(","));
    };
    new MutationObserver(check).observe(list, { childList: true });
    check();
  });
}

const duplicatesSeen = (page: Page) => page.evaluate(() => window.liveDuplicates);

async function openReader(path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const response = await page.goto(urlFor(path));
  expect(response?.status()).toBe(200);
  await page.locator("section.live").waitFor();
  return { page, errors };
}

// The entries as the database orders them for readers (pinned, postedAt, id: lib/live/queries.ts).
async function storedOrder(articleId: string): Promise<{ id: string; text: string; pinned: boolean }[]> {
  const rows = await db.liveEntry.findMany({ where: { articleId, deletedAt: null }, orderBy: [{ pinned: "desc" }, { postedAt: "desc" }, { id: "desc" }] });
  return rows.map((row) => ({ id: row.id, text: row.bodyText.replace(/\s+/g, " ").trim(), pinned: row.pinned }));
}

describe("live coverage for readers", () => {
  it("shows two reporters' entries, edits, deletes and pins to an open page, after a reload, and to a late reader", async () => {
    const story = await publishedLiveStory();

    const reader = await openReader(story.path);
    expect(await reader.page.locator("section.live .live-status").innerText()).toMatch(/^live$/i);
    await expect.poll(() => reader.page.locator("section.live .live-empty").isVisible()).toBe(true);
    expect(await shown(reader.page)).toEqual([]);
    await watchForDuplicates(reader.page);

    const sam = await openDesk(CONTRIBUTOR, story.id);
    const jordan = await openDesk(EDITOR, story.id);

    // Turn about, each from their own desk; the reader's open page follows each post.
    await post(sam.page, "Teams are out at Rovers Park.");
    await expect.poll(() => shownTexts(reader.page)).toEqual(["Teams are out at Rovers Park."]);
    expect(await reader.page.locator("section.live .live-empty").isVisible()).toBe(false);
    await post(jordan.page, "Kick-off: Town get us under way.");
    await expect.poll(() => shownTexts(reader.page)).toEqual(["Kick-off: Town get us under way.", "Teams are out at Rovers Park."]);
    await post(sam.page, "Rovers hit the post from 25 yards.");
    await expect.poll(() => shownTexts(reader.page)).toEqual(["Rovers hit the post from 25 yards.", "Kick-off: Town get us under way.", "Teams are out at Rovers Park."]);

    // Both at the same moment: whichever lands first, the reader shows the server's order.
    await Promise.all([post(sam.page, "Yellow card for the Town captain."), post(jordan.page, "Corner to Rovers, cleared.")]);
    await expect.poll(async () => (await storedOrder(story.id)).length).toBe(5);
    const afterPosts = await storedOrder(story.id);
    expect(afterPosts.slice(2).map((entry) => entry.text)).toEqual(["Rovers hit the post from 25 yards.", "Kick-off: Town get us under way.", "Teams are out at Rovers Park."]);
    await expect.poll(() => shown(reader.page)).toEqual(afterPosts);

    // The contributor edits their own first entry: its text changes where it is.
    const before = await shown(reader.page);
    const teamsAt = before.findIndex((entry) => entry.text === "Teams are out at Rovers Park.");
    await deskEntry(sam.page, "Teams are out").getByRole("button", { name: "Edit" }).click();
    const editor = sam.page.getByRole("textbox", { name: "Edit entry" });
    await editor.click();
    await sam.page.keyboard.press("Control+End");
    await sam.page.keyboard.type(" Both sides unchanged.");
    await sam.page.getByRole("button", { name: "Save entry" }).click();
    await deskEntry(sam.page, "Both sides unchanged.").waitFor();
    const edited = before.map((entry, index) => (index === teamsAt ? { ...entry, text: "Teams are out at Rovers Park. Both sides unchanged." } : entry));
    await expect.poll(() => shown(reader.page)).toEqual(edited);

    // The editor deletes the contributor's near miss (after the confirm): gone from the reader's page.
    await deskEntry(jordan.page, "Rovers hit the post").waitFor();
    jordan.page.once("dialog", (dialog) => void dialog.accept());
    await deskEntry(jordan.page, "Rovers hit the post").getByRole("button", { name: "Delete" }).click();
    await jordan.page.locator("li.live-entry--deleted", { hasText: "Rovers hit the post" }).waitFor();
    const afterDelete = edited.filter((entry) => entry.text !== "Rovers hit the post from 25 yards.");
    await expect.poll(() => shown(reader.page)).toEqual(afterDelete);

    // The editor pins the (edited) oldest entry: it goes to the top, marked pinned; the rest keep their order.
    await deskEntry(jordan.page, "Both sides unchanged.").waitFor();
    await deskEntry(jordan.page, "Both sides unchanged.").getByRole("button", { name: "Pin" }).click();
    await deskEntry(jordan.page, "Both sides unchanged.").getByRole("button", { name: "Unpin" }).waitFor();
    const pinned = afterDelete.find((entry) => entry.text.startsWith("Teams are out"))!;
    const final = [{ ...pinned, pinned: true }, ...afterDelete.filter((entry) => entry !== pinned)];
    await expect.poll(() => shown(reader.page)).toEqual(final);
    expect(final.map((entry) => entry.text)).toEqual(["Teams are out at Rovers Park. Both sides unchanged.", ...afterPosts.slice(0, 2).map((entry) => entry.text), "Kick-off: Town get us under way."]);
    expect(await storedOrder(story.id)).toEqual(final);
    expect(await duplicatesSeen(reader.page)).toEqual([]);
    await screenshot(reader.page, "live-reader");

    // A reload shows the same, from the server's HTML.
    await reader.page.reload();
    await reader.page.locator("section.live").waitFor();
    expect(await shown(reader.page)).toEqual(final);

    // So does a reader who opens the page only now.
    const late = await openReader(story.path);
    expect(await shown(late.page)).toEqual(final);
    expect(await late.page.locator("section.live .live-empty").isVisible()).toBe(false);

    expect(reader.errors).toEqual([]);
    expect(late.errors).toEqual([]);
    expect(sam.errors).toEqual([]);
    expect(jordan.errors).toEqual([]);
  });

  // The reader is reading lower down, and the event stream is refused (a proxy that does not pass
  // streams): the page falls back to polling …/changes, and new entries wait behind a button
  // instead of pushing the text the reader is reading.
  it("holds new entries behind a button while the reader reads lower down, and polls when the event stream is refused", async () => {
    const story = await publishedLiveStory();
    const words = "Rovers keep the ball and probe down the left, but the final pass will not come. ".repeat(4).trim();
    for (let minute = 1; minute <= 12; minute++) {
      await postEntry(story.editor, { articleId: story.id, body: { type: "doc", content: [paragraph(`${minute}': ${words}`)] }, postedAt: new Date(Date.now() - (20 - minute) * 60_000) });
    }
    await notifyServer([story.id]);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const streams: string[] = [];
    const polls: string[] = [];
    await page.route("**/events?**", (route) => (streams.push(route.request().url()), route.fulfill({ status: 503, contentType: "text/plain", body: "No streams here." })));
    page.on("request", (request) => request.url().includes("/changes?") && polls.push(request.url()));
    await page.goto(urlFor(story.path));
    await page.locator("section.live").waitFor();
    const before = await shown(page);
    expect(before).toHaveLength(12);
    await expect.poll(() => polls.length).toBeGreaterThan(0);
    expect(streams.length).toBeGreaterThan(0);

    // Reading the seventh entry, at the top of the window.
    await readerEntries(page)
      .nth(6)
      .evaluate((element) => element.scrollIntoView({ block: "start" }));
    const reading = async () =>
      readerEntries(page)
        .nth(6)
        .evaluate((element) => Math.round(element.getBoundingClientRect().top));
    const top = await reading();

    await postEntry(story.editor, { articleId: story.id, body: { type: "doc", content: [paragraph("GOAL! Rovers lead.")] } });
    await notifyServer([story.id]);
    const button = page.getByRole("button", { name: "1 new update" });
    await button.waitFor({ timeout: 20_000 });
    expect(await shown(page)).toEqual(before);
    expect(await reading()).toBe(top);

    await button.click();
    await expect.poll(async () => (await shown(page))[0]?.text).toBe("GOAL! Rovers lead.");
    expect((await shown(page)).slice(1)).toEqual(before);
    await expect.poll(() => page.locator("section.live ol.live-entries").evaluate((list) => Math.round(list.getBoundingClientRect().top) <= 1)).toBe(true);
    expect(await button.count()).toBe(0);
    expect(errors.filter((error) => !error.includes("503"))).toEqual([]);
  });
});
