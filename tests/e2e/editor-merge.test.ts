// Two people editing one story in Chromium: when their saves cross, what does not clash merges
// by itself (both changes end up in the database and on the screen of the one who saved second),
// and only a real clash asks a question, whose answer is what gets saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { collectPageErrors, launchBrowser, urlFor } from "./harness";
import { ADMIN, EDITOR, signIn, startNewStory, storyBody, waitUntilSaved } from "./newsroom-session";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const FIRST = { headline: "Curling semi-final goes to an extra end", paragraphs: ["The home rink led after five ends.", "Their skip missed a draw in the ninth."] };

const paragraphsOf = (page: Page) => storyBody(page).locator(":scope > p").allInnerTexts();
const savedBody = async (storyId: string) => (await db.article.findUniqueOrThrow({ where: { id: storyId } })).bodyText.split("\n");

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

async function appendToParagraph(page: Page, index: number, text: string): Promise<void> {
  await storyBody(page).locator(":scope > p").nth(index).click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

// A (the editor) writes and saves a first version; B (the admin) opens it. Both start from it.
async function openTwice() {
  const a = await signIn(browser, EDITOR);
  const b = await signIn(browser, ADMIN);
  const errors = [...collectPageErrors(a.page), ...collectPageErrors(b.page)];
  const storyId = await startNewStory(a.page);
  await a.page.getByLabel("Headline").fill(FIRST.headline);
  await storyBody(a.page).click();
  await a.page.keyboard.type(FIRST.paragraphs[0]);
  await a.page.keyboard.press("Enter");
  await a.page.keyboard.type(FIRST.paragraphs[1]);
  await save(a.page);
  await waitUntilSaved(a.page);
  await b.page.goto(urlFor(`/newsroom/stories/${storyId}`));
  await expect.poll(() => paragraphsOf(b.page)).toEqual(FIRST.paragraphs);
  return {
    a,
    b,
    errors,
    storyId,
    close: async () => {
      await a.context.close();
      await b.context.close();
    },
  };
}

describe("two people saving the same story from the same version", () => {
  it("merges edits to different fields and different paragraphs without asking, and says whose changes came in", async () => {
    const { a, b, errors, storyId, close } = await openTwice();
    const theirHeadline = "Curling semi-final won with the last stone of the extra end";
    const theirWords = " Then came the extra end.";
    await a.page.getByLabel("Headline").fill(theirHeadline);
    await appendToParagraph(a.page, 0, theirWords);
    await save(a.page);
    await waitUntilSaved(a.page);
    const afterA = await db.article.findUniqueOrThrow({ where: { id: storyId } });

    const myStandfirst = "The home rink held its nerve when it mattered.";
    const myWords = " He made the next one.";
    await b.page.getByLabel("Standfirst").fill(myStandfirst);
    await appendToParagraph(b.page, 1, myWords);
    await save(b.page);
    await waitUntilSaved(b.page);

    await expect(b.page.getByRole("status").filter({ hasText: "Merged with" }).innerText()).resolves.toMatch(new RegExp(`^Merged with ${EDITOR.name}'s changes: .*headline`));
    expect(await b.page.getByRole("alertdialog").count()).toBe(0);
    const merged = await db.article.findUniqueOrThrow({ where: { id: storyId }, include: { lastEditedBy: true } });
    expect(merged).toMatchObject({ headline: theirHeadline, standfirst: myStandfirst, version: afterA.version + 1 });
    expect(merged.lastEditedBy?.name).toBe(ADMIN.name);
    const bothEdits = [FIRST.paragraphs[0] + theirWords, FIRST.paragraphs[1] + myWords];
    await expect(savedBody(storyId)).resolves.toEqual(bothEdits);
    // B's screen shows the merged story, and B's next save goes through on top of it.
    await expect(b.page.getByLabel("Headline").inputValue()).resolves.toBe(theirHeadline);
    await expect(b.page.getByLabel("Standfirst").inputValue()).resolves.toBe(myStandfirst);
    await expect.poll(() => paragraphsOf(b.page)).toEqual(bothEdits);
    await b.page.getByLabel("Kicker").fill("Extra end");
    await save(b.page);
    await waitUntilSaved(b.page);
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ kicker: "Extra end", headline: theirHeadline, standfirst: myStandfirst, version: afterA.version + 2 });
    expect(errors).toEqual([]);
    await close();
  }, 120_000);

  it("asks about the field both changed, shows both versions side by side and saves the one chosen, with the rest merged", async () => {
    const { a, b, errors, storyId, close } = await openTwice();
    const theirHeadline = "Extra end decides the curling semi-final";
    const theirStandfirst = "A draw to the button settled it.";
    await a.page.getByLabel("Headline").fill(theirHeadline);
    await a.page.getByLabel("Standfirst").fill(theirStandfirst);
    await save(a.page);
    await waitUntilSaved(a.page);
    const afterA = await db.article.findUniqueOrThrow({ where: { id: storyId } });

    const myHeadline = "Home rink through to the curling final";
    await b.page.getByLabel("Headline").fill(myHeadline);
    await save(b.page);
    const conflict = b.page.getByRole("alertdialog");
    await conflict.waitFor();
    await expect(conflict.getByRole("heading", { level: 2 }).innerText()).resolves.toBe(`${EDITOR.name} saved this story while you were editing`);
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ headline: theirHeadline, version: afterA.version });
    // The one clash, both sides shown; what merged by itself is named too.
    const clashes = conflict.getByRole("group");
    await expect(clashes.count()).resolves.toBe(1);
    const headline = conflict.getByRole("group", { name: "Headline" });
    await expect(headline.locator(".clash-text").allInnerTexts()).resolves.toEqual([theirHeadline, myHeadline]);
    await expect(conflict.getByText(/merged in when you save: .*standfirst/i).count()).resolves.toBe(1);
    const saveChoices = conflict.getByRole("button", { name: "Save with these choices" });
    await expect(saveChoices.isDisabled()).resolves.toBe(true);

    await headline.getByRole("radio", { name: "Your version" }).check();
    await saveChoices.click();
    await waitUntilSaved(b.page);
    await conflict.waitFor({ state: "detached" });
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ headline: myHeadline, standfirst: theirStandfirst, version: afterA.version + 1 });
    await expect(b.page.getByLabel("Standfirst").inputValue()).resolves.toBe(theirStandfirst);
    await expect(b.page.getByLabel("Headline").inputValue()).resolves.toBe(myHeadline);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
