// The reader site's header on a 390px phone, with and without JavaScript: at most two rows (the
// site's name and Search, then the sections, which scroll sideways instead of wrapping), nothing
// wider than the screen, every section still reachable; one row on a desktop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, urlFor } from "./harness";

const PHONE = { width: 390, height: 844 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

type Layout = { rows: number; height: number; overflow: number; sections: number; navScrolls: boolean; lastSectionReachable: boolean };

// Rows: the distinct vertical bands the header's name, links and search occupy.
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const header = document.querySelector(".site-header-inner")!;
    const items = [...header.querySelectorAll(".site-name, .section-nav a, .site-search-link")].map((el) => el.getBoundingClientRect());
    const bands: { top: number; bottom: number }[] = [];
    for (const box of items) {
      const band = bands.find((b) => box.top < b.bottom && box.bottom > b.top);
      if (band) Object.assign(band, { top: Math.min(band.top, box.top), bottom: Math.max(band.bottom, box.bottom) });
      else bands.push({ top: box.top, bottom: box.bottom });
    }
    const nav = header.querySelector(".section-nav")!;
    const links = nav.querySelectorAll("a");
    const last = links[links.length - 1];
    last.scrollIntoView({ inline: "end", block: "nearest" });
    const lastBox = last.getBoundingClientRect();
    return {
      rows: bands.length,
      height: header.getBoundingClientRect().height,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      sections: links.length,
      navScrolls: nav.scrollWidth > nav.clientWidth,
      lastSectionReachable: lastBox.right <= window.innerWidth + 0.5 && lastBox.left >= 0,
    };
  });
}

describe("the reader header", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`fits in two rows on a 390px phone ${javaScriptEnabled ? "" : "without JavaScript "}with every section reachable`, async () => {
      const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
      const page = await context.newPage();
      expect((await page.goto(urlFor("/")))?.status()).toBe(200);
      await page.locator(".site-header").screenshot({ path: `test-results/reader-header-phone${javaScriptEnabled ? "" : "-no-js"}.png` });
      const layout = await measure(page);
      expect(layout.sections).toBeGreaterThanOrEqual(5);
      expect(layout.rows).toBeLessThanOrEqual(2);
      expect(layout.height).toBeLessThan(110);
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.lastSectionReachable).toBe(true);
      await context.close();
    });
  }

  it("is one row on a desktop", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(urlFor("/"));
    await page.locator(".site-header").screenshot({ path: "test-results/reader-header-desktop.png" });
    const layout = await measure(page);
    expect(layout.rows).toBe(1);
    expect(layout.navScrolls).toBe(false);
    await context.close();
  });
});
