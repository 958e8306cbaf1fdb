// The public article read path against a real database (SQLite and PostgreSQL): what it loads,
// that records referenced by id show their current state, and that the cache serves published
// pages until a write drops their tags; and that an uncached render takes a fixed, small number of
// SQL statements whatever the number of relations, returning what the Prisma-include version did.
import { beforeAll, describe, expect, it, vi } from "vitest";

// Before lib/db is imported: count every statement the client sends.
vi.hoisted(() => {
  process.env.PRESSBOX_COUNT_QUERIES = "1";
});

import { db } from "../../lib/db";
import { queryCount } from "../../lib/query-count";
import { loadArticlePage } from "../../lib/articles/page/article-page";
import { getPublishedArticle } from "../support/published-article";
import { invalidateTags } from "../../lib/cache/tagged-cache";
import { cacheTags } from "../../lib/cache/tags";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { MODEL_STORY_SLUG } from "../fixtures/model-story";
import { createStoryWithRelations, type ExpectedPage } from "../fixtures/story-with-relations";

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
    expect([...page.records.articles.values()].map((a) => a.href).sort()).toEqual(["/olympics/aussie-snowboarder-frightening-olympics-crash", "/olympics/skater-doping-drama-leaves-ice-in-tears"]);
  });

  it("tags the page with everything whose change must refresh it", async () => {
    const { page, tags } = await modelStoryPage();
    const story = await db.article.findUniqueOrThrow({
      where: { id: page.id },
      include: { heroMedia: true, relatedLinks: true, bylines: true },
    });
    expect(tags).toEqual(
      expect.arrayContaining([
        cacheTags.article(page.id),
        cacheTags.section(page.section.id),
        cacheTags.media(story.heroMediaId!),
        cacheTags.agency(story.heroMedia!.agencyId!),
        ...story.relatedLinks.map((link) => cacheTags.article(link.toArticleId)),
        ...story.bylines.map((b) => cacheTags.byline(b.profileId)),
      ]),
    );
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

const MAX_STATEMENTS = 6;

async function countedLoad(slug: string, onlyPublished = true) {
  const before = queryCount();
  const loaded = await loadArticlePage(slug, onlyPublished);
  return { loaded, statements: queryCount() - before };
}

// The page the fixture says it made, value for value (the records' Maps are lookup tables, compared
// by key; notes are checked without their generated ids); the cache tags are a set. "More on this
// story" is the linked stories in body order (the first four links, published ones only), then the
// fixture's candidates by score (2 a shared tag, 1 the same section), newest first: worked out by
// hand for each case below from the fixture's rules.
async function expectPage(story: { slug: string; expected: ExpectedPage }, related: string[], onlyPublished = true) {
  const loaded = await loadArticlePage(story.slug, onlyPublished);
  expect(loaded).not.toBeNull();
  const { related: relatedCards, notes, ...page } = loaded!.page;
  const { notes: expectedNotes, ...expectedPage } = story.expected.page;
  expect(page).toStrictEqual(expectedPage);
  expect(notes.map(({ id, ...note }) => (expect(id).toEqual(expect.any(String)), note))).toStrictEqual(expectedNotes);
  const cards = related.map((name) => story.expected.cards.get(`${name}-${suffixOf(story)}`)!);
  expect(relatedCards).toStrictEqual(cards);
  const relatedTags = cards.flatMap((card) => [cacheTags.article(card.id), ...(card.image ? story.expected.photoTags.get(card.image.id)! : [])]);
  expect(new Set(loaded!.tags)).toEqual(new Set([...story.expected.tags, ...relatedTags]));
  return loaded!.page;
}

describe("loadArticlePage statements", () => {
  let few: Awaited<ReturnType<typeof createStoryWithRelations>>, many: Awaited<ReturnType<typeof createStoryWithRelations>>;

  beforeAll(async () => {
    few = await createStoryWithRelations({ count: 1 });
    many = await createStoryWithRelations({ count: 12 });
  });

  it("counts the statements it sends (the counter is on)", async () => {
    const { statements } = await countedLoad(MODEL_STORY_SLUG);
    expect(statements).toBeGreaterThan(0);
  });

  it(`reads a story in at most ${MAX_STATEMENTS} statements, as many for 1 as for 12 of each relation`, async () => {
    const counts = { model: (await countedLoad(MODEL_STORY_SLUG)).statements, few: (await countedLoad(few.slug)).statements };
    const { loaded, statements } = await countedLoad(many.slug);
    console.log(`article page statements: model story ${counts.model}, 1 of each ${counts.few}, 12 of each ${statements}`);
    expect(loaded!.page.records.quotes.size).toBe(12);
    expect(loaded!.page.related).toHaveLength(4);
    expect(statements).toBeLessThanOrEqual(MAX_STATEMENTS);
    expect(statements).toBe(counts.few);
    expect(counts.model).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it("shows everything the fixture wrote, for 1 and for 12 of each relation", async () => {
    await expectPage(few, ["linked-0", "candidate-1", "candidate-0", "candidate-2"]);
    const page = await expectPage(many, ["linked-11", "linked-10", "candidate-5", "candidate-2"]);
    // The fixture really has all of it: ordered bylines and notes, withdrawn and uncredited photos.
    expect(page.bylines.map((b) => b.name)).toEqual([...Array(12).keys()].map((i) => expect.stringContaining(`Writer ${i} `)));
    expect(page.notes.map((n) => n.text)).toEqual([...Array(12).keys()].map((i) => `Note ${i}`));
    expect([...page.records.media.values()].some((m) => m.isWithdrawn)).toBe(true);
    expect([...page.records.media.values()].some((m) => m.credit === null)).toBe(true);
    expect(page.records.articles.size).toBe(13);
    expect(page.related.map((card) => card.image === null)).toContain(true);
  });

  it("previews a draft without a section the same way, in as few statements", async () => {
    const draft = await createStoryWithRelations({ count: 3, isDraftWithoutSection: true });
    expect(await loadArticlePage(draft.slug)).toBeNull();
    // Without a section, only shared tags count; candidates 0 and 1 tie (same score, same time) and
    // are ordered by id.
    const tied = ["candidate-0", "candidate-1"].sort((a, b) => (draft.expected.cards.get(`${a}-${suffixOf(draft)}`)!.id < draft.expected.cards.get(`${b}-${suffixOf(draft)}`)!.id ? -1 : 1));
    const page = await expectPage(draft, ["linked-2", "linked-1", ...tied], false);
    expect(page.section).toEqual({ id: "", name: "No section yet", slug: "" });
    expect((await countedLoad(draft.slug, false)).statements).toBeLessThanOrEqual(MAX_STATEMENTS);
  });
});

function suffixOf(story: { expected: ExpectedPage }): string {
  return story.expected.page.bylines[0].slug.replace(/^writer-0-/, "");
}

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
