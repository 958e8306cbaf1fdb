// The model story, read as a reader reads it: every element of ../shared/reference is on the
// page, credited from its records, on a phone and on a desktop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { formatCredit } from "@/lib/credits/format";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";

const MODEL_SLUG = "winter-olympics-team-pursuit-heartbreak";

async function loadModelStory() {
  return db.article.findUniqueOrThrow({
    where: { slug: MODEL_SLUG },
    include: {
      section: true,
      bylines: { orderBy: { position: "asc" }, include: { profile: true } },
      heroMedia: { include: { photographer: true, agency: true } },
      heroCaption: true,
      quotes: true,
      sidebars: true,
      relatedLinks: { orderBy: { position: "asc" }, include: { toArticle: { include: { section: true } } } },
    },
  });
}

type ModelStory = Awaited<ReturnType<typeof loadModelStory>>;

let browser: Browser;
let story: ModelStory;

beforeAll(async () => {
  story = await loadModelStory();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openStory(viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = collectPageErrors(page);
  const response = await page.goto(urlFor(`/${story.section!.slug}/${story.slug}`));
  expect(response?.status()).toBe(200);
  return { page, errors };
}

const texts = (page: Page, selector: string) => page.locator(selector).allInnerTexts();

describe("the model story's article page", () => {
  it("shows the header: kicker, headline, standfirst, ordered bylines, agency line and dates", async () => {
    const { page, errors } = await openStory({ width: 1280, height: 900 });
    const header = page.locator("article header");
    // textContent, not innerText: the kicker is upper-cased by CSS only.
    await expect(header.locator(".kicker").textContent()).resolves.toBe(story.kicker);
    await expect(header.locator("h1").innerText()).resolves.toBe(story.headline);
    await expect(header.locator(".standfirst").innerText()).resolves.toBe(story.standfirst);
    expect(story.bylines).toHaveLength(2);
    expect(await texts(page, "article header a.byline")).toEqual(story.bylines.map((b) => b.profile.name));
    await expect(header.locator(".agency-line").innerText()).resolves.toBe("with Associated Press");
    const published = await header.locator("time").first().getAttribute("datetime");
    expect(new Date(published!).toISOString()).toBe(story.publishedAt!.toISOString());
    expect(errors).toEqual([]);
    await screenshot(page, "model-story-desktop");
    await page.close();
  });

  it("credits the hero photo with its caption, the short credit and the full credit", async () => {
    const { page } = await openStory({ width: 1280, height: 900 });
    const credit = formatCredit(story.heroMedia!)!;
    expect(credit.short).toBe("Image: Getty");
    expect(credit.full).toContain("Douwe Bijlsma/BSR Agency/Getty Images");
    const hero = page.locator("article > figure").first();
    await expect(hero.locator("img").getAttribute("alt")).resolves.toBe(story.heroMedia!.altText);
    await expect(hero.locator("figcaption .caption").innerText()).resolves.toBe(story.heroCaption!.text);
    await expect(hero.locator("figcaption .credit-short").innerText()).resolves.toBe("Image: Getty");
    await expect(hero.locator("figcaption .credit-full").innerText()).resolves.toBe(credit.full);
    const loaded = await hero.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    expect(loaded).toBe(true);
    await page.close();
  });

  it("renders the body's photo, quotes, related teasers, sidebar and newsletter block", async () => {
    const { page } = await openStory({ width: 1280, height: 900 });
    const body = page.locator(".article-body");
    expect(await body.locator("> p").count()).toBeGreaterThanOrEqual(6);

    const bodyFigure = body.locator("figure.story-figure").first();
    await expect(bodyFigure.locator("figcaption .caption").innerText()).resolves.not.toBe("");
    await expect(bodyFigure.locator("figcaption .credit-full").innerText()).resolves.toMatch(/Photo by/);
    await bodyFigure.scrollIntoViewIfNeeded();
    await expect.poll(() => bodyFigure.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    expect(story.quotes.length).toBeGreaterThanOrEqual(2);
    const quotes = body.locator("blockquote.pull-quote");
    expect(await quotes.count()).toBe(story.quotes.length);
    expect((await texts(page, ".article-body blockquote cite")).sort()).toEqual(story.quotes.map((q) => q.speaker).sort());
    const interpreted = story.quotes.find((q) => q.context === "said through an interpreter");
    expect(interpreted).toBeDefined();
    await expect(quotes.filter({ hasText: interpreted!.text }).locator(".quote-context").innerText()).resolves.toContain("said through an interpreter");

    const teasers = body.locator(".related-teaser a");
    expect(await teasers.count()).toBe(2);
    for (const [index, link] of story.relatedLinks.entries()) {
      const teaser = teasers.nth(index);
      await expect(teaser.getAttribute("href")).resolves.toBe(`/${link.toArticle.section!.slug}/${link.toArticle.slug}`);
      await expect(teaser.locator(".related-teaser-headline").innerText()).resolves.toBe(link.toArticle.headline);
      await expect(teaser.locator(".related-teaser-label").textContent()).resolves.toBe(link.label);
    }

    const sidebar = body.locator("aside.story-sidebar");
    await expect(sidebar.locator("h2").innerText()).resolves.toBe(story.sidebars[0].heading);
    expect(await sidebar.locator("p").count()).toBeGreaterThanOrEqual(2);

    await expect(body.locator(".newsletter-signup a").getAttribute("href")).resolves.toBeTruthy();
    await page.close();
  });

  it("describes itself as a NewsArticle in JSON-LD", async () => {
    const { page } = await openStory({ width: 1280, height: 900 });
    const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(json["@type"]).toBe("NewsArticle");
    expect(json.headline).toBe(story.headline);
    expect(json.image[0]).toMatch(/^https?:\/\/.+\/media\//);
    expect(new Date(json.datePublished).toISOString()).toBe(story.publishedAt!.toISOString());
    expect(json.dateModified).toBeTruthy();
    expect(json.author.map((a: { name: string }) => a.name)).toEqual(story.bylines.map((b) => b.profile.name));
    expect(json.publisher.name).toBeTruthy();
    await page.close();
  });

  it("fits a phone screen without sideways scrolling", async () => {
    const { page } = await openStory({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "model-story-phone");
    await page.close();
  });

  it("follows a related teaser to the linked story", async () => {
    const { page } = await openStory({ width: 1280, height: 900 });
    await page.locator(".related-teaser a").first().click();
    await page.waitForURL(`**/${story.relatedLinks[0].toArticle.slug}`);
    await expect(page.locator("h1").innerText()).resolves.toBe(story.relatedLinks[0].toArticle.headline);
    await page.close();
  });
});

describe("what readers must not see", () => {
  it("answers an unknown slug with the site's 404 page", async () => {
    const page = await browser.newPage();
    const response = await page.goto(urlFor("/olympics/no-such-story"));
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").innerText()).resolves.toMatch(/couldn.t find/i);
    await page.close();
  });

  it("does not show a story that is not published", async () => {
    const draft = await db.article.findFirstOrThrow({ where: { status: { not: "PUBLISHED" } }, include: { section: true } });
    const response = await fetch(urlFor(`/${draft.section!.slug}/${draft.slug}`));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(draft.headline);
  });

  it("redirects a story requested under the wrong section to its own address", async () => {
    const response = await fetch(urlFor(`/football/${MODEL_SLUG}`), { redirect: "manual" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toContain(`/${story.section!.slug}/${MODEL_SLUG}`);
  });
});

describe("caching", () => {
  it("serves a cached story without reading the database again", async () => {
    const target = await db.article.findFirstOrThrow({
      where: { status: "PUBLISHED", slug: { not: MODEL_SLUG } },
      include: { section: true },
      orderBy: { publishedAt: "asc" },
    });
    const url = urlFor(`/${target.section!.slug}/${target.slug}`);
    expect(await (await fetch(url)).text()).toContain(target.headline);
    // Written behind the app's back: no cache tag is dropped, so only a database read could show it.
    await db.article.update({ where: { id: target.id }, data: { headline: "Changed behind the cache" } });
    try {
      const html = await (await fetch(url)).text();
      expect(html).toContain(target.headline);
      expect(html).not.toContain("Changed behind the cache");
    } finally {
      await db.article.update({ where: { id: target.id }, data: { headline: target.headline } });
    }
  });
});
