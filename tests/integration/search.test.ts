// Reader search against a real database (SQLite FTS5 and PostgreSQL tsvector): what it finds,
// how it ranks and highlights, its filters, that the index moves with the story's transaction,
// and that hostile input gives results or nothing, never an error.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { reindexArticle } from "../../lib/search/index-article";
import { parseSearchTerms } from "../../lib/search/query";
import { searchStories } from "../../lib/search/search-stories";
import type { SearchFilters } from "../../lib/search/types";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { MODEL_STORY_QUOTES, MODEL_STORY_SIDEBAR, MODEL_STORY_SLUG } from "../fixtures/model-story";

beforeAll(async () => {
  await ensureDemoNewsroom();
});

async function search(query: string, filters: SearchFilters = {}, page = 1, pageSize = 20) {
  return searchStories({ terms: parseSearchTerms(query).terms, page, pageSize, ...filters });
}

const hrefs = async (query: string, filters?: SearchFilters) => (await search(query, filters)).hits.map((hit) => hit.href);
const text = (parts: { text: string }[]) => parts.map((part) => part.text).join("");
const matches = (parts: { text: string; isMatch: boolean }[]) => parts.filter((p) => p.isMatch).map((p) => p.text.toLowerCase());

describe("searchStories finds published stories", () => {
  it("by headline, standfirst and body text", async () => {
    expect(await hrefs("harbour city")).toContain("/football/harbour-city-late-winner");
    expect(await hrefs("stretcher")).toContain("/olympics/aussie-snowboarder-frightening-olympics-crash");
    expect(await hrefs("crash padding")).toEqual([`/olympics/${MODEL_STORY_SLUG}`]);
  });

  it("by caption, pull-quote and sidebar text", async () => {
    const caption = await db.caption.findFirstOrThrow({ where: { article: { slug: MODEL_STORY_SLUG } }, orderBy: { createdAt: "desc" } });
    expect(await hrefs(caption.text)).toContain(`/olympics/${MODEL_STORY_SLUG}`);
    expect(await hrefs(MODEL_STORY_QUOTES[0].text)).toEqual([`/olympics/${MODEL_STORY_SLUG}`]);
    expect(await hrefs("Sverre Lunde Pedersen")).toEqual([`/olympics/${MODEL_STORY_SLUG}`]);
    expect(MODEL_STORY_SIDEBAR.paragraphs.join(" ")).toContain("Sverre Lunde Pedersen");
  });

  it("with word forms (stemming) and regardless of case", async () => {
    expect(await hrefs("CRASHED")).toContain("/olympics/aussie-snowboarder-frightening-olympics-crash");
  });

  it("never drafts", async () => {
    const draft = await db.article.findFirstOrThrow({ where: { status: "DRAFT" } });
    expect(await hrefs(draft.headline)).not.toContain(`/${draft.slug}`);
    expect((await search(draft.headline)).hits.map((hit) => hit.id)).not.toContain(draft.id);
  });
});

describe("ranking and highlighting", () => {
  it("puts a headline match above a passing mention and highlights the headline", async () => {
    const { hits } = await search("snowboarder");
    expect(hits[0].href).toBe("/olympics/aussie-snowboarder-frightening-olympics-crash");
    expect(matches(hits[0].headline)).toEqual(["snowboarder"]);
  });

  it("gives a snippet with the matched words marked", async () => {
    const [hit] = (await search("crash padding")).hits;
    expect(text(hit.snippet)).toContain("crash padding");
    expect(matches(hit.snippet)).toEqual(expect.arrayContaining(["crash", "padding"]));
  });

  it("counts every hit and pages through them", async () => {
    const all = await search("final", {}, 1, 100);
    expect(all.total).toBe(all.hits.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const second = await search("final", {}, 2, 2);
    expect(second.total).toBe(all.total);
    expect(second.hits.map((hit) => hit.id)).toEqual(all.hits.slice(2, 4).map((hit) => hit.id));
  });
});

describe("a count stopped at its limit", () => {
  // matchLimit 2 stands in for the thousand of a real newsroom: "final" is in at least three stories.
  const capped = (page: number, filters: SearchFilters = {}) => searchStories({ terms: ["final"], page, pageSize: 1, matchLimit: 2, ...filters });

  it("says there are more and keeps every match reachable page by page, each once", async () => {
    const all = await search("final", {}, 1, 100);
    const first = await capped(1);
    expect(first).toMatchObject({ total: 3, isTotalCapped: true });
    const seen: { id: string }[] = [];
    for (let page = 1; page <= all.total + 1; page += 1) {
      const result = await capped(page);
      if (page > all.total) {
        expect(result.hits).toEqual([]);
        break;
      }
      // Each page counts past its own end, so the reader can always go one page older.
      expect(result.total).toBeGreaterThan(page === all.total ? page - 1 : page);
      seen.push(...result.hits.map((hit) => ({ id: hit.id })));
    }
    expect(seen.map((hit) => hit.id).sort()).toEqual(all.hits.map((hit) => hit.id).sort());
  });

  it("counts exactly up to the limit and ranks", async () => {
    const all = await search("final", {}, 1, 100);
    const exact = await searchStories({ terms: ["final"], page: 1, pageSize: 100, matchLimit: all.total });
    expect(exact).toMatchObject({ total: all.total, isTotalCapped: false });
    expect(exact.hits.map((hit) => hit.id)).toEqual(all.hits.map((hit) => hit.id));
  });

  it("stops the same way within a section", async () => {
    const inOlympics = await search("final", { sectionSlug: "olympics" }, 1, 100);
    const result = await searchStories({ terms: ["final"], page: 1, pageSize: 1, matchLimit: 0, sectionSlug: "olympics" });
    expect(result.isTotalCapped).toBe(inOlympics.total > 1);
    expect(result.hits.every((hit) => hit.href.startsWith("/olympics/"))).toBe(true);
  });
});

describe("filters", () => {
  it("by section", async () => {
    const inOlympics = await hrefs("final", { sectionSlug: "olympics" });
    expect(inOlympics.length).toBeGreaterThan(0);
    expect(inOlympics.every((href) => href.startsWith("/olympics/"))).toBe(true);
    expect(await hrefs("final", { sectionSlug: "no-such-section" })).toEqual([]);
  });

  it("by publication date", async () => {
    const story = await db.article.findUniqueOrThrow({ where: { slug: MODEL_STORY_SLUG } });
    const at = story.publishedAt!.getTime();
    expect(await hrefs("takagi", { from: new Date(at - 60_000), until: new Date(at + 60_000) })).toContain(`/olympics/${MODEL_STORY_SLUG}`);
    expect(await hrefs("takagi", { from: new Date(at + 60_000) })).not.toContain(`/olympics/${MODEL_STORY_SLUG}`);
    expect(await hrefs("takagi", { until: new Date(at - 60_000) })).not.toContain(`/olympics/${MODEL_STORY_SLUG}`);
  });
});

describe("the index moves with the story", () => {
  it("follows a headline change, unpublishing and republishing", async () => {
    const story = await db.article.findUniqueOrThrow({ where: { slug: "rain-chaos-grand-prix" } });
    try {
      await db.$transaction(async (tx) => {
        await tx.article.update({ where: { id: story.id }, data: { headline: "Zanzibarian monsoon floods the circuit" } });
        await reindexArticle(tx, story.id);
      });
      expect(await hrefs("zanzibarian")).toEqual(["/motorsport/rain-chaos-grand-prix"]);
      await db.$transaction(async (tx) => {
        await tx.article.update({ where: { id: story.id }, data: { status: "UNPUBLISHED" } });
        await reindexArticle(tx, story.id);
      });
      expect(await hrefs("zanzibarian")).toEqual([]);
    } finally {
      await db.$transaction(async (tx) => {
        await tx.article.update({ where: { id: story.id }, data: { headline: story.headline, status: story.status } });
        await reindexArticle(tx, story.id);
      });
    }
    expect(await hrefs("zanzibarian")).toEqual([]);
    expect(await hrefs(story.headline)).toContain("/motorsport/rain-chaos-grand-prix");
  });

  it("follows a story moved to another section and republished, in the filters", async () => {
    const story = await db.article.findUniqueOrThrow({ where: { slug: "rain-chaos-grand-prix" }, include: { section: true } });
    const other = await db.section.findFirstOrThrow({ where: { id: { not: story.sectionId! } } });
    const republishedAt = new Date(Date.UTC(2031, 4, 6, 12));
    const day = (offsetMs: number) => new Date(republishedAt.getTime() + offsetMs);
    try {
      await db.$transaction(async (tx) => {
        await tx.article.update({ where: { id: story.id }, data: { sectionId: other.id, publishedAt: republishedAt } });
        await reindexArticle(tx, story.id);
      });
      const [id] = (await search(story.headline, { sectionSlug: other.slug, from: day(-60_000), until: day(60_000) })).hits.map((hit) => hit.id);
      expect(id).toBe(story.id);
      expect((await search(story.headline, { sectionSlug: story.section!.slug })).hits.map((hit) => hit.id)).not.toContain(story.id);
      expect((await search(story.headline, { until: day(-60_000) })).hits.map((hit) => hit.id)).not.toContain(story.id);
    } finally {
      await db.$transaction(async (tx) => {
        await tx.article.update({ where: { id: story.id }, data: { sectionId: story.sectionId, publishedAt: story.publishedAt } });
        await reindexArticle(tx, story.id);
      });
    }
    expect((await search(story.headline, { sectionSlug: story.section!.slug })).hits.map((hit) => hit.id)).toContain(story.id);
  });

  it("is rolled back with the story's transaction", async () => {
    const story = await db.article.findUniqueOrThrow({ where: { slug: "rookie-takes-pole-position" } });
    const failed = db.$transaction(async (tx) => {
      await tx.article.update({ where: { id: story.id }, data: { headline: "Quixotic qualifying lap" } });
      await reindexArticle(tx, story.id);
      throw new Error("the write failed after indexing");
    });
    await expect(failed).rejects.toThrow("the write failed");
    expect(await hrefs("quixotic")).toEqual([]);
    expect(await hrefs("rookie pole")).toContain("/motorsport/rookie-takes-pole-position");
  });

  it("follows a new caption and quote", async () => {
    const story = await db.article.findUniqueOrThrow({ where: { slug: "qualifier-stuns-top-seed" } });
    const created = await db.$transaction(async (tx) => {
      const quote = await tx.quote.create({ data: { articleId: story.id, text: "Xylophonic footwork won it", speaker: "Coach Quimby" } });
      const caption = await tx.caption.create({ data: { articleId: story.id, mediaId: story.heroMediaId!, text: "Kaleidoscopic sunset over court one" } });
      await reindexArticle(tx, story.id);
      return { quote, caption };
    });
    try {
      expect(await hrefs("xylophonic")).toEqual(["/tennis/qualifier-stuns-top-seed"]);
      expect(await hrefs("kaleidoscopic")).toEqual(["/tennis/qualifier-stuns-top-seed"]);
    } finally {
      await db.$transaction(async (tx) => {
        await tx.quote.delete({ where: { id: created.quote.id } });
        await tx.caption.delete({ where: { id: created.caption.id } });
        await reindexArticle(tx, story.id);
      });
    }
    expect(await hrefs("xylophonic")).toEqual([]);
  });
});

describe("hostile input", () => {
  const nasty = [
    "",
    "   ",
    '"',
    '"""',
    "'",
    "*",
    "NEAR(",
    "a AND",
    "OR OR OR",
    "-crash",
    "headline:skater",
    "^skater",
    "sk*",
    "(",
    ")",
    "{}",
    "a:b:c",
    '\'; DROP TABLE "Article"; --',
    "1=1 OR",
    "\\",
    "%",
    "_",
    "\u0000",
    "\u0002skater\u0003",
    "!@#$%^&*()",
    "NOT",
    "& | ! <->",
    "skater:*",
    "'skater' & !'tears'",
    "x".repeat(600),
    "skater ".repeat(200),
    "東京 オリンピック",
    "😀 crash",
    "\u202eevil",
  ];

  it.each(nasty.map((query) => [JSON.stringify(query).slice(0, 40), query]))("%s gives results or nothing, never an error", async (_, query) => {
    const result = await search(query);
    expect(result.total).toBeGreaterThanOrEqual(0);
    expect(result.hits.length).toBeLessThanOrEqual(20);
  });

  it("still finds words inside operator-laden input", async () => {
    expect(await hrefs(`"snowboarder" AND NOT (crash*)`)).toContain("/olympics/aussie-snowboarder-frightening-olympics-crash");
  });
});
