// Housekeeping the way a desk does it, in Chromium: an editor deletes a draft from the editor,
// finds it in the story list's Trash view (who deleted it and when), opens it ("in the trash") and
// restores it; a published story cannot be deleted, and the refusal says to unpublish it first;
// "New story" left without typing leaves nothing in the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { db } from "@/lib/db";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { EDITOR, signIn, startNewStory, waitUntilSaved } from "./newsroom-session";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("the trash", () => {
  it("takes a deleted draft to the Trash view, and restores it from there", async () => {
    const headline = `Ski cross heat rerun ${Date.now()}`;
    const { context, page } = await signIn(browser, EDITOR);
    const errors = collectPageErrors(page);
    const storyId = await startNewStory(page);
    await page.getByLabel("Headline").pressSequentially(headline);
    await waitUntilSaved(page);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Move to trash" }).click();
    await page.waitForURL(/\/newsroom\/stories\?view=trash/);
    await page.getByRole("heading", { name: "Trash", level: 1 }).waitFor();
    await expect(page.getByRole("status").filter({ hasText: "Moved to the trash" }).count()).resolves.toBe(1);
    const row = page.getByRole("row").filter({ hasText: headline });
    await expect(row.innerText()).resolves.toMatch(new RegExp(`${EDITOR.name}`));
    await expect(row.locator("time").first().getAttribute("datetime")).resolves.toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await screenshot(page, "trash-view");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: storyId, action: "article.trash" } });
    expect(audit.ip, "the request's address is on the audit entry").toMatch(/127\.0\.0\.1/);

    await page.goto(urlFor("/newsroom/stories"));
    await expect(page.getByRole("link", { name: headline }).count()).resolves.toBe(0);

    await page.goto(urlFor(`/newsroom/stories/${storyId}`));
    await expect(page.getByRole("status").filter({ hasText: "This story is in the trash" }).innerText()).resolves.toContain(`moved there by ${EDITOR.name}`);
    await screenshot(page, "trash-story-opened");

    await page.goto(urlFor("/newsroom/stories?view=trash"));
    await page.getByRole("row").filter({ hasText: headline }).getByRole("button", { name: "Restore" }).click();
    await page.waitForURL(new RegExp(`/newsroom/stories/${storyId}$`));
    await expect(page.getByLabel("Headline").inputValue()).resolves.toBe(headline);
    await page.goto(urlFor("/newsroom/stories"));
    await expect(page.getByRole("link", { name: headline }).count()).resolves.toBe(1);
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ deletedAt: null, deletedById: null });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refuses to delete a published story and says to unpublish it first", async () => {
    const story = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED", deletedAt: null, linkedFrom: { none: {} } }, orderBy: { publishedAt: "asc" } });
    const { context, page } = await signIn(browser, EDITOR);
    await page.goto(urlFor(`/newsroom/stories/${story.id}`));
    await page.getByRole("button", { name: "Move to trash" }).click();
    await expect(page.locator(".trash-control [role=alert]").innerText()).resolves.toBe("A published story cannot be deleted. Unpublish it first; then it can go to the trash.");
    await expect(db.article.findUniqueOrThrow({ where: { id: story.id } })).resolves.toMatchObject({ status: "PUBLISHED", deletedAt: null });
    await context.close();
  });

  it("does not list a New story the editor left without typing", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const before = await page.locator(".result-count").innerText();
    const storyId = await startNewStory(page);
    await page.goto(urlFor("/newsroom/stories"));
    await expect(page.locator(".result-count").innerText()).resolves.toBe(before);
    await expect(page.locator(`a[href="/newsroom/stories/${storyId}"]`).count()).resolves.toBe(0);
    await context.close();
  });
});
