// The story editor's photo commands on a real database: alt text, caption and credit edited in
// place go through the media update command (permission, version guard naming who saved, audit)
// and keep every detail the editor does not show; the editor re-reads its photos; and a publish
// refusal names where each problem is fixed, keeping the messages callers have always read.
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../../lib/articles/create-article";
import { readPickerMedia } from "../../lib/articles/editor-queries";
import { saveArticle } from "../../lib/articles/save/save-article";
import { publishArticle } from "../../lib/articles/workflow";
import { db } from "../../lib/db";
import { updateMedia } from "../../lib/media/update-media";
import { updateMediaDetails } from "../../lib/media/update-media-details";
import type { Actor } from "../../lib/permissions";
import { uniqueSuffix } from "../fixtures/accounts";
import { currentInput, newRecordId, paragraph } from "../fixtures/article-input";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createPhoto } from "../fixtures/media-stories";
import { createStaff } from "../fixtures/staff";

let editor: Actor;
let otherEditor: Actor;
let contributor: Actor;
let agency: { id: string; name: string };
let photographer: { id: string; name: string };

beforeAll(async () => {
  await ensureDemoNewsroom();
  [editor, otherEditor, contributor] = await Promise.all([createStaff("EDITOR", "Ines Inplace"), createStaff("EDITOR", "Mona Mediascreen"), createStaff("CONTRIBUTOR")]);
  const suffix = uniqueSuffix();
  agency = await db.agency.create({ data: { name: `Desk Agency ${suffix}`, shortCredit: "DA", creditFormat: "{photographer}/{agency}" } });
  photographer = await db.photographer.create({ data: { name: `Pia Pixel ${suffix}`, agencyId: agency.id } });
});

const UNTOUCHED = { copyright: "© Club", usageTerms: "Editorial only", sourceReference: "JOB-12", rightsExpireAt: "2031-05-01" };

describe("updateMediaDetails", () => {
  it("saves alt text, caption and credit to the media record, keeps what it was not given, and audits the change", async () => {
    const media = await createPhoto({ altText: "", ...UNTOUCHED });
    await db.media.update({ where: { id: media.id }, data: { focalX: 0.2, focalY: 0.8 } });
    const saved = await updateMediaDetails(
      editor,
      { id: media.id, version: media.version, altText: "A keeper tips the ball over", defaultCaption: "The save", photographerId: photographer.id, agencyId: agency.id, creditOverride: null },
      { ip: "203.0.113.9" },
    );
    expect(saved).toMatchObject({
      id: media.id,
      version: media.version + 1,
      altText: "A keeper tips the ball over",
      defaultCaption: "The save",
      photographerId: photographer.id,
      agencyId: agency.id,
      creditOverride: null,
      credit: `${photographer.name}/${agency.name}`,
      problems: [],
      hasProblems: false,
    });
    const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
    expect(row).toMatchObject({ copyright: UNTOUCHED.copyright, usageTerms: UNTOUCHED.usageTerms, sourceReference: UNTOUCHED.sourceReference, focalX: 0.2, focalY: 0.8, version: media.version + 1 });
    expect(row.rightsExpireAt?.toISOString()).toBe("2031-05-01T00:00:00.000Z");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: media.id, action: "media.update" } });
    expect(audit).toMatchObject({ actorId: editor.id, ip: "203.0.113.9" });
    expect(Object.keys((audit.details as { changes: object }).changes).sort()).toEqual(["agencyId", "altText", "creditOverride", "defaultCaption", "photographerId"]);
  });

  it("changes only the fields it is sent", async () => {
    const media = await createPhoto({ defaultCaption: "Kept caption", creditOverride: "Kept Credit" });
    const saved = await updateMediaDetails(editor, { id: media.id, version: media.version, altText: "New words" });
    expect(saved).toMatchObject({ altText: "New words", defaultCaption: "Kept caption", creditOverride: "Kept Credit", credit: "Kept Credit" });
  });

  it("refuses a stale version with 409 naming who saved on the media screen, and changes nothing", async () => {
    const media = await createPhoto();
    await updateMedia(otherEditor, { id: media.id, version: media.version, altText: "Saved on the media screen", creditOverride: "Their Credit" });
    const attempt = updateMediaDetails(editor, { id: media.id, version: media.version, altText: "Typed in the editor" });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Mona Mediascreen changed this picture after you opened it/), details: { savedBy: "Mona Mediascreen" } });
    expect(await db.media.findUniqueOrThrow({ where: { id: media.id } })).toMatchObject({ altText: "Saved on the media screen", creditOverride: "Their Credit", version: media.version + 1 });
  });

  it("refuses contributors and anonymous callers, unknown credits and overlong text, with nothing changed", async () => {
    const media = await createPhoto();
    const change = { id: media.id, version: media.version, altText: "x" };
    await expect(updateMediaDetails(contributor, change)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateMediaDetails(null, change)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(updateMediaDetails(editor, { ...change, photographerId: "p".repeat(25) })).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/photographer/) });
    await expect(updateMediaDetails(editor, { ...change, altText: "x".repeat(1001) })).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/altText/) });
    await expect(updateMediaDetails(editor, { ...change, version: "1" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(updateMediaDetails(editor, { ...change, id: "c".repeat(25) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.media.findUniqueOrThrow({ where: { id: media.id } })).version).toBe(media.version);
  });
});

describe("readPickerMedia", () => {
  it("reads the photos as they are now, with version, credit ids and what stops publishing, leaving out unknown ids", async () => {
    const media = await createPhoto({ altText: "", creditOverride: null });
    const [read] = await readPickerMedia(contributor, [media.id, "c".repeat(25)]);
    expect(read).toMatchObject({ id: media.id, version: media.version, altText: "", credit: null, photographerId: null, agencyId: null, problems: ["No alt text", "No credit"], hasProblems: true });
    await updateMedia(otherEditor, { id: media.id, version: media.version, altText: "Now described", photographerId: photographer.id });
    expect(await readPickerMedia(editor, [media.id])).toEqual([expect.objectContaining({ version: media.version + 1, altText: "Now described", credit: `Photo by ${photographer.name}`, problems: [] })]);
  });

  it("refuses anonymous callers and anything but a short list of ids", async () => {
    await expect(readPickerMedia(null, [])).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    for (const ids of ["abc", [42], ["../x"], Array.from({ length: 201 }, () => newRecordId()), { 0: "x" }]) {
      await expect(readPickerMedia(editor, ids)).rejects.toMatchObject({ code: "INVALID" });
    }
  });
});

describe("a publish refusal", () => {
  it("names where each problem is fixed: field, photo, or the body block by its record", async () => {
    const bare = await createPhoto({ altText: "", creditOverride: null, originalName: "bare.jpg" });
    const figurePhoto = await createPhoto({ altText: "", originalName: "figure.jpg" });
    const { id } = await createArticle(editor, {});
    const { version, article } = await currentInput(id);
    const [emptyQuote, goodQuote, sidebarId, captionId] = [newRecordId(), newRecordId(), newRecordId(), newRecordId()];
    const saved = await saveArticle(editor, {
      articleId: id,
      expectedVersion: version,
      article: {
        ...article,
        headline: "",
        standfirst: "",
        sectionId: null,
        bylines: [],
        hero: { mediaId: bare.id, caption: "" },
        body: {
          type: "doc",
          content: [
            paragraph("Text."),
            { type: "pullQuote", attrs: { quoteId: goodQuote } },
            { type: "pullQuote", attrs: { quoteId: emptyQuote } },
            { type: "figure", attrs: { mediaId: figurePhoto.id, captionId } },
            { type: "sidebar", attrs: { sidebarId } },
            { type: "relatedStory", attrs: { articleId: null, label: "" } },
          ],
        },
        quotes: [
          { id: goodQuote, text: "Words.", speaker: "Someone", speakerDescription: "", context: "" },
          { id: emptyQuote, text: "", speaker: "", speakerDescription: "", context: "" },
        ],
        captions: [{ id: captionId, mediaId: figurePhoto.id, text: "" }],
        sidebars: [{ id: sidebarId, heading: "", body: { type: "doc", content: [paragraph("Box.")] } }],
      },
    });
    const refusal = await publishArticle(editor, { articleId: id, expectedVersion: saved.version }).catch((error: unknown) => error);
    const details = (refusal as { details: { problems: string[]; publishProblems: { message: string; target: unknown }[] } }).details;
    expect(refusal).toMatchObject({ code: "INVALID", message: `This story cannot be published yet: ${details.problems.join(" ")}` });
    expect(details.publishProblems.map((p) => p.message)).toEqual(details.problems);
    const targetOf = Object.fromEntries(details.publishProblems.map((p) => [p.message, p.target]));
    expect(targetOf).toEqual({
      "The headline is missing.": { kind: "field", field: "headline" },
      "The standfirst is missing.": { kind: "field", field: "standfirst" },
      "Choose a section.": { kind: "field", field: "sectionId" },
      "Add at least one byline.": { kind: "field", field: "bylines" },
      "A pull quote has no words.": { kind: "block", type: "pullQuote", attr: "quoteId", value: emptyQuote },
      "A pull quote has no speaker.": { kind: "block", type: "pullQuote", attr: "quoteId", value: emptyQuote },
      "A sidebar has no heading.": { kind: "block", type: "sidebar", attr: "sidebarId", value: sidebarId },
      "A related-story teaser has no story chosen.": { kind: "block", type: "relatedStory", attr: "articleId", value: null },
      'Photo "bare.jpg" has no alt text.': { kind: "photo", mediaId: bare.id, detail: "altText" },
      'Photo "bare.jpg" has no credit.': { kind: "photo", mediaId: bare.id, detail: "credit" },
      'Photo "figure.jpg" has no alt text.': { kind: "photo", mediaId: figurePhoto.id, detail: "altText" },
    });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});
