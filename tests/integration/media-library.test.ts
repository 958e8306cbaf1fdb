// The media library's writes and reads on a real database: editing with version checks, audit and
// page refresh; deleting refused while a story uses the picture (naming it); grid filters; "used in".
import { beforeAll, describe, expect, it } from "vitest";
import { getPublishedArticle } from "../support/published-article";
import { db } from "../../lib/db";
import { deleteMedia } from "../../lib/media/delete-media";
import { parseLibraryFilters, listLibrary } from "../../lib/media/library/library-queries";
import { getMediaDetail } from "../../lib/media/media-detail";
import { getMediaStorage } from "../../lib/media/file/storage";
import { updateMedia } from "../../lib/media/update-media";
import type { Actor } from "../../lib/permissions";
import { uniqueSuffix } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createPhoto, createStoryUsing } from "../fixtures/media-stories";
import { createStaff } from "../fixtures/staff";

let editor: Actor;
let otherEditor: Actor;
let contributor: Actor;
let agency: { id: string; name: string };
let photographer: { id: string; name: string };

beforeAll(async () => {
  await ensureDemoNewsroom();
  [editor, otherEditor, contributor] = await Promise.all([createStaff("EDITOR", "Edna Library"), createStaff("EDITOR", "Priya Picture"), createStaff("CONTRIBUTOR")]);
  const suffix = uniqueSuffix();
  agency = await db.agency.create({ data: { name: `Library Agency ${suffix}`, shortCredit: "LA", creditFormat: "{photographer}/{agency}" } });
  photographer = await db.photographer.create({ data: { name: `Lena Lens ${suffix}`, agencyId: agency.id } });
});

const edit = (media: { id: string; version: number }, fields: Record<string, unknown> = {}) => ({ id: media.id, version: media.version, altText: "A goalkeeper dives", ...fields });

describe("updateMedia", () => {
  it("saves the details, bumps the version and audits what changed", async () => {
    const media = await createPhoto();
    const result = await updateMedia(
      editor,
      edit(media, {
        altText: "Keeper at full stretch",
        photographerId: photographer.id,
        agencyId: agency.id,
        creditOverride: "",
        copyright: "© LA",
        usageTerms: "Editorial only",
        rightsExpireAt: "2031-05-01",
        sourceReference: "JOB-7",
        focalX: "0.2",
        focalY: "0.7",
      }),
      { ip: "203.0.113.5" },
    );
    expect(result.version).toBe(media.version + 1);
    const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
    expect(row).toMatchObject({
      altText: "Keeper at full stretch",
      photographerId: photographer.id,
      agencyId: agency.id,
      creditOverride: null,
      copyright: "© LA",
      focalX: 0.2,
      focalY: 0.7,
      sourceReference: "JOB-7",
    });
    expect(row.rightsExpireAt?.toISOString()).toBe("2031-05-01T00:00:00.000Z");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: media.id, action: "media.update" } });
    expect(audit).toMatchObject({ actorId: editor.id, ip: "203.0.113.5" });
    expect(audit.details).toMatchObject({ changes: { altText: { before: "A goalkeeper dives", after: "Keeper at full stretch" }, creditOverride: { before: "Club Media", after: null } } });
  });

  it("refuses a stale form with 409, naming who saved in between, and changes nothing", async () => {
    const media = await createPhoto();
    await updateMedia(otherEditor, edit(media, { altText: "First" }));
    await expect(updateMedia(editor, edit(media, { altText: "Second" }))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Priya Picture changed this picture/) });
    expect((await db.media.findUniqueOrThrow({ where: { id: media.id } })).altText).toBe("First");
  });

  it("refuses contributors, unknown photographers and nonsense, with nothing changed", async () => {
    const media = await createPhoto();
    await expect(updateMedia(contributor, edit(media))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateMedia(editor, edit(media, { photographerId: "p".repeat(25) }))).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/photographer/) });
    await expect(updateMedia(editor, edit(media, { rightsExpireAt: "soon" }))).rejects.toMatchObject({ code: "INVALID" });
    expect((await db.media.findUniqueOrThrow({ where: { id: media.id } })).version).toBe(media.version);
  });

  it("refreshes the published page showing the picture when its credit changes", async () => {
    const media = await createPhoto({ creditOverride: "Old Credit" });
    const story = await createStoryUsing(editor, media.id, "figure", { publish: true });
    const before = await getPublishedArticle(story.slug);
    expect(before?.records.media.get(media.id)?.credit?.full).toBe("Old Credit");
    await updateMedia(editor, edit(media, { creditOverride: "New Credit" }));
    expect((await getPublishedArticle(story.slug))?.records.media.get(media.id)?.credit?.full).toBe("New Credit");
  });
});

describe("deleteMedia", () => {
  it.each(["hero", "figure", "bare-figure"] as const)("refuses while a story uses the picture as a %s, naming the story", async (use) => {
    const media = await createPhoto();
    const story = await createStoryUsing(editor, media.id, use, { headline: `Used as ${use} ${uniqueSuffix()}` });
    const attempt = deleteMedia(editor, { id: media.id, version: media.version });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(`"${story.headline}" (draft)`) });
    expect(await db.media.count({ where: { id: media.id } })).toBe(1);
  });

  it("names every story and byline profile that uses it", async () => {
    const media = await createPhoto();
    const [a, b] = [await createStoryUsing(editor, media.id, "hero", { publish: true }), await createStoryUsing(editor, media.id, "figure")];
    const profile = await db.bylineProfile.create({ data: { name: `Pat Portrait ${uniqueSuffix()}`, slug: `pat-${uniqueSuffix()}`, photoMediaId: media.id } });
    const error = await deleteMedia(editor, { id: media.id, version: media.version }).catch((e: Error & { details: unknown }) => e);
    expect((error as Error).message).toMatch(new RegExp(`2 stories .*"${a.headline}" \\(published\\).*"${b.headline}" \\(draft\\)|2 stories .*"${b.headline}" \\(draft\\).*"${a.headline}" \\(published\\)`));
    expect((error as Error).message).toContain(`the byline photo of ${profile.name}`);
  });

  it("deletes an unused picture with its files and an audit entry", async () => {
    const media = await createPhoto();
    const keys = [media.storageKey, ...media.renditions.map((r) => r.storageKey)];
    expect(await deleteMedia(editor, { id: media.id, version: media.version })).toEqual({ href: "/newsroom/media?deleted=1" });
    expect(await db.media.count({ where: { id: media.id } })).toBe(0);
    expect(await db.mediaRendition.count({ where: { mediaId: media.id } })).toBe(0);
    for (const key of keys) expect(await getMediaStorage().exists(key), key).toBe(false);
    expect(await db.auditEntry.count({ where: { entityId: media.id, action: "media.delete", actorId: editor.id } })).toBe(1);
  });

  it("refuses contributors and stale versions", async () => {
    const media = await createPhoto();
    await expect(deleteMedia(contributor, { id: media.id, version: media.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteMedia(editor, { id: media.id, version: media.version + 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(deleteMedia(editor, { id: "x".repeat(25), version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the library grid and detail", () => {
  it("searches caption, alt text, photographer and credit, and filters by agency and photographer", async () => {
    const word = `zebra${uniqueSuffix()}`;
    const captioned = await createPhoto({ defaultCaption: `The ${word} crossing` });
    const credited = await createPhoto({ creditOverride: `${word.toUpperCase()} Media` });
    const byPhotographer = await createPhoto({ photographerId: photographer.id, creditOverride: null });
    const ids = async (params: Record<string, string>) => (await listLibrary(contributor, parseLibraryFilters(params))).items.map((item) => item.id);
    expect((await ids({ q: word })).sort()).toEqual([captioned.id, credited.id].sort());
    expect(await ids({ q: photographer.name.toLowerCase() })).toContain(byPhotographer.id);
    expect(await ids({ q: photographer.name.toLowerCase() })).not.toContain(captioned.id);
    expect(await ids({ photographer: photographer.id })).toContain(byPhotographer.id);
    expect(await ids({ agency: agency.id })).toContain(byPhotographer.id);
    expect(await ids({ agency: agency.id })).not.toContain(captioned.id);
  });

  it("filters pictures missing alt text or a credit, with rights expiring within 7 days or expired, and unused ones", async () => {
    const noAlt = await createPhoto({ altText: "" });
    const noCredit = await createPhoto({ creditOverride: null });
    const expiring = await createPhoto({ rightsExpireAt: new Date(Date.now() + 3 * 86_400_000) });
    const later = await createPhoto({ rightsExpireAt: new Date(Date.now() + 30 * 86_400_000) });
    const used = await createPhoto();
    await createStoryUsing(editor, used.id, "bare-figure");
    const ids = async (params: Record<string, string>) => (await listLibrary(editor, parseLibraryFilters(params))).items.map((item) => item.id);
    expect(await ids({ needs: "alt" })).toContain(noAlt.id);
    expect(await ids({ needs: "alt" })).not.toContain(noCredit.id);
    expect(await ids({ needs: "credit" })).toContain(noCredit.id);
    expect(await ids({ needs: "any" })).toEqual(expect.arrayContaining([noAlt.id, noCredit.id]));
    expect(await ids({ rights: "expiring" })).toContain(expiring.id);
    expect(await ids({ rights: "expiring" })).not.toContain(later.id);
    expect(await ids({ unused: "1" })).toEqual(expect.arrayContaining([noAlt.id, later.id]));
    expect(await ids({ unused: "1" })).not.toContain(used.id);
    expect(parseLibraryFilters({ needs: "everything", page: "-3", agency: "'; DROP" })).toEqual({ page: 1 });
  });

  it("shows where a picture is used, what its file said and its rendered credit", async () => {
    const media = await createPhoto({ photographerId: photographer.id, creditOverride: null });
    const story = await createStoryUsing(editor, media.id, "hero", { publish: true });
    const detail = (await getMediaDetail(contributor, media.id))!;
    expect(detail.usage.stories).toEqual([expect.objectContaining({ id: story.id, status: "PUBLISHED", isHero: true, isInBody: false })]);
    expect(detail.credit?.full).toBe(`${photographer.name}/${agency.name}`);
    expect(detail.embedded).toEqual({});
    expect(detail.fields).toMatchObject({ photographerId: photographer.id, agencyId: agency.id, creditOverride: "" });
    expect(await getMediaDetail(contributor, "y".repeat(25))).toBeNull();
  });
});
