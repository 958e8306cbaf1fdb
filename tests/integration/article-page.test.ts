// The public article read path against a real database (SQLite and PostgreSQL): what it loads,
// that records referenced by id show their current state, and that the cache serves published
// pages until a write drops their tags.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { loadArticlePage } from "../../lib/articles/article-page";
import { getPublishedArticle } from "../../lib/articles/queries";
import { invalidateTags } from "../../lib/cache/tagged-cache";
import { cacheTags } from "../../lib/cache/tags";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { MODEL_STORY_SLUG } from "../fixtures/model-story";

beforeAll(async () => {
  await ensureDemoNewsroom();
});

async function modelStoryPage() {
  const loaded = await loadArticlePage(MODEL_STORY_SLUG);
  expect(loaded).not.toBeNull();
  return loaded!;
}

describe("loadArticlePage", () => {
  it("loads the story with every record its body refers to", async () => {
    const { page } = await modelStoryPage();
    expect(page.href).toBe(`/olympics/${MODEL_STORY_SLUG}`);
    expect(page.bylines.map((b) => b.name)).toEqual(["Aiko Mori", "Sam Whitfield"]);
    expect(page.hero?.media.credit).toEqual({ short: "Image: Getty", full: "Photo by Douwe Bijlsma/BSR Agency/Getty Images" });
    expect(page.hero?.media.srcSetWebp).toMatch(/\/media\/r\/[0-9a-f]+-480\.webp 480w/);
    expect(page.records.media.size).toBe(1);
    expect(page.records.captions.size).toBeGreaterThanOrEqual(1);
    expect(page.records.quotes.size).toBeGreaterThanOrEqual(2);
    expect(page.records.sidebars.size).toBe(1);
    // A lookup table (the body gives the order), so compare without order.
    expect([...page.records.articles.values()].map((a) => a.href).sort()).toEqual([
      "/olympics/aussie-snowboarder-frightening-olympics-crash",
      "/olympics/skater-doping-drama-leaves-ice-in-tears",
    ]);
  });

  it("tags the page with everything whose change must refresh it", async () => {
    const { page, tags } = await modelStoryPage();
    const story = await db.article.findUniqueOrThrow({
      where: { id: page.id },
      include: { heroMedia: true, relatedLinks: true, bylines: true },
    });
    expect(tags).toEqual(expect.arrayContaining([
      cacheTags.article(page.id),
      cacheTags.section(page.section.id),
      cacheTags.media(story.heroMediaId!),
      cacheTags.agency(story.heroMedia!.agencyId!),
      ...story.relatedLinks.map((link) => cacheTags.article(link.toArticleId)),
      ...story.bylines.map((b) => cacheTags.byline(b.profileId)),
    ]));
  });

  it("shows a linked story's current headline and an agency's current credit format", async () => {
    const { page } = await modelStoryPage();
    const [first] = page.records.articles.values();
    const agency = await db.agency.findUniqueOrThrow({ where: { name: "BSR Agency" } });
    await db.article.update({ where: { id: first.id }, data: { headline: "A renamed linked story" } });
    await db.agency.update({ where: { id: agency.id }, data: { creditFormat: "{photographer} for {agency}" } });
    try {
      const { page: after } = await modelStoryPage();
      expect(after.records.articles.get(first.id)?.headline).toBe("A renamed linked story");
      expect(after.hero?.media.credit?.full).toBe("Douwe Bijlsma for BSR Agency");
    } finally {
      await db.article.update({ where: { id: first.id }, data: { headline: first.headline } });
      await db.agency.update({ where: { id: agency.id }, data: { creditFormat: agency.creditFormat } });
    }
  });

  it("does not return a story that is not published, except for a preview", async () => {
    const draft = await db.article.findFirstOrThrow({ where: { status: "DRAFT" } });
    expect(await loadArticlePage(draft.slug)).toBeNull();
    expect((await loadArticlePage(draft.slug, false))?.page.headline).toBe(draft.headline);
  });

  it("leaves out a related story that has been unpublished", async () => {
    const { page } = await modelStoryPage();
    const [first] = page.records.articles.values();
    await db.article.update({ where: { id: first.id }, data: { status: "UNPUBLISHED" } });
    try {
      const { page: after } = await modelStoryPage();
      expect(after.records.articles.has(first.id)).toBe(false);
      expect(after.records.articles.size).toBe(1);
    } finally {
      await db.article.update({ where: { id: first.id }, data: { status: "PUBLISHED" } });
    }
  });
});

describe("getPublishedArticle", () => {
  it("serves the cached page until one of its tags is dropped", async () => {
    const page = await getPublishedArticle(MODEL_STORY_SLUG);
    const [linked] = page!.records.articles.values();
    await db.article.update({ where: { id: linked.id }, data: { headline: "Renamed while cached" } });
    try {
      expect((await getPublishedArticle(MODEL_STORY_SLUG))!.records.articles.get(linked.id)?.headline).toBe(linked.headline);
      invalidateTags([cacheTags.article(linked.id)]);
      expect((await getPublishedArticle(MODEL_STORY_SLUG))!.records.articles.get(linked.id)?.headline).toBe("Renamed while cached");
    } finally {
      await db.article.update({ where: { id: linked.id }, data: { headline: linked.headline } });
      invalidateTags([cacheTags.article(linked.id)]);
    }
  });

  it("answers null for an unknown slug", async () => {
    expect(await getPublishedArticle("no-such-story")).toBeNull();
  });
});
