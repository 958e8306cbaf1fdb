// Story cards as listings show them (section/tag/author pages, the front page, feeds), read by the
// one SQL card reader: published stories with a section only, newest first, paged, with their
// section, ordered bylines and (no) picture; a draft or an unpublished story never appears.
import { beforeAll, describe, expect, it } from "vitest";
import { invalidateTags } from "../../lib/cache/tagged-cache";
import { cacheTags } from "../../lib/cache/tags";
import { db } from "../../lib/db";
import { listFeedStories } from "../../lib/feeds/queries";
import { getFrontPage } from "../../lib/listings/front-page";
import { listStoryPage } from "../../lib/listings/queries";
import { uniqueSuffix } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";

const suffix = uniqueSuffix();
let section: { id: string; name: string; slug: string };
let tag: { id: string };
let first: { id: string; name: string };
let second: { id: string; name: string };
// Newest first.
const stories: { id: string; slug: string; headline: string }[] = [];

async function createStory(index: number, status: "PUBLISHED" | "DRAFT" | "UNPUBLISHED", publishedAt: Date) {
  return db.article.create({
    data: {
      slug: `listing-${suffix}-${index}`,
      headline: `Listing story ${index} ${suffix}`,
      kicker: `Kicker ${index}`,
      standfirst: `Standfirst ${index}`,
      sectionId: section.id,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Body." }] }] },
      bodyText: "Body.",
      status,
      publishedAt,
      firstPublishedAt: publishedAt,
      bylines: {
        create: [
          { profileId: second.id, position: 0 },
          { profileId: first.id, position: 1 },
        ],
      },
      tags: { create: [{ tagId: tag.id, position: 0 }] },
    },
    select: { id: true, slug: true, headline: true },
  });
}

beforeAll(async () => {
  await ensureDemoNewsroom();
  section = await db.section.create({ data: { name: `Listings ${suffix}`, slug: `listings-${suffix}`, position: 98 }, select: { id: true, name: true, slug: true } });
  tag = await db.tag.create({ data: { name: `Listing tag ${suffix}`, slug: `listing-tag-${suffix}` }, select: { id: true } });
  first = await db.bylineProfile.create({ data: { name: `Ada ${suffix}`, slug: `ada-${suffix}` }, select: { id: true, name: true } });
  second = await db.bylineProfile.create({ data: { name: `Ben ${suffix}`, slug: `ben-${suffix}` }, select: { id: true, name: true } });
  const base = Date.parse("2024-03-01T10:00:00.000Z");
  for (const index of [3, 2, 1]) stories.push(await createStory(index, "PUBLISHED", new Date(base + index * 60_000)));
  await createStory(4, "DRAFT", new Date(base + 10 * 60_000));
  await createStory(5, "UNPUBLISHED", new Date(base + 11 * 60_000));
  invalidateTags([cacheTags.listings, cacheTags.frontPage, cacheTags.feeds]);
});

describe("listing pages", () => {
  it("pages a section's published stories newest first, with the total", async () => {
    const one = await listStoryPage({ sectionId: section.id }, 1, 2);
    expect(one.stories.map((s) => s.id)).toEqual([stories[0].id, stories[1].id]);
    expect(one.total).toBe(3);
    const two = await listStoryPage({ sectionId: section.id }, 2, 2);
    expect(two.stories.map((s) => s.id)).toEqual([stories[2].id]);
    expect(two.total).toBe(3);
  });

  it("shows each card's address, section, words, bylines in order and publication time", async () => {
    const [card] = (await listStoryPage({ sectionId: section.id }, 1, 1)).stories;
    expect(card).toEqual({
      id: stories[0].id,
      href: `/${section.slug}/${stories[0].slug}`,
      kicker: "Kicker 3",
      headline: stories[0].headline,
      standfirst: "Standfirst 3",
      sectionName: section.name,
      sectionSlug: section.slug,
      publishedAt: "2024-03-01T10:03:00.000Z",
      updatedAt: expect.any(String),
      bylines: [second.name, first.name],
      image: null,
    });
  });

  it("lists a tag's and an author's stories the same way", async () => {
    const ids = stories.map((s) => s.id);
    expect((await listStoryPage({ tagId: tag.id }, 1)).stories.map((s) => s.id)).toEqual(ids);
    expect((await listStoryPage({ profileId: first.id }, 1)).stories.map((s) => s.id)).toEqual(ids);
    expect((await listStoryPage({ profileId: first.id }, 1)).total).toBe(3);
  });
});

describe("feeds and the front page", () => {
  it("feeds a section's published stories newest first", async () => {
    expect((await listFeedStories({ sectionId: section.id })).map((s) => s.id)).toEqual(stories.map((s) => s.id));
  });

  it("shows the section's newest stories in its block, never the lead twice", async () => {
    const front = await getFrontPage();
    const block = front.sections.find((b) => b.section.id === section.id);
    expect(block?.stories.map((s) => s.id)).toEqual(stories.map((s) => s.id).filter((id) => id !== front.lead?.id));
    expect(front.latest.map((s) => s.id)).not.toContain(front.lead?.id);
  });
});
