// Rights are enforced: a story cannot be published with a picture lacking alt text, a credit or
// valid rights; when a picture's rights run out, the scheduler's job withdraws it from published
// pages (cached ones included), records it in the audit log and flags the stories to editors.
import { beforeAll, describe, expect, it } from "vitest";
import { listStories, parseStoryFilters } from "../../lib/articles/list-stories";
import { getPublishedArticle } from "../support/published-article";
import { publishArticle } from "../../lib/articles/workflow";
import { db } from "../../lib/db";
import { withdrawExpiredMedia } from "../../lib/media/rights/rights-expiry";
import { updateMedia } from "../../lib/media/update-media";
import type { Actor } from "../../lib/permissions";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createPhoto, createStoryUsing } from "../fixtures/media-stories";
import { createStaff } from "../fixtures/staff";

let editor: Actor;

beforeAll(async () => {
  await ensureDemoNewsroom();
  editor = await createStaff("EDITOR", "Rhea Rights");
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function flagOf(articleId: string, headline: string): Promise<boolean | undefined> {
  const { rows } = await listStories(editor, parseStoryFilters({ q: headline }));
  return rows.find((row) => row.id === articleId)?.hasExpiredPhoto;
}

describe("the publish gate", () => {
  it.each([
    ["no alt text", { altText: "" }, /has no alt text/],
    ["no credit", { creditOverride: null }, /has no credit/],
    ["expired rights", { rightsExpireAt: new Date(Date.now() - 60_000) }, /rights to use it expired/],
  ])("refuses to publish a story whose photo has %s", async (_, overrides, problem) => {
    const media = await createPhoto({ originalName: "gate.jpg", ...overrides });
    const story = await createStoryUsing(editor, media.id, "figure");
    const attempt = publishArticle(editor, { articleId: story.id, expectedVersion: story.version });
    await expect(attempt).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(problem) });
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("DRAFT");
  });
});

describe("withdrawExpiredMedia", () => {
  it("withdraws a picture from cached published pages once its rights run out, audits it and flags the stories", async () => {
    const media = await createPhoto({ originalName: "expiring.jpg" });
    const published = await createStoryUsing(editor, media.id, "hero", { publish: true });
    const draft = await createStoryUsing(editor, media.id, "figure");
    const expiresAt = new Date(Date.now() + 1500);
    await db.media.update({ where: { id: media.id }, data: { rightsExpireAt: expiresAt } });
    // Cached while the rights were valid.
    expect((await getPublishedArticle(published.slug))?.hero?.media.isWithdrawn).toBe(false);
    expect(await flagOf(published.id, published.headline)).toBe(false);
    await sleep(expiresAt.getTime() - Date.now() + 50);
    expect((await getPublishedArticle(published.slug))?.hero?.media.isWithdrawn, "still cached").toBe(false);

    const report = await withdrawExpiredMedia();
    expect(report.withdrawn).toContain(media.id);
    expect(report.articleIds).toContain(published.id);
    expect(report.articleIds).not.toContain(draft.id);
    expect((await getPublishedArticle(published.slug))?.hero?.media.isWithdrawn).toBe(true);
    expect((await db.media.findUniqueOrThrow({ where: { id: media.id } })).rightsExpiredAt).not.toBeNull();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityType: "Media", entityId: media.id, action: "media.rights-expired" } });
    expect(audit.actorId).toBeNull();
    expect(audit.details).toMatchObject({ originalName: "expiring.jpg", withdrawnFrom: [{ id: published.id, headline: published.headline }] });
    expect(await flagOf(published.id, published.headline)).toBe(true);
    expect(await flagOf(draft.id, draft.headline)).toBe(true);

    expect((await withdrawExpiredMedia()).withdrawn, "a second run does nothing").not.toContain(media.id);
    expect(await db.auditEntry.count({ where: { entityId: media.id, action: "media.rights-expired" } })).toBe(1);
  });

  it("lets renewed rights show the picture again and clears the flag", async () => {
    const media = await createPhoto({ rightsExpireAt: new Date(Date.now() - 1000) });
    const story = await createStoryUsing(editor, media.id, "figure");
    await withdrawExpiredMedia();
    const withdrawn = await db.media.findUniqueOrThrow({ where: { id: media.id } });
    expect(withdrawn.rightsExpiredAt).not.toBeNull();
    await updateMedia(editor, { id: media.id, version: withdrawn.version, altText: withdrawn.altText, creditOverride: withdrawn.creditOverride, rightsExpireAt: "2040-01-01" });
    expect((await db.media.findUniqueOrThrow({ where: { id: media.id } })).rightsExpiredAt).toBeNull();
    expect(await flagOf(story.id, story.headline)).toBe(false);
  });

  it("leaves pictures with rights still running, or none recorded, alone", async () => {
    const [running, open] = [await createPhoto({ rightsExpireAt: new Date(Date.now() + 86_400_000) }), await createPhoto()];
    const report = await withdrawExpiredMedia();
    expect(report.withdrawn).not.toContain(running.id);
    expect(report.withdrawn).not.toContain(open.id);
  });
});
