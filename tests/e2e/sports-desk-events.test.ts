// The sports event desk in real Chromium: an editor creates a match between two teams, corrects
// its score (the list shows the new one), pastes a results table into a race (the preview names a
// bad row and offers no Apply; fixed, it stores every row), and uploads a SportsML file whose
// report lists what was imported beside a refused file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { uniqueSuffix } from "../fixtures/accounts";
import { readSportsMlSample } from "../fixtures/sports-samples";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { EDITOR, signIn } from "./newsroom-session";

const run = uniqueSuffix();
let browser: Browser;
let page: Page;
let errors: string[];
let raceId: string;

beforeAll(async () => {
  const sport = await db.sport.create({ data: { name: `E2E Football ${run}`, nameKey: `e2e football ${run}` } });
  for (const name of [`Harbour FC ${run}`, `Valley United ${run}`]) await db.team.create({ data: { name, nameKey: name.toLowerCase(), sportId: sport.id } });
  raceId = (await db.sportsEvent.create({ data: { identity: `e2e:${run}`, name: `E2E Sprint ${run}`, sportId: sport.id } })).id;
  browser = await launchBrowser();
  ({ page } = await signIn(browser, EDITOR));
  errors = collectPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

describe("the sports event desk", () => {
  it("creates a match and corrects its score", async () => {
    await page.goto(urlFor(`/newsroom/sports/events/new?who=${run}`));
    await page.getByLabel("Name", { exact: true }).fill(`Harbour v Valley ${run}`);
    await page.getByLabel("Start").fill("2026-03-01T19:45");
    await page.locator('select[name="homeTeamId"]').selectOption({ label: `Harbour FC ${run}` });
    await page.locator('select[name="awayTeamId"]').selectOption({ label: `Valley United ${run}` });
    await page.getByLabel("Home score", { exact: true }).fill("-1");
    await page.getByRole("button", { name: "Create event" }).click();
    await expect.poll(() => page.locator("p.form-error").textContent()).toContain("Home score cannot be negative");
    expect(await page.getByLabel("Home score", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Home score", { exact: true }).fill("1");
    await page.getByLabel("Away score", { exact: true }).fill("1");
    await page.getByRole("button", { name: "Create event" }).click();
    await page.waitForURL(/\/newsroom\/sports\/events\/[a-z0-9]+$/);
    await page.getByLabel("Home score", { exact: true }).fill("2");
    await page.getByRole("button", { name: "Save event" }).click();
    await expect.poll(() => page.locator("p.form-status").first().textContent()).toContain("Event saved (version 2).");
    await screenshot(page, "sports-desk-event");
    await page.goto(urlFor(`/newsroom/sports/events?q=${encodeURIComponent(`Harbour v Valley ${run}`)}`));
    expect(await page.locator("table").textContent()).toContain(`Harbour FC ${run} 2 – Valley United ${run} 1`);
  });

  it("previews a pasted results table with a bad row, then applies the fixed one", async () => {
    await page.goto(urlFor(`/newsroom/sports/events/${raceId}`));
    const box = page.getByLabel("Results table");
    await box.fill(`Rank\tName\tNOC\tTime\n1\tAda Runner ${run}\tNOR\t22:10.5\nx\tBea Runner ${run}\tSWE\t22:30.0\n`);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => page.locator(".admin-section").last().textContent()).toContain("row 3: rank 'x' is not a whole number");
    expect(await page.getByRole("button", { name: "Apply results" }).count()).toBe(0);
    await box.fill(`Rank\tName\tNOC\tTime\n1\tAda Runner ${run}\tNOR\t22:10.5\n=2\tBea Runner ${run}\tSWE\t22:30.0\n\tCai Runner ${run}\tFIN\tDNF\n`);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => page.getByText("3 rows read; 3 athletes will be created.").count()).toBe(1);
    await screenshot(page, "sports-desk-paste-preview");
    await page.getByRole("button", { name: "Apply results" }).click();
    await expect.poll(() => db.eventParticipant.count({ where: { eventId: raceId } })).toBe(3);
    const stored = await db.eventParticipant.findMany({ where: { eventId: raceId }, orderBy: { position: "asc" }, include: { athlete: true } });
    expect(stored.map((p) => [p.rank, p.athlete?.name, p.mark])).toEqual([
      [1, `Ada Runner ${run}`, "22:10.5"],
      [2, `Bea Runner ${run}`, "22:30.0"],
      [null, `Cai Runner ${run}`, "DNF"],
    ]);
  });

  it("uploads SportsML files and reports each", async () => {
    await page.goto(urlFor("/newsroom/sports/import"));
    const xml = readSportsMlSample("soccer-match-g2-generic", "xml").replace(/(<event-metadata\b[^>]*?\bkey=")([^"]+)"/g, `$1$2:e2e:${run}"`);
    await page.getByLabel("Choose SportsML files to import").setInputFiles([
      { name: "match.xml", mimeType: "application/xml", buffer: Buffer.from(xml) },
      { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{") },
    ]);
    await expect.poll(() => page.getByText("match.xml: imported.").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText("broken.json: refused.").count()).toBe(1);
    await screenshot(page, "sports-desk-import");
    // The refused file's 422 is the answer the screen reports, not a page error.
    expect(errors.filter((error) => !error.includes("status of 422"))).toEqual([]);
  });
});
