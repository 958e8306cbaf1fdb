// Sections and tags: renames keep old addresses working through redirects, merges move every
// story, reserved addresses are refused, and the cached navigation follows at once.
import { beforeAll, describe, expect, it } from "vitest";
import { getPublishedArticle } from "../support/published-article";
import { db } from "../../lib/db";
import { getTagBySlug, listStoryPage } from "../../lib/listings/queries";
import { findRedirect } from "../../lib/redirects/queries";
import { createSection, updateSection } from "../../lib/sections/commands";
import { getSections } from "../../lib/sections/queries";
import { createTag, mergeTags, renameTag } from "../../lib/tags/commands";
import { createTestUser, uniqueSuffix, type TestUser } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStoryWith } from "../fixtures/newsroom-records";

let admin: TestUser;

beforeAll(async () => {
  await ensureDemoNewsroom();
  admin = await createTestUser("ADMIN");
});

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: { code?: string; message: string }) => error,
  );
}

describe("sections", () => {
  it("renames a section: navigation and stories follow, the old address redirects", async () => {
    const suffix = uniqueSuffix();
    const section = await createSection(admin, { name: `Winter ${suffix}`, description: "Snow and ice" });
    expect(section.slug).toBe(`winter-${suffix}`);
    const story = await createStoryWith({ sectionId: section.id });
    expect((await getPublishedArticle(story.slug))?.href).toBe(`/winter-${suffix}/${story.slug}`);
    await updateSection(admin, { id: section.id, version: 1, name: `Winter sports ${suffix}`, slug: `winter-sports-${suffix}`, description: "" });
    expect((await getSections()).find((s) => s.id === section.id)).toMatchObject({ name: `Winter sports ${suffix}`, slug: `winter-sports-${suffix}` });
    expect((await getPublishedArticle(story.slug))?.href).toBe(`/winter-sports-${suffix}/${story.slug}`);
    expect(await findRedirect(`/winter-${suffix}`)).toBe(`/winter-sports-${suffix}`);
    expect(await db.auditEntry.count({ where: { action: "section.rename", entityId: section.id } })).toBe(1);
  });

  it("renaming back removes the redirect instead of making a loop", async () => {
    const suffix = uniqueSuffix();
    const section = await createSection(admin, { name: `Loop ${suffix}` });
    await updateSection(admin, { id: section.id, version: 1, name: `Loop ${suffix}`, slug: `looped-${suffix}` });
    await updateSection(admin, { id: section.id, version: 2, name: `Loop ${suffix}`, slug: `loop-${suffix}` });
    expect(await findRedirect(`/loop-${suffix}`)).toBeNull();
    expect(await findRedirect(`/looped-${suffix}`)).toBe(`/loop-${suffix}`);
  });

  it("refuses the site's own addresses and names in use", async () => {
    for (const slug of ["newsroom", "api", "tag", "author", "sign-in", "media", "search", "feeds"]) {
      expect(await errorOf(createSection(admin, { name: `Reserved ${uniqueSuffix()}`, slug }))).toMatchObject({ code: "INVALID" });
    }
    expect(await errorOf(createSection(admin, { name: "Search" }))).toMatchObject({ code: "INVALID", message: expect.stringContaining("/search") });
    expect(await errorOf(createSection(admin, { name: "Olympics", slug: `olympics-${uniqueSuffix()}` }))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(createSection(admin, { name: "!!!" }))).toMatchObject({ code: "INVALID" });
  });
});

describe("tags", () => {
  it("renames a tag: its address follows the name and the old one redirects", async () => {
    const suffix = uniqueSuffix();
    const tag = await createTag(admin, { name: `Skeleton ${suffix}` });
    expect(await getTagBySlug(`skeleton-${suffix}-sled`)).toBeNull();
    await renameTag(admin, { id: tag.id, version: 1, name: `Skeleton ${suffix} sled` });
    expect(await getTagBySlug(`skeleton-${suffix}-sled`)).toMatchObject({ id: tag.id });
    expect(await findRedirect(`/tag/skeleton-${suffix}`)).toBe(`/tag/skeleton-${suffix}-sled`);
  });

  it("merges tags: every story keeps one tag, the source is gone and redirects", async () => {
    const suffix = uniqueSuffix();
    const source = await createTag(admin, { name: `Footy ${suffix}` });
    const target = await createTag(admin, { name: `Football ${suffix}` });
    const onlySource = await createStoryWith({ tags: [source.id] });
    const both = await createStoryWith({ tags: [target.id, source.id] });
    await mergeTags(admin, { sourceId: source.id, sourceVersion: 1, targetId: target.id, targetVersion: 1 });
    expect(await db.tag.findUnique({ where: { id: source.id } })).toBeNull();
    expect(await db.articleTag.findMany({ where: { articleId: { in: [onlySource.id, both.id] } }, select: { tagId: true } })).toEqual([{ tagId: target.id }, { tagId: target.id }]);
    expect((await listStoryPage({ tagId: target.id }, 1)).stories.map((s) => s.id).sort()).toEqual([onlySource.id, both.id].sort());
    expect(await findRedirect(`/tag/${source.slug}`)).toBe(`/tag/${target.slug}`);
    expect((await getPublishedArticle(onlySource.slug))?.tags.map((t) => t.id)).toEqual([target.id]);
  });

  it("refuses a rename onto another tag's name, suggesting a merge", async () => {
    const suffix = uniqueSuffix();
    const a = await createTag(admin, { name: `Alpha ${suffix}` });
    await createTag(admin, { name: `Beta ${suffix}` });
    const error = await errorOf(renameTag(admin, { id: a.id, version: 1, name: `beta ${suffix}` }));
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Merge") });
  });
});
