// The story's sign-up block and its newsletter: a named newsletter must exist and be on offer when
// the story is saved; the story page loads the block's newsletter (or the main one) in one more
// statement, only when the body has a sign-up block; the editor's list is for staff only.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.PRESSBOX_COUNT_QUERIES = "1";
});

import { db } from "../../lib/db";
import { queryCount } from "../../lib/query-count";
import { createArticle } from "../../lib/articles/create-article";
import { loadStoryForEditor } from "../../lib/articles/editor-queries";
import { saveArticle } from "../../lib/articles/save/save-article";
import { loadArticlePage } from "../../lib/articles/page/article-page";
import { invalidateTags } from "../../lib/cache/tagged-cache";
import { cacheTags } from "../../lib/cache/tags";
import { newsletterChoices } from "../../lib/newsletters/newsroom";
import type { BodyNode } from "../../lib/editor/types";
import type { Actor } from "../../lib/permissions";
import { createStaff } from "../fixtures/staff";
import { doc, paragraph } from "../fixtures/story-body";
import { createTestNewsletter, type TestNewsletter } from "../fixtures/newsletters";

let editor: Actor;
let offered: TestNewsletter;
let archived: TestNewsletter;

beforeAll(async () => {
  editor = await createStaff("EDITOR", "Nell Newsletter");
  offered = await createTestNewsletter({ name: "Olympics daily" });
  archived = await createTestNewsletter({ name: "Euro 2024 daily", isArchived: true });
});

const block = (newsletterId?: string): BodyNode => ({ type: "newsletterSignup", ...(newsletterId ? { attrs: { newsletterId } } : {}) });

async function storyWith(...nodes: BodyNode[]) {
  const { id } = await createArticle(editor, { headline: `Sign-up block ${Math.random()}` });
  const opened = await loadStoryForEditor(editor, id);
  const save = () => saveArticle(editor, { articleId: id, expectedVersion: opened.version, article: { ...opened.article, body: doc(paragraph("Before."), ...nodes) } });
  return { id, save };
}

describe("saving a story with a sign-up block", () => {
  it("accepts a block naming a newsletter on offer, or none", async () => {
    await expect((await storyWith(block(offered.id), block())).save()).resolves.toMatchObject({ isChanged: true });
  });

  it("refuses a block naming an archived or unknown newsletter, saying which", async () => {
    for (const id of [archived.id, "cnosuchnewsletter0000001"]) {
      const story = await storyWith(block(id));
      await expect(story.save()).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining(`newsletter ${id} does not exist or is archived`) });
    }
  });
});

describe("the story page's sign-up blocks", () => {
  it("show the chosen newsletter and the main one, for one more statement on a cold cache, none on a warm one", async () => {
    const withBlocks = await storyWith(block(offered.id), block());
    await withBlocks.save();
    const without = await storyWith();
    await without.save();
    const slugOf = async (id: string) => (await db.article.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug;

    const [plainSlug, blockSlug] = [await slugOf(without.id), await slugOf(withBlocks.id)];
    const counted = async (slug: string) => {
      const before = queryCount();
      const loaded = await loadArticlePage(slug, false);
      return { loaded, statements: queryCount() - before };
    };
    invalidateTags([cacheTags.newsletters]);
    const { loaded: plain, statements: plainStatements } = await counted(plainSlug);
    const { loaded, statements: coldStatements } = await counted(blockSlug);
    expect(coldStatements).toBe(plainStatements + 1);
    expect((await counted(blockSlug)).statements).toBe(plainStatements);
    expect(plain!.page.records.newsletters).toEqual({ byId: new Map(), main: null, sourceArticleId: without.id });
    const { newsletters } = loaded!.page.records;
    expect(newsletters.byId.get(offered.id)).toEqual({ id: offered.id, name: "Olympics daily", description: expect.any(String), consentText: offered.consentText });
    expect(newsletters.sourceArticleId).toBe(withBlocks.id);
    const main = await db.newsletter.findFirst({ where: { isMain: true, isArchived: false }, orderBy: { createdAt: "asc" }, select: { id: true } });
    expect(newsletters.main?.id ?? null).toBe(main?.id ?? null);
    expect(loaded!.tags).toContain("newsletters");
    expect(plain!.tags).not.toContain("newsletters");
  });
});

describe("the editor's list of newsletters", () => {
  it("is for staff, and holds only newsletters on offer", async () => {
    await expect(newsletterChoices(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const contributor = await createStaff("CONTRIBUTOR");
    const ids = (await newsletterChoices(contributor)).map((choice) => choice.id);
    expect(ids).toContain(offered.id);
    expect(ids).not.toContain(archived.id);
  });
});
