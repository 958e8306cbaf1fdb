// An embargo set in the story editor, in real Chromium: the editor sets it in the embargo panel,
// "Publish now" is refused with a message naming the time, scheduling before it is refused and
// scheduling at it is accepted, and the story's public address shows an anonymous reader nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createArticle } from "@/lib/articles/create-article";
import { saveArticle } from "@/lib/articles/save/save-article";
import { db } from "@/lib/db";
import { currentInput, paragraph } from "../fixtures/article-input";
import { uniqueSuffix } from "../fixtures/accounts";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { EDITOR, signIn, statusBadge } from "./newsroom-session";

const suffix = uniqueSuffix();
const HEADLINE = `Transfer deadline deal agreed under embargo ${suffix}`;

let browser: Browser;
let page: Page;
let errors: string[];
let storyId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await signIn(browser, EDITOR));
  errors = collectPageErrors(page);
  storyId = await readyDraft();
});

afterAll(async () => {
  await browser?.close();
});

// A draft that passes the publish checks, so only the embargo stands in the way.
async function readyDraft(): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email: EDITOR.email } });
  const actor = { id: user.id, role: user.role, name: user.name };
  const [section, profile] = await Promise.all([db.section.findFirstOrThrow({ where: { slug: "football" } }), db.bylineProfile.findFirstOrThrow()]);
  const { id } = await createArticle(actor, {});
  const { version, article } = await currentInput(id);
  await saveArticle(actor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: HEADLINE,
      standfirst: "The club and the player have agreed terms; the announcement waits for the embargo.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      body: { type: "doc", content: [paragraph("The fee is a club record.")] },
    },
  });
  return id;
}

// A datetime-local value `hours` ahead in the browser's own time zone, and the instant it means.
function browserTimeAhead(hours: number): Promise<{ local: string; iso: string }> {
  return page.evaluate((ahead) => {
    const at = new Date(Date.now() + ahead * 3_600_000);
    at.setSeconds(0, 0);
    const pad = (n: number) => String(n).padStart(2, "0");
    const local = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
    return { local, iso: at.toISOString() };
  }, hours);
}

const embargoPanel = () => page.getByRole("region", { name: "Embargo" });
const scheduleAt = async (local: string) => {
  await page.getByLabel("Publish at").fill(local);
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
};

describe("an embargo set in the story editor", () => {
  let embargo: { local: string; iso: string };

  it("is set in the embargo panel and shown as in force", async () => {
    await page.goto(urlFor(`/newsroom/stories/${storyId}`));
    embargo = await browserTimeAhead(48);
    await embargoPanel().getByLabel("Embargo until").fill(embargo.local);
    await embargoPanel().getByRole("button", { name: "Set embargo" }).click();
    await embargoPanel().getByRole("status").filter({ hasText: "Embargoed until" }).waitFor();
    await expect(embargoPanel().locator("time").getAttribute("datetime")).resolves.toBe(embargo.iso);
    await expect(embargoPanel().getByLabel("Extend embargo to").count()).resolves.toBe(1);
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ embargoUntil: new Date(embargo.iso), status: "DRAFT" });
    await screenshot(page, "embargo-story-editor");
  });

  it("refuses Publish now with a message naming the time", async () => {
    await page.getByRole("button", { name: "Publish now" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "embargoed until" });
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain(`(${embargo.iso}): it cannot be published before then`);
    await expect(statusBadge(page).textContent()).resolves.toBe("draft");
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ status: "DRAFT", publishedAt: null });
    await screenshot(page, "embargo-publish-refused");
  });

  it("refuses a schedule before the embargo and accepts one at it", async () => {
    const early = await browserTimeAhead(47);
    await scheduleAt(early.local);
    await page
      .getByRole("alert")
      .filter({ hasText: `(${embargo.iso})` })
      .waitFor();
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ status: "DRAFT", publishAt: null });

    await scheduleAt(embargo.local);
    await expect.poll(() => statusBadge(page).textContent()).toBe("scheduled");
    await expect(page.locator(".workflow-status time").getAttribute("datetime")).resolves.toBe(embargo.iso);
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ status: "SCHEDULED", publishAt: new Date(embargo.iso), embargoUntil: new Date(embargo.iso) });
    expect(errors).toEqual([]);
  });

  it("shows an anonymous reader nothing at the story's public address", async () => {
    const story = await db.article.findUniqueOrThrow({ where: { id: storyId }, include: { section: true } });
    const context = await browser.newContext();
    const reader = await context.newPage();
    const response = await reader.goto(urlFor(`/${story.section!.slug}/${story.slug}`));
    expect([404, 410]).toContain(response?.status());
    await expect(reader.locator("body").innerText()).resolves.not.toContain(HEADLINE);
    await context.close();
  });
});
