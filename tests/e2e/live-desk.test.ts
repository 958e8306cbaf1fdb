// The live desk, used the way a reporter uses it: an editor signs in, makes a story live coverage,
// posts entries with Ctrl+Enter without leaving the keyboard (one with a related story), edits one in place, deletes one,
// pins one, and after a reload sees the same; an entry being written survives a reload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
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

const composer = (page: Page) => page.getByRole("textbox", { name: "New entry" });
const composerHasFocus = (page: Page) => composer(page).evaluate((node) => node === document.activeElement || node.contains(document.activeElement));
const entry = (page: Page, text: string) => page.locator("li.live-entry", { hasText: text });
const entryTexts = async (page: Page) => (await page.locator("li.live-entry:not(.live-entry--deleted) .live-entry-text").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());

async function postWithKeyboard(page: Page, text: string): Promise<void> {
  await composer(page).pressSequentially(text);
  await page.keyboard.press("Control+Enter");
  await entry(page, text).waitFor();
  await expect.poll(async () => (await composer(page).innerText()).trim()).toBe("");
}

describe("the live desk", () => {
  it("posts, edits, deletes and pins entries, and shows the same after a reload", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const errors = collectPageErrors(page);
    const id = await startNewStory(page);
    await page.getByLabel("Headline").pressSequentially("Live: Rovers v Town");
    await waitUntilSaved(page);

    await page.getByRole("link", { name: "Live coverage desk" }).click();
    await page.waitForURL(urlFor(`/newsroom/stories/${id}/live`));
    await page.getByRole("button", { name: "Make live coverage" }).click();
    await composer(page).waitFor();
    await expect.poll(() => composerHasFocus(page)).toBe(true);

    await postWithKeyboard(page, "Teams are out at Rovers Park.");
    await postWithKeyboard(page, "Kick-off: Town get us under way.");
    expect(await entryTexts(page)).toEqual(["Kick-off: Town get us under way.", "Teams are out at Rovers Park."]);

    // A related story from the composer's block picker, then Ctrl+Enter from where the caret is.
    await composer(page).pressSequentially("Last time they met:");
    await page.getByRole("button", { name: "Related story…" }).click();
    await page.getByLabel("Search published stories").fill("Late header");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByRole("button", { name: /Late header sends Harbour City top/ }).click();
    await expect.poll(() => composerHasFocus(page)).toBe(true);
    await page.keyboard.press("Control+Enter");
    await entry(page, "Last time they met:").getByText("[related story]").waitFor();

    // Edit in place.
    await entry(page, "Teams are out").getByRole("button", { name: "Edit" }).click();
    const editor = page.getByRole("textbox", { name: "Edit entry" });
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Both sides unchanged.");
    await page.getByRole("button", { name: "Save entry" }).click();
    await entry(page, "Both sides unchanged.").locator(".live-entry-text").waitFor();

    // Pin the kick-off entry, then delete the other one (after the confirm).
    await entry(page, "Kick-off").getByRole("button", { name: "Pin" }).click();
    await entry(page, "Kick-off").getByRole("button", { name: "Unpin" }).waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await entry(page, "Both sides unchanged").getByRole("button", { name: "Delete" }).click();
    await page.locator("li.live-entry--deleted", { hasText: "Both sides unchanged" }).waitFor();

    // A half-written entry survives the reload; the desk shows what it showed.
    await composer(page).pressSequentially("Half-written");
    await page.reload();
    await composer(page).waitFor();
    await expect.poll(async () => (await composer(page).innerText()).trim()).toBe("Half-written");
    expect(await entryTexts(page)).toEqual(["Kick-off: Town get us under way.", "Last time they met: [related story]"]);
    await expect(entry(page, "Kick-off").getAttribute("class")).resolves.toContain("live-entry--pinned");
    await expect(page.locator("li.live-entry--deleted").count()).resolves.toBe(1);

    const stored = await db.liveEntry.findMany({ where: { articleId: id }, orderBy: { postedAt: "asc" } });
    expect(stored.map((row) => [row.bodyText, row.pinned, row.deletedAt !== null, row.version])).toEqual([
      ["Teams are out at Rovers Park. Both sides unchanged.", false, true, 3],
      ["Kick-off: Town get us under way.", true, false, 2],
      [expect.stringContaining("Last time they met:"), false, false, 1],
    ]);
    // The reloaded desk gives the composer the keyboard (after the kept words): typing at once and
    // Ctrl+Enter post the entry, with no click.
    await expect.poll(() => composerHasFocus(page)).toBe(true);
    await page.keyboard.type(" entry, posted after the reload.");
    await page.keyboard.press("Control+Enter");
    await entry(page, "Half-written entry, posted after the reload.").waitFor();
    await expect.poll(async () => (await composer(page).innerText()).trim()).toBe("");

    // "Make this a story": a new draft from the entry, opened from the link the desk shows.
    await entry(page, "Kick-off").getByRole("button", { name: "Make this a story" }).click();
    await entry(page, "Kick-off").getByRole("status").getByText("A draft story was made from this entry.").waitFor();
    await screenshot(page, "live-desk");
    await entry(page, "Kick-off").getByRole("link", { name: "Open the draft" }).click();
    await page.waitForURL((url) => /^\/newsroom\/stories\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(id));
    await expect.poll(() => page.getByRole("textbox", { name: "Headline", exact: true }).inputValue()).toBe("Kick-off: Town get us under way.");
    const draftId = page.url().split("/").pop()!;
    await expect(db.article.findUniqueOrThrow({ where: { id: draftId } })).resolves.toMatchObject({ status: "DRAFT", headline: "Kick-off: Town get us under way." });
    expect(errors).toEqual([]);
    await context.close();
  });
});
