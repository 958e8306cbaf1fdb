// A published story changes only when an editor says so, used the way a desk uses it: an editor
// types a new standfirst into a live story and autosave stores it; the public page, the feed and
// search keep the live words until "Update live story", then all show the new ones at once.
// "Discard changes" takes the working copy back to the live version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/articles/create-article";
import { saveArticle } from "@/lib/articles/save/save-article";
import { publishArticle } from "@/lib/articles/workflow";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { EDITOR, signIn, waitUntilSaved } from "./newsroom-session";
import { getText, notifyServer } from "./reader-support";
import { createStaff } from "../fixtures/staff";
import { currentInput, paragraph } from "../fixtures/article-input";

const LIVE_STANDFIRST = "Accra Lions go four points clear with two games left.";
const TYPED = "Accra Lions go four points clear. Mensah, who came on in the 70th minute, scored a xylophonic volley.";
const DISCARDED = "Words nobody outside the newsroom should ever read: quarkish.";

let browser: Browser;
let story: { id: string; path: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const author = await createStaff("EDITOR", "Live Version Author");
  const section = await db.section.findFirstOrThrow({ where: { slug: "football" } });
  const profile = await db.bylineProfile.findFirstOrThrow();
  const { id } = await createArticle(author, { headline: "Draft" });
  const { version, article } = await currentInput(id);
  const slug = `accra-lions-four-points-clear-${Date.now()}`;
  const saved = await saveArticle(author, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: "Accra Lions four points clear",
      slug,
      standfirst: LIVE_STANDFIRST,
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      body: { type: "doc", content: [paragraph("A late winner at the Ohene Djan.")] },
    },
  });
  await publishArticle(author, { articleId: id, expectedVersion: saved.version });
  await notifyServer([id]);
  story = { id, path: `/football/${slug}` };
});

afterAll(async () => {
  await browser?.close();
});

async function readerSees(word: string) {
  const [page, feed, search] = await Promise.all([getText(story.path), getText("/feed.xml"), getText(`/search?q=${word}`)]);
  return { page: page.text.includes(word), feed: feed.text.includes(word), search: search.text.includes(story.path) };
}

const standfirst = (page: Page) => page.getByLabel("Standfirst");
const liveState = (page: Page) => page.locator(".live-bar-state");

describe("a published story's working copy", () => {
  it("keeps autosaved edits off the public page, the feed and search until 'Update live story'", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const errors = collectPageErrors(page);
    await page.goto(urlFor(`/newsroom/stories/${story.id}`));
    await expect.poll(() => liveState(page).innerText()).toBe("Live · no unpublished changes");
    expect(await readerSees("Accra")).toEqual({ page: true, feed: true, search: true });

    await standfirst(page).fill(TYPED);
    await waitUntilSaved(page);
    await expect.poll(() => liveState(page).innerText()).toMatch(/^Live · 1 unpublished change/);
    expect(await readerSees("xylophonic")).toEqual({ page: false, feed: false, search: false });
    expect((await getText(story.path)).text).toContain(LIVE_STANDFIRST);

    await page.getByRole("button", { name: "Compare with live" }).click();
    const row = page.locator(".live-bar .diff-fields tr", { hasText: "standfirst" });
    await expect.poll(() => row.innerText()).toContain("xylophonic");
    await screenshot(page, "editor-live-version-compare");

    await page.getByRole("button", { name: "Update live story" }).click();
    await expect
      .poll(() =>
        page
          .locator(".live-bar-message")
          .innerText()
          .catch(() => ""),
      )
      .toBe("The live story is updated.");
    await expect.poll(() => liveState(page).innerText()).toBe("Live · no unpublished changes");
    expect(await readerSees("xylophonic")).toEqual({ page: true, feed: true, search: true });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: story.id, action: "article.update-live" }, include: { actor: true } });
    expect(audit.actor?.name).toBe(EDITOR.name);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("'Discard changes' brings the working copy back to the live version", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    await page.goto(urlFor(`/newsroom/stories/${story.id}`));
    const live = await standfirst(page).inputValue();
    expect(live).toBe(TYPED);
    await standfirst(page).fill(DISCARDED);
    await waitUntilSaved(page);
    await expect.poll(() => liveState(page).innerText()).toMatch(/^Live · 1 unpublished change/);
    await page.getByRole("button", { name: "Discard changes" }).click();
    await page.getByRole("button", { name: "Yes, discard" }).click();
    await expect.poll(() => standfirst(page).inputValue(), { timeout: 15_000 }).toBe(live);
    await expect.poll(() => liveState(page).innerText()).toBe("Live · no unpublished changes");
    expect(await readerSees("quarkish")).toEqual({ page: false, feed: false, search: false });
    expect(await db.workingCopy.count({ where: { articleId: story.id } })).toBe(0);
    await context.close();
  });
});
