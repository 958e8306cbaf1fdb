// What e2e tests of the newsroom share: signing in through the real form as a demo account,
// starting a story, and the story editor's parts (body, save state, node cards, media picker).
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { urlFor } from "./harness";

// The demo accounts lib/users/bootstrap.ts creates in the e2e database.
export const EDITOR = { email: "editor@pressbox.test", password: "demo-editor-password", name: "Jordan Ellis" };
export const ADMIN = { email: "admin@pressbox.test", password: "demo-admin-password", name: "Pressbox Admin" };
export const CONTRIBUTOR = { email: "contributor@pressbox.test", password: "demo-contributor-password", name: "Sam Whitfield" };
export type Account = typeof EDITOR;

// Autosave waits 3 s after the last change; a save of a whole story takes well under a second.
const SAVE_TIMEOUT_MS = 15_000;

// A fresh browser context, signed in through the sign-in form, on the story list. `at` makes a
// path absolute: the shared e2e server's by default, or a test's own server's.
export async function signIn(browser: Browser, account: Account, at: (path: string) => string = urlFor): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(at("/newsroom/stories"));
  await page.waitForURL(/\/sign-in\?/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/newsroom\/stories$/).catch(async (error) => {
    const shown = (await page.getByRole("alert").allInnerTexts()).join(" ") || "no message";
    throw new Error(`Signing in as ${account.email} did not reach the story list (at ${page.url()}: ${shown})`, { cause: error });
  });
  await page.getByRole("heading", { name: "Stories", level: 1 }).waitFor();
  return { context, page };
}

// "New story" makes an empty draft and opens it in the editor; returns the story's id.
export async function startNewStory(page: Page): Promise<string> {
  await page.getByRole("button", { name: "New story" }).click();
  await page.waitForURL(/\/newsroom\/stories\/[^/?]+$/);
  await storyBody(page).waitFor();
  return new URL(page.url()).pathname.split("/").pop()!;
}

export const storyBody = (page: Page) => page.getByRole("textbox", { name: "Story body" });
export const saveState = (page: Page) => page.locator(".workflow-bar .save-state");
export const statusBadge = (page: Page) => page.locator(".workflow-bar .badge");
export const nodeCards = (page: Page, type: string) => page.locator(`[data-node="${type}"]`);

// Waits for the state line to say the last change is saved. A refused save shows its reason in
// an alert, which then becomes part of the failure message.
export async function waitUntilSaved(page: Page): Promise<void> {
  const stateAndReason = async () => {
    const state = await saveState(page).innerText();
    return state === "Not saved" ? `${state}: ${await page.locator(".story-editor > [role=alert]").innerText()}` : state;
  };
  await expect.poll(stateAndReason, { timeout: SAVE_TIMEOUT_MS }).toBe("All changes saved");
}

// Puts the caret in the body's last paragraph (the editor keeps an empty one after a block).
export async function caretAtEnd(page: Page): Promise<void> {
  await storyBody(page).locator(":scope > p").last().click();
  await page.keyboard.press("Control+End");
}

// Opens the media picker with `opener`, searches the library and picks the photo with that alt text.
export async function pickPhoto(page: Page, opener: Locator, search: string, altText: string): Promise<void> {
  await opener.click();
  const picker = page.getByRole("dialog", { name: "Choose a photo" });
  await picker.getByLabel("Search the library").fill(search);
  await picker.getByRole("button", { name: `Use photo: ${altText}` }).click();
  await picker.waitFor({ state: "hidden" });
}

// A paste carrying HTML only, so what arrives can only have come through the editor's HTML clean-up.
export async function pasteHtml(page: Page, html: string): Promise<void> {
  await storyBody(page).evaluate((editor, pasted) => {
    const data = new DataTransfer();
    data.setData("text/html", pasted);
    editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}
