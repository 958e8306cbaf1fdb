// Search as a reader uses it: the form, ranked results with the words highlighted, filters,
// paging, and hostile input that gives results or an empty page, never an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { getText } from "./reader-support";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("search", () => {
  it("finds stories from the form, ranked, with the words highlighted", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(urlFor("/search"));
    await page.getByLabel("Search for").fill("snowboarder crash");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL("**/search?q=snowboarder+crash**");
    const first = page.locator(".search-hit").first();
    await expect(first.locator("h3 a").getAttribute("href")).resolves.toBe("/olympics/aussie-snowboarder-frightening-olympics-crash");
    expect((await first.locator("mark").allInnerTexts()).map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(["snowboarder"]));
    await expect(page.locator(".search-summary").innerText()).resolves.toMatch(/match/);
    expect(errors).toEqual([]);
    await screenshot(page, "reader-search-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "reader-search-phone");
    await page.close();
  });

  it("searches captions and quotes, and narrows by section and date", async () => {
    const quote = await getText("/search?q=" + encodeURIComponent("too soon to talk about it"));
    expect(quote.text).toContain('href="/olympics/winter-olympics-team-pursuit-heartbreak"');
    const caption = await getText("/search?q=" + encodeURIComponent("Miho Takagi holds her sister"));
    expect(caption.text).toContain('href="/olympics/winter-olympics-team-pursuit-heartbreak"');
    const inFootball = await getText("/search?q=final&section=football");
    expect(inFootball.text).not.toContain('href="/olympics/');
    const future = await getText("/search?q=takagi&from=2999-01-01");
    expect(future.status).toBe(200);
    expect(future.text).toContain("No stories match");
  });

  it("answers bad input with results or an empty page, never an error", async () => {
    const queries = [
      "",
      "   ",
      '"',
      "*",
      "NEAR(",
      "a AND",
      "-crash",
      "headline:skater",
      '\'; DROP TABLE "Article"; --',
      "& | ! <->",
      "(skater OR",
      "x".repeat(600),
      "crash ".repeat(150),
      "%00",
      "東京",
      "<script>alert(1)</script>",
    ];
    for (const q of queries) {
      const { status, text } = await getText(`/search?q=${encodeURIComponent(q)}`);
      expect(status, JSON.stringify(q).slice(0, 40)).toBe(200);
      expect(text).not.toContain("<script>alert(1)");
    }
    for (const params of ["section=%27%3B--", "from=not-a-date&to=2026-02-30", "q=crash&section=no-such"]) {
      expect((await getText(`/search?${params}`)).status, params).toBe(200);
    }
  });

  it("answers 404 for page numbers out of range", async () => {
    expect((await getText("/search?q=crash&page=99")).status).toBe(404);
    expect((await getText("/search?q=crash&page=0")).status).toBe(404);
    expect((await getText("/search?q=crash&page=x")).status).toBe(404);
    expect((await getText("/search?q=crash&page=1")).status).toBe(200);
  });
});
