// The front page on a cache miss reads its stories in one SQL statement whatever the number of
// sections (plus one for the sections' own list when that is not cached either), and each
// section's block is still that section's newest stories without the lead. Run on SQLite and
// PostgreSQL.
import { beforeAll, describe, expect, it, vi } from "vitest";

// Before lib/db is imported: count every statement the client sends.
vi.hoisted(() => {
  process.env.PRESSBOX_COUNT_QUERIES = "1";
});

import { db } from "../../lib/db";
import { queryCount } from "../../lib/query-count";
import { invalidateTags } from "../../lib/cache/tagged-cache";
import { cacheTags } from "../../lib/cache/tags";
import { SECTIONS_TAG } from "../../lib/sections/queries";
import { getFrontPage } from "../../lib/listings/front-page";
import { uniqueSuffix } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";

const suffix = uniqueSuffix();
// Each section made here with its story ids, newest first.
const made: { id: string; storyIds: string[] }[] = [];
let madeCount = 0;

async function addSection(stories: number): Promise<void> {
  madeCount += 1;
  const section = await db.section.create({ data: { name: `Front ${suffix} ${madeCount}`, slug: `front-${suffix}-${madeCount}`, position: 90 + madeCount }, select: { id: true } });
  const storyIds: string[] = [];
  // Newest first, a minute apart, all in the last hour: recent enough to be on the front page.
  for (let index = 0; index < stories; index += 1) {
    const publishedAt = new Date(Date.now() - (madeCount * 10 + index) * 60_000);
    const story = await db.article.create({
      data: {
        slug: `front-${suffix}-${madeCount}-${index}`,
        headline: `Front story ${madeCount}.${index} ${suffix}`,
        kicker: "",
        standfirst: "",
        sectionId: section.id,
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Body." }] }] },
        bodyText: "Body.",
        status: "PUBLISHED",
        publishedAt,
        firstPublishedAt: publishedAt,
      },
      select: { id: true },
    });
    storyIds.push(story.id);
  }
  made.push({ id: section.id, storyIds });
}

async function statementsOfColdFrontPage(alsoSections: boolean) {
  invalidateTags([cacheTags.frontPage, ...(alsoSections ? [SECTIONS_TAG] : [])]);
  const before = queryCount();
  const front = await getFrontPage();
  return { front, statements: queryCount() - before };
}

beforeAll(async () => {
  await ensureDemoNewsroom();
  for (const stories of [5, 4, 2]) await addSection(stories);
});

describe("the front page's queries", () => {
  it("reads its stories in one statement, and the sections in one more when they are not cached", async () => {
    expect((await statementsOfColdFrontPage(true)).statements).toBe(2);
    expect((await statementsOfColdFrontPage(false)).statements).toBe(1);
  });

  it("sends as many statements with eight more sections", async () => {
    for (let i = 0; i < 8; i += 1) await addSection(1);
    expect((await statementsOfColdFrontPage(true)).statements).toBe(2);
    expect((await statementsOfColdFrontPage(false)).statements).toBe(1);
  });

  it("shows each section's newest three stories, never the lead", async () => {
    const { front } = await statementsOfColdFrontPage(true);
    expect(front.lead).not.toBeNull();
    for (const section of made) {
      const block = front.sections.find((b) => b.section.id === section.id);
      const expected = section.storyIds.filter((id) => id !== front.lead!.id).slice(0, 3);
      expect(block?.stories.map((s) => s.id)).toEqual(expected);
    }
    expect(front.sections.flatMap((b) => b.stories.map((s) => s.id))).not.toContain(front.lead!.id);
  });
});
