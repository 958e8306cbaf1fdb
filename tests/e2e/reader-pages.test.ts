// The reader site as readers meet it: front, section, tag and author pages with their stories,
// paging and the article's foot, in real Chromium (410s, redirects and the cache: reader-status).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { getText, notifyServer } from "./reader-support";

const MODEL_PATH = "/olympics/winter-olympics-team-pursuit-heartbreak";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function open(path: string, viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = collectPageErrors(page);
  const response = await page.goto(urlFor(path));
  expect(response?.status(), path).toBe(200);
  return { page, errors };
}

async function expectCompleteCards(page: Page, selector: string) {
  const cards = page.locator(selector);
  expect(await cards.count()).toBeGreaterThan(0);
  for (const card of await cards.all()) {
    await expect(card.locator(".story-card-headline a").getAttribute("href")).resolves.toMatch(/^\/[a-z0-9-]+\/[a-z0-9-]+$/);
    await expect(card.locator(".story-card-meta time").getAttribute("datetime")).resolves.toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expect(card.locator(".story-card-meta").innerText()).resolves.toMatch(/^By .+ · .+ · \d/);
    if (await card.locator("img").count()) await expect(card.locator(".credit").innerText()).resolves.toMatch(/^Image: /);
  }
}

describe("front page", () => {
  it("leads with a story, lists the latest and each section's top stories", async () => {
    const { page, errors } = await open("/");
    await expect(page.locator(".front-lead img").getAttribute("alt")).resolves.toBeTruthy();
    await expect(page.locator(".front-lead .credit").innerText()).resolves.toMatch(/^Image: /);
    expect(await page.locator(".front-latest .story-card").count()).toBeGreaterThanOrEqual(5);
    const blocks = await page.locator(".front-block h2").allInnerTexts();
    expect(blocks).toEqual(expect.arrayContaining(["Olympics", "Football", "Cricket", "Tennis", "Motorsport"]));
    await expectCompleteCards(page, ".front-block .story-card");
    expect(errors).toEqual([]);
    await screenshot(page, "reader-front-desktop");
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "reader-front-phone");
    await page.close();
  });
});

describe("section, tag and author pages", () => {
  it("show complete story cards", async () => {
    for (const path of ["/football", "/tag/winter-olympics", "/author/aiko-mori"]) {
      const { page, errors } = await open(path);
      await expectCompleteCards(page, ".story-card");
      expect(errors, path).toEqual([]);
      if (path === "/football") {
        await screenshot(page, "reader-section-desktop");
        await page.setViewportSize(PHONE);
        await screenshot(page, "reader-section-phone");
      }
      await page.close();
    }
  });

  it("answer 404 for unknown names and for page numbers out of range", async () => {
    for (const path of ["/no-such-section", "/tag/no-such-tag", "/author/nobody", "/football?page=2", "/football?page=0", "/football?page=abc", "/tag/Bad%20Slug", "/football?page=1&page=2"]) {
      expect((await getText(path)).status, path).toBe(404);
    }
  });

  it("page through a long listing with page links", async () => {
    const tag = await db.tag.findUniqueOrThrow({ where: { slug: "injuries" } });
    const template = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    const ids: string[] = [];
    for (let i = 0; i < 21; i += 1) {
      const story = await db.article.create({
        data: {
          slug: `paging-story-${i}`,
          sectionId: template.sectionId,
          headline: `Paging story ${i}`,
          standfirst: "Filler.",
          body: { type: "doc", content: [] },
          status: "PUBLISHED",
          publishedAt: new Date(Date.now() - (i + 1) * 60_000),
          tags: { create: { tagId: tag.id } },
        },
      });
      ids.push(story.id);
    }
    try {
      await notifyServer(ids);
      const { page } = await open("/tag/injuries");
      await expect(page.locator('.pagination a[aria-current="page"]').innerText()).resolves.toBe("1");
      await page.locator('.pagination a[rel="next"]').click();
      await page.waitForURL("**/tag/injuries?page=2");
      expect(await page.locator(".story-card").count()).toBeGreaterThan(0);
      await expect(page.locator("h1").innerText()).resolves.toMatch(/page 2/);
      expect((await getText("/tag/injuries?page=3")).status).toBe(404);
      await page.close();
    } finally {
      await db.article.deleteMany({ where: { id: { in: ids } } });
      await notifyServer([template.id]);
    }
  });
});

describe("the article page", () => {
  it("ends with share links and related stories, the body's links first", async () => {
    const { page, errors } = await open(MODEL_PATH);
    const shareX = await page.locator(".share-link--x").getAttribute("href");
    expect(new URL(shareX!).searchParams.get("url")).toMatch(new RegExp(`^https?://[^/]+${MODEL_PATH}$`));
    await expect(page.locator(".share-link--email").getAttribute("href")).resolves.toMatch(/^mailto:\?subject=/);
    const related = await page.locator(".related-stories .story-card-headline a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(related.slice(0, 2)).toEqual(["/olympics/skater-doping-drama-leaves-ice-in-tears", "/olympics/aussie-snowboarder-frightening-olympics-crash"]);
    expect(related.length).toBeGreaterThanOrEqual(3);
    expect(related).not.toContain(MODEL_PATH);
    expect(errors).toEqual([]);
    await page.locator(".article-foot").scrollIntoViewIfNeeded();
    await screenshot(page, "reader-article-desktop");
    await page.setViewportSize(PHONE);
    await page.locator(".article-foot").screenshot({ path: "test-results/reader-article-foot-phone.png" });
    await page.close();
  });

  it("shows a correction and the updated time once the story changed", async () => {
    const story = await db.article.findFirstOrThrow({ where: { slug: "harbour-city-late-winner" } });
    const note = await db.articleNote.create({ data: { articleId: story.id, kind: "CORRECTION", text: "An earlier version misspelt Kofi Mensah's name." } });
    await db.article.update({ where: { id: story.id }, data: { updatedAt: new Date() } });
    try {
      await notifyServer([story.id]);
      const { page } = await open("/football/harbour-city-late-winner");
      await expect(page.locator(".article-note--correction").innerText()).resolves.toContain("misspelt Kofi Mensah");
      await expect(page.locator(".dateline").innerText()).resolves.toContain("Updated");
      await page.close();
    } finally {
      await db.articleNote.delete({ where: { id: note.id } });
      await db.article.update({ where: { id: story.id }, data: { updatedAt: story.updatedAt } });
      await notifyServer([story.id]);
    }
  });

  it("describes itself to social networks with the hero picture", async () => {
    const { text } = await getText(MODEL_PATH);
    expect(text).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/olympics\/winter-olympics-team-pursuit-heartbreak"/);
    expect(text).toMatch(/<meta property="og:image" content="https?:\/\/[^"]+\/media\/[^"]+"/);
    expect(text).toContain('<meta property="og:type" content="article"');
    expect(text).toContain('<meta name="twitter:card" content="summary_large_image"');
    expect(text).toMatch(/<meta name="twitter:image" content="https?:\/\/[^"]+\/media\//);
  });
});
