// Issue 14's "Done means", end to end in real Chromium: an editor pastes a results table into a race
// on the event desk, puts a standings table, a match's score box and the race's results into a
// story and publishes it; a reader (no cookies) sees all three tables; the editor corrects the
// match's score on the desk and the reader's very next request of the story shows it. At 390 px
// the page does not scroll sideways: the tables scroll inside their boxes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { createArticle } from "@/lib/articles/create-article";
import { saveArticle } from "@/lib/articles/save/save-article";
import { db } from "@/lib/db";
import { importSportsMl } from "@/lib/sports/import";
import { currentInput, paragraph } from "../fixtures/article-input";
import { uniqueSuffix } from "../fixtures/accounts";
import { readSportsMlSample } from "../fixtures/sports-samples";
import { createStaff } from "../fixtures/staff";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { caretAtEnd, EDITOR, nodeCards, signIn, statusBadge, waitUntilSaved } from "./newsroom-session";

const run = uniqueSuffix();
const LEAGUE = `English Barclays Premier League ${run}`;
const RUNNERS = [`Ada Runner ${run}`, `Bea Runner ${run}`, `Cai Runner ${run}`];

let browser: Browser;
let editor: { context: BrowserContext; page: Page };
let errors: string[];
let standingsId: string;
let matchId: string;
let raceId: string;
let story: { id: string; headline: string };
let storyPath: string;

// A ready draft (headline, standfirst, section, byline) made through lib/, as the editor's own.
async function draftStory(): Promise<{ id: string; headline: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { email: EDITOR.email } });
  const actor = { id: user.id, role: user.role, name: user.name };
  const [section, profile] = await Promise.all([db.section.findFirstOrThrow({ where: { slug: "football" } }), db.bylineProfile.findFirstOrThrow()]);
  const { id } = await createArticle(actor, {});
  const { version, article } = await currentInput(id);
  const headline = `Villa beaten as the table takes shape ${run}`;
  await saveArticle(actor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline,
      standfirst: "A weekend of football and a sprint, in three tables.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      body: { type: "doc", content: [paragraph("The numbers from the weekend.")] },
    },
  });
  return { id, headline };
}

beforeAll(async () => {
  const setup = await createStaff("EDITOR", "Sports Story Flow Setup Editor");
  // Each record is this run's own, so a search for `run` finds only it.
  const standingsXml = readSportsMlSample("soccer-standings-g2-specific", "xml").replace(/(<name[^>]*>)(German Bundesliga)(<\/name>)/g, `$1$2 ${run}$3`);
  standingsId = (await importSportsMl(setup, { text: standingsXml, fileName: "bundesliga.xml" })).standingsResults[0].id;
  const matchXml = readSportsMlSample("soccer-match-g2-generic", "xml")
    .replace(/(<event-metadata\b[^>]*?\bkey=")([^"]+)"/g, `$1$2:e2e:${run}"`)
    .replace(/English Barclays Premier League/g, LEAGUE);
  matchId = (await importSportsMl(setup, { text: matchXml, fileName: "match.xml" })).eventResults[0].id;
  const sport = await db.sport.create({ data: { name: `E2E Athletics ${run}`, nameKey: `e2e athletics ${run}` } });
  raceId = (await db.sportsEvent.create({ data: { identity: `e2e:race:${run}`, name: `E2E 100 metres ${run}`, sportId: sport.id } })).id;
  story = await draftStory();
  browser = await launchBrowser();
  editor = await signIn(browser, EDITOR);
  errors = collectPageErrors(editor.page);
});

afterAll(async () => {
  await browser?.close();
});

// Inserts a sports block from the toolbar at the end of the body and picks its record by searching.
async function insertSportsBlock(page: Page, button: string, type: string, searchLabel: string, query: string, option: RegExp): Promise<Locator> {
  await caretAtEnd(page);
  const before = await nodeCards(page, type).count();
  await page.getByRole("button", { name: button }).click();
  await expect.poll(() => nodeCards(page, type).count()).toBe(before + 1);
  const card = nodeCards(page, type).nth(before);
  await card.getByRole("combobox", { name: searchLabel }).fill(query);
  await card.getByRole("option", { name: option }).click();
  await expect.poll(() => card.getByRole("combobox").count()).toBe(0);
  return card;
}

// The reader's page: a fresh context with no cookies, so never a signed-in view.
async function readStory(width: number): Promise<{ context: BrowserContext; page: Page; status: number }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const response = await page.goto(urlFor(storyPath));
  return { context, page, status: response?.status() ?? 0 };
}

const rowTexts = (table: Locator) => table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText.replace(/\s+/g, " ").trim()));

describe("a sports story from the desk to the reader", () => {
  it("pastes a race's results on the event desk and stores every row", async () => {
    const { page } = editor;
    await page.goto(urlFor(`/newsroom/sports/events/${raceId}`));
    await page.getByLabel("Results table").fill(`Rank\tName\tNOC\tTime\n=1\t${RUNNERS[0]}\tNOR\t10.01\n=1\t${RUNNERS[1]}\tSWE\t10.01\n\t${RUNNERS[2]}\tFIN\tDNF\n`);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => page.getByText("3 rows read; 3 athletes will be created.").count()).toBe(1);
    const preview = await page.locator(".admin-section").last().innerText();
    for (const runner of RUNNERS) expect(preview).toContain(runner);
    await page.getByRole("button", { name: "Apply results" }).click();
    await expect.poll(() => db.eventParticipant.count({ where: { eventId: raceId } })).toBe(3);
    await page.getByRole("status").filter({ hasText: "Results stored." }).waitFor();
    const stored = await db.eventParticipant.findMany({ where: { eventId: raceId }, orderBy: { position: "asc" }, include: { athlete: true } });
    expect(stored.map((p) => [p.rank, p.athlete?.name, p.mark])).toEqual([
      [1, RUNNERS[0], "10.01"],
      [1, RUNNERS[1], "10.01"],
      [null, RUNNERS[2], "DNF"],
    ]);
  });

  it("puts standings, a score box and the results into a story and publishes it", async () => {
    const { page } = editor;
    await page.goto(urlFor(`/newsroom/stories/${story.id}`));
    await waitUntilSaved(page).catch(() => undefined);
    const standings = await insertSportsBlock(page, "+ Standings", "standingsTable", "Find a standings table", `Bayern ${run}`, new RegExp(`German Bundesliga ${run}`));
    await expect.poll(() => standings.innerText()).toContain(`German Bundesliga ${run}`);
    const score = await insertSportsBlock(page, "+ Score box", "scoreBox", "Find a match", `Villa ${run}`, /Aston Villa/);
    await expect.poll(() => score.innerText()).toMatch(/Aston Villa 0.2 Manchester City/);
    const results = await insertSportsBlock(page, "+ Results", "resultsTable", "Find an event", `100 metres ${run}`, new RegExp(`E2E 100 metres ${run}`));
    await expect.poll(() => results.innerText()).toContain(`E2E 100 metres ${run}`);
    await waitUntilSaved(page);

    const saved = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { body: true } });
    const body = JSON.stringify(typeof saved.body === "string" ? JSON.parse(saved.body) : saved.body);
    for (const id of [standingsId, matchId, raceId]) expect(body).toContain(id);

    await page.getByRole("button", { name: "Publish now" }).click();
    await page.getByRole("status").filter({ hasText: "Published." }).waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("published");
    const published = await db.article.findUniqueOrThrow({ where: { id: story.id }, include: { section: true } });
    storyPath = `/${published.section!.slug}/${published.slug}`;
  });

  it("shows the reader all three tables", async () => {
    const reader = await readStory(1280);
    try {
      expect(reader.status).toBe(200);
      const standings = reader.page.locator(".sports-standings table");
      expect(await standings.locator("caption").innerText()).toContain(`German Bundesliga ${run}`);
      expect(await standings.locator("tbody tr").count()).toBe(18);
      expect(await reader.page.locator(".sports-score-box caption").innerText()).toContain("Aston Villa 0–2 Manchester City");
      const results = await rowTexts(reader.page.locator(".sports-results table"));
      expect(results).toEqual([`=1 ${RUNNERS[0]} NOR 10.01`, `=1 ${RUNNERS[1]} SWE 10.01`, `– ${RUNNERS[2]} FIN DNF`]);
      await screenshot(reader.page, "sports-story-flow-reader-1280");
    } finally {
      await reader.context.close();
    }
  });

  it("shows a score corrected on the desk on the story's next request", async () => {
    const { page } = editor;
    await page.goto(urlFor(`/newsroom/sports/events/${matchId}`));
    const away = page.getByLabel("Away score", { exact: true });
    expect(await away.inputValue()).toBe("2");
    await away.fill("3");
    // The sample names no event: an unnamed match is saved as it is (it is labelled by its sides).
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("");
    await page.getByRole("button", { name: "Save event" }).click();
    await expect
      .poll(() => page.locator("p.form-status").first().textContent(), { timeout: 10_000 })
      .toMatch(/Event saved \(version \d+\)\./)
      .catch(async (error) => {
        await screenshot(page, "sports-story-flow-event-save-failure");
        const invalid = await page.locator(":invalid").evaluateAll((nodes) => nodes.map((n) => `${(n as HTMLInputElement).name}: ${(n as HTMLInputElement).validationMessage}`));
        throw new Error(`Saving the match did not say "Event saved": ${(await page.getByRole("alert").allInnerTexts()).join(" ")} invalid: ${invalid.join("; ")}`, { cause: error });
      });
    await expect.poll(async () => (await db.eventParticipant.findFirstOrThrow({ where: { eventId: matchId, side: "AWAY" } })).score).toBe(3);

    const reader = await readStory(1280);
    try {
      expect(await reader.page.locator(".sports-score-box caption").innerText()).toContain("Aston Villa 0–3 Manchester City");
    } finally {
      await reader.context.close();
    }
  });

  it("keeps the page from scrolling sideways at 390 px: the tables scroll in their boxes", async () => {
    const reader = await readStory(390);
    try {
      const fits = await reader.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(fits.scrollWidth).toBeLessThanOrEqual(fits.innerWidth);
      const boxes = await reader.page.locator(".sports-block .sports-table-scroll").evaluateAll((nodes) => nodes.map((node) => ({ client: node.clientWidth, overflow: getComputedStyle(node).overflowX })));
      expect(boxes.length).toBe(3);
      for (const box of boxes) {
        expect(box.client).toBeLessThanOrEqual(fits.innerWidth);
        expect(["auto", "scroll"]).toContain(box.overflow);
      }
      await screenshot(reader.page, "sports-story-flow-reader-390");
      expect(errors).toEqual([]);
    } finally {
      await reader.context.close();
    }
  });
});
