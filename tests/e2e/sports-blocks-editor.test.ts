// Issue 14, the editor's side of the sports blocks: with the shared Bundesliga standings imported
// (lib/sports/import.ts, as the desk would), an editor inserts a standings table from the toolbar
// in a draft, finds the table by a team in it ("Bayern") with the keyboard, and the saved body
// holds the table's id; the card shows the table's label, read back by id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { db } from "@/lib/db";
import { importSportsMl } from "@/lib/sports/import";
import type { BodyDoc, BodyNode } from "@/lib/editor/types";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";
import { readSportsMlSample } from "../fixtures/sports-samples";
import { collectPageErrors, launchBrowser, screenshot } from "./harness";
import { EDITOR, nodeCards, signIn, startNewStory, storyBody, waitUntilSaved } from "./newsroom-session";

const run = uniqueSuffix();
let browser: Browser;
let standingsId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // The competition is this test's own, so its table is the one match for "Bayern <run>".
  const text = readSportsMlSample("soccer-standings-g2-specific", "xml").replace(/(<name[^>]*>)(German Bundesliga)(<\/name>)/g, `$1$2 ${run}$3`);
  const report = await importSportsMl(await createStaff("EDITOR", "Sports Blocks Setup Editor"), { text, fileName: "bundesliga.xml" });
  standingsId = report.standingsResults[0].id;
});

afterAll(async () => {
  await browser?.close();
});

const blocksOf = (node: BodyNode, type: string): BodyNode[] => [...(node.type === type ? [node] : []), ...(node.content ?? []).flatMap((child) => blocksOf(child, type))];

async function savedStandingsBlocks(storyId: string): Promise<unknown[]> {
  const article = await db.article.findUniqueOrThrow({ where: { id: storyId }, select: { body: true } });
  const body = (typeof article.body === "string" ? JSON.parse(article.body) : article.body) as BodyDoc;
  return blocksOf(body as BodyNode, "standingsTable").map((node) => node.attrs);
}

describe("sports blocks in the story editor", () => {
  it("inserts a standings table from the toolbar, picks the Bundesliga table by searching Bayern, and saves its id", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const errors = collectPageErrors(page);
    try {
      const storyId = await startNewStory(page);
      await storyBody(page).click();
      await page.keyboard.type("The table after seven rounds.");

      await page.getByRole("button", { name: "+ Standings" }).click();
      const card = nodeCards(page, "standingsTable").first();
      await expect.poll(() => card.innerText()).toContain("Choose the table readers see.");

      const search = card.getByRole("combobox", { name: "Find a standings table" });
      await search.fill(`Bayern ${run}`);
      const option = card.getByRole("option", { name: new RegExp(`German Bundesliga ${run}`) });
      await option.waitFor();
      expect(await option.getAttribute("aria-selected")).toBe("true");
      // Picked with the keyboard: the first (only) match is active, Enter chooses it.
      await search.press("Enter");

      await expect.poll(() => card.innerText()).toContain("(as of 3 Oct 2015)");
      expect(await card.innerText()).toContain(`German Bundesliga ${run}`);
      await expect.poll(() => card.getByRole("combobox").count()).toBe(0);
      expect(await card.getByLabel("Highlight the story's teams").isChecked()).toBe(true);

      await expect.poll(() => savedStandingsBlocks(storyId)).toEqual([{ standingsId, highlightStoryTeams: true }]);
      await waitUntilSaved(page);
      expect(errors).toEqual([]);
    } catch (error) {
      await screenshot(page, "sports-blocks-editor-failure");
      throw error;
    } finally {
      await context.close();
    }
  });
});
