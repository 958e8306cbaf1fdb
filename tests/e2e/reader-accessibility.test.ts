// axe-core on the reader pages, on a phone and on a desktop: no serious or critical violation.
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, urlFor } from "./harness";

const PAGES = {
  "front page": "/",
  "section page": "/football",
  "article page": "/olympics/winter-olympics-team-pursuit-heartbreak",
  "author page": "/author/aiko-mori",
  "search results": "/search?q=final",
  "tag page": "/tag/winter-olympics",
} as const;

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(Object.entries(VIEWPORTS))("on a %s", (_, viewport) => {
  it.each(Object.entries(PAGES))("the %s has no serious or critical axe violations", async (_name, path) => {
    // AxeBuilder needs a page from an explicit browser context.
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const response = await page.goto(urlFor(path));
    expect(response?.status()).toBe(200);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
            .map((node) => node.target.join(" "))
            .slice(0, 5)
            .join(", ")}`,
      );
    expect(serious).toEqual([]);
    await context.close();
  });
});
