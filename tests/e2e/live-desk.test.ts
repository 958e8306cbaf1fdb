// The live desk, used the way a reporter uses it: an editor signs in, makes a story live coverage,
// posts two entries with Ctrl+Enter without leaving the keyboard, edits one in place, deletes one,
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
const entry = (page: Page, text: string) => page.locator("li.live-entry", { hasText: text });
const entryTexts = (page: Page) => page.locator("li.live-entry:not(.live-entry--deleted) .live-entry-text").allInnerTexts();

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
    await expect.poll(() => composer(page).evaluate((node) => node === document.activeElement || node.contains(document.activeElement))).toBe(true);

    await postWithKeyboard(page, "Teams are out at Rovers Park.");
    await postWithKeyboard(page, "Kick-off: Town get us under way.");
    expect(await entryTexts(page)).toEqual(["Kick-off: Town get us under way.", "Teams are out at Rovers Park."]);

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
    expect(await entryTexts(page)).toEqual(["Kick-off: Town get us under way."]);
    await expect(entry(page, "Kick-off").getAttribute("class")).resolves.toContain("live-entry--pinned");
    await expect(page.locator("li.live-entry--deleted").count()).resolves.toBe(1);

    const stored = await db.liveEntry.findMany({ where: { articleId: id }, orderBy: { postedAt: "asc" } });
    expect(stored.map((row) => [row.bodyText, row.pinned, row.deletedAt !== null, row.version])).toEqual([
      ["Teams are out at Rovers Park. Both sides unchanged.", false, true, 3],
      ["Kick-off: Town get us under way.", true, false, 2],
    ]);
    await screenshot(page, "live-desk");
    expect(errors).toEqual([]);
    await context.close();
  });
});
