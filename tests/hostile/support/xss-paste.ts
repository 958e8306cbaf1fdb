// The corpus pasted as HTML into the newsroom's story editor, the way a person pastes from a web
// page: one paste event per payload (text/html only, so everything goes through the editor's
// HTML clean-up and the schema's parse rules), each between two marker paragraphs. Then the
// story is saved (the server validates the body) and published through the editor's buttons.
import type { BrowserContext, Page } from "playwright-core";
import { caretAtEnd, storyBody, waitUntilSaved } from "../../e2e/newsroom-session";
import type { Payload } from "./xss-corpus";

export const pasteMarker = (payload: Payload, end: "start" | "end") => `pbx-paste-${payload.id}-${end}`;

export const pastedHtml = (payload: Payload) => `<p>${pasteMarker(payload, "start")}</p>${payload.text}<p>${pasteMarker(payload, "end")}</p>`;

// All pastes in one evaluate: each is its own ClipboardEvent, handled synchronously by ProseMirror,
// which leaves the caret after what it inserted.
async function pasteEach(page: Page, htmls: string[]): Promise<void> {
  await storyBody(page).evaluate((editor, pastes) => {
    for (const html of pastes) {
      const data = new DataTransfer();
      data.setData("text/html", html);
      editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }
  }, htmls);
}

async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Publish now" }).click();
  // The editor's notice says "Published." or why not.
  const notice = page.locator(".story-editor .notice");
  await notice.waitFor();
  const text = await notice.innerText();
  if (!text.includes("Published.")) throw new Error(`publishing the pasted story was refused: ${text}`);
}

// Opens the story in the editor (the context must be signed in as an editor), pastes, saves and
// publishes.
export async function pasteIntoStory(context: BrowserContext, baseUrl: string, storyId: string, payloads: Payload[]): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/newsroom/stories/${storyId}`);
  await storyBody(page).waitFor();
  await caretAtEnd(page);
  await pasteEach(page, payloads.map(pastedHtml));
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await waitUntilSaved(page);
  await publish(page);
  await page.close();
}
