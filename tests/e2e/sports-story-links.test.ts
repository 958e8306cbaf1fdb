// An editor tags a story with teams from the keyboard (type, arrow down, Enter; reorder with the
// chip's buttons), sees a published story about the same team suggested with the reason, inserts
// its teaser at the cursor in one click, and saves: the links and the teaser are in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { collectPageErrors, launchBrowser } from "./harness";
import { EDITOR, caretAtEnd, nodeCards, signIn, startNewStory, storyBody, waitUntilSaved } from "./newsroom-session";

let browser: Browser;
const run = Date.now().toString(36);
const TEAMS = [`Fjord Rovers ${run}`, `Fjord Harriers ${run}`];
const RELATED = `Rovers clinch the title ${run}`;
let teamIds: string[];
let relatedId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  teamIds = [];
  for (const name of TEAMS) teamIds.push((await db.team.create({ data: { name, nameKey: name.toLowerCase() } })).id);
  const section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  const related = await db.article.create({
    data: {
      slug: `rovers-clinch-${run}`,
      headline: RELATED,
      sectionId: section.id,
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 3_600_000),
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "They won." }] }] },
      teams: { create: [{ teamId: teamIds[0], position: 0 }] },
    },
  });
  relatedId = related.id;
});

afterAll(async () => {
  await browser?.close();
});

async function addTeam(page: Page, search: string): Promise<void> {
  const picker = page.getByRole("combobox", { name: "Add teams" });
  await picker.focus();
  await picker.pressSequentially(search);
  await page
    .getByRole("option", { name: new RegExp(search) })
    .first()
    .waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
}

describe("tagging a story with teams and inserting a suggested teaser", () => {
  it("adds and reorders teams from the keyboard, inserts the suggested teaser, and saves both", async () => {
    const { page } = await signIn(browser, EDITOR);
    const errors = collectPageErrors(page);
    const storyId = await startNewStory(page);
    await page.getByLabel("Headline").fill(`Harriers and Rovers ${run}`);
    await storyBody(page).click();
    await page.keyboard.type("The derby ended level.");

    await addTeam(page, `Harriers ${run}`);
    await addTeam(page, `Rovers ${run}`);
    const chips = page.getByRole("list", { name: "Teams, in order" }).getByRole("listitem");
    await expect.poll(() => chips.allInnerTexts()).toEqual([expect.stringContaining(TEAMS[1]), expect.stringContaining(TEAMS[0])]);
    await page.getByRole("button", { name: `Move ${TEAMS[0]} up` }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => chips.allInnerTexts()).toEqual([expect.stringContaining(TEAMS[0]), expect.stringContaining(TEAMS[1])]);

    const panel = page.getByRole("region", { name: "Suggested related stories" });
    const suggestion = panel.locator(`[data-suggestion="${relatedId}"]`);
    await expect.poll(() => suggestion.innerText()).toContain("1 shared team");
    await caretAtEnd(page);
    await suggestion.getByRole("button", { name: `Insert teaser for “${RELATED}”` }).click();
    await expect.poll(() => nodeCards(page, "relatedStory").innerText()).toContain(RELATED);
    await expect.poll(() => suggestion.getByRole("button").innerText()).toBe("In the story");

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await waitUntilSaved(page);
    const saved = await db.article.findUniqueOrThrow({ where: { id: storyId }, include: { teams: { orderBy: { position: "asc" } }, relatedLinks: true } });
    expect(saved.teams.map((t) => t.teamId)).toEqual(teamIds);
    expect(saved.relatedLinks.map((link) => link.toArticleId)).toEqual([relatedId]);
    expect(errors).toEqual([]);
  });
});
