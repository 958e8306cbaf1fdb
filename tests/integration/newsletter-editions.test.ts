// Editions on SQLite and PostgreSQL: assembly picks the lead and each section's top stories since
// the last edition and nothing readers cannot see; edits are version-guarded, audited and refused
// to contributors; the composed email carries every headline with its absolute link in both parts;
// the public archive shows SENT editions only. The edition is assembled "in 2030" (the `now`
// assembly takes), so stories other test files publish today cannot fall into its window.
import { beforeAll, describe, expect, it } from "vitest";
import { resolveAuditNames } from "../../lib/audit/names";
import { db } from "../../lib/db";
import { assembleNextEdition } from "../../lib/newsletters/editions/assemble";
import { addEditionStory, cancelEdition, moveEditionItem, removeEditionItem, updateEditionText } from "../../lib/newsletters/editions/commands";
import { prepareEdition } from "../../lib/newsletters/editions/compose";
import { afterEditionSent, getArchivedEdition, getNewsletterArchive, listArchivedNewsletters } from "../../lib/newsletters/editions/archive";
import { absoluteUrl } from "../../lib/site-config";
import type { Actor } from "../../lib/permissions";
import { uniqueSuffix } from "../fixtures/accounts";
import { createStaff } from "../fixtures/staff";

const run = uniqueSuffix();
const NOW = new Date("2030-01-01T00:00:00Z");
const LAST_SENT = new Date("2029-12-31T00:00:00Z");
const at = (hoursAfterLastSent: number) => new Date(LAST_SENT.getTime() + hoursAfterLastSent * 3_600_000);
const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Body." }] }] };

let editor: Actor;
let otherEditor: Actor;
let contributor: Actor;
let newsletterId: string;
const sections: { id: string; name: string; slug: string }[] = [];
const ids: Record<string, string> = {};

type StorySpec = { key: string; section: number; publishedAt: Date; status?: "PUBLISHED" | "DRAFT" | "SCHEDULED"; embargoUntil?: Date; deletedAt?: Date; heroMediaId?: string; headline?: string };

async function story(spec: StorySpec): Promise<void> {
  const row = await db.article.create({
    data: {
      slug: `ed-${run}-${spec.key}`,
      headline: spec.headline ?? `Story ${spec.key} ${run}`,
      kicker: `Kicker ${spec.key}`,
      standfirst: `Standfirst ${spec.key}`,
      sectionId: sections[spec.section].id,
      body,
      bodyText: "Body.",
      status: spec.status ?? "PUBLISHED",
      publishedAt: spec.publishedAt,
      firstPublishedAt: spec.publishedAt,
      embargoUntil: spec.embargoUntil,
      deletedAt: spec.deletedAt,
      heroMediaId: spec.heroMediaId,
    },
    select: { id: true },
  });
  ids[spec.key] = row.id;
}

async function picture(): Promise<string> {
  const media = await db.media.create({
    data: {
      storageKey: `o/ed-${run}.jpg`,
      originalName: "stadium.jpg",
      mimeType: "image/jpeg",
      width: 1600,
      height: 900,
      bytes: 1,
      sha256: `ed-${run}`,
      altText: `Fans in the stand ${run}`,
      creditOverride: `Photo by Ann Lens ${run}`,
    },
    select: { id: true },
  });
  for (const width of [960, 1200, 2400]) {
    await db.mediaRendition.create({ data: { mediaId: media.id, format: "jpeg", width, height: (width * 9) / 16, bytes: 1, storageKey: `r/ed-${run}-${width}.jpg` } });
  }
  return media.id;
}

beforeAll(async () => {
  [editor, otherEditor, contributor] = await Promise.all([createStaff("EDITOR", `Edna Editor ${run}`), createStaff("EDITOR", `Otto Other ${run}`), createStaff("CONTRIBUTOR")]);
  for (const [index, name] of ["Rowing", "Fencing"].entries()) {
    sections.push(await db.section.create({ data: { name: `${name} ${run}`, slug: `ed-${run}-${index}`, position: 900 + index }, select: { id: true, name: true, slug: true } }));
  }
  const newsletter = await db.newsletter.create({
    data: { slug: `briefing-${run}`, name: `Briefing ${run}`, senderName: "Desk", senderAddress: "desk@pressbox.test", consentText: "Yes.", scheduleTime: "06:30" },
    select: { id: true },
  });
  newsletterId = newsletter.id;
  await db.edition.create({ data: { newsletterId, status: "SENT", subject: "Yesterday", scheduledFor: LAST_SENT, sentAt: LAST_SENT } });
  const heroMediaId = await picture();
  // Section 0: five public stories (the newest has no picture, so the one with a picture leads).
  await story({ key: "a1", section: 0, publishedAt: at(20) });
  await story({ key: "lead", section: 0, publishedAt: at(19), heroMediaId, headline: `Lead <b>bold</b> & "quoted" ${run}` });
  await story({ key: "a2", section: 0, publishedAt: at(18) });
  await story({ key: "a3", section: 0, publishedAt: at(17) });
  await story({ key: "a4", section: 0, publishedAt: at(16) });
  // Newer than all of them, but not for readers.
  await story({ key: "draft", section: 0, publishedAt: at(23), status: "DRAFT" });
  await story({ key: "scheduled", section: 0, publishedAt: at(23), status: "SCHEDULED" });
  await story({ key: "embargoed", section: 0, publishedAt: at(23), embargoUntil: new Date("2030-06-01T00:00:00Z") });
  await story({ key: "deleted", section: 0, publishedAt: at(23), deletedAt: at(23) });
  // Section 1: one story since the last edition, one before it.
  await story({ key: "b1", section: 1, publishedAt: at(10) });
  await story({ key: "old", section: 1, publishedAt: at(-2) });
});

async function assemble(): Promise<string> {
  const { id } = await assembleNextEdition(editor, { newsletterId }, NOW);
  return id;
}

async function itemsOf(editionId: string) {
  return db.editionItem.findMany({ where: { editionId }, orderBy: { position: "asc" }, select: { articleId: true, heading: true } });
}

async function versionOf(editionId: string): Promise<number> {
  return (await db.edition.findUniqueOrThrow({ where: { id: editionId }, select: { version: true } })).version;
}

describe("assembling the next edition", () => {
  let editionId: string;
  beforeAll(async () => {
    editionId = await assemble();
  });

  it("is a draft for the next scheduled time covering everything since the last edition went out", async () => {
    const edition = await db.edition.findUniqueOrThrow({ where: { id: editionId } });
    expect(edition.status).toBe("DRAFT");
    expect(edition.scheduledFor.getTime()).toBeGreaterThan(NOW.getTime());
    expect(edition.scheduledFor.getTime()).toBeLessThanOrEqual(NOW.getTime() + 86_400_000);
    expect(edition.coversFrom?.toISOString()).toBe(LAST_SENT.toISOString());
    expect(edition.createdById).toBe(editor.id);
  });

  it("holds the lead, then each section's three newest stories in site order, and nothing readers cannot see", async () => {
    expect(await itemsOf(editionId)).toEqual([
      { articleId: ids.lead, heading: "Lead" },
      { articleId: ids.a1, heading: sections[0].name },
      { articleId: ids.a2, heading: sections[0].name },
      { articleId: ids.a3, heading: sections[0].name },
      { articleId: ids.b1, heading: sections[1].name },
    ]);
  });

  it("refuses a second assembly of the same edition, and a contributor's", async () => {
    await expect(assembleNextEdition(editor, { newsletterId }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(assembleNextEdition(contributor, { newsletterId }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.edition.count({ where: { newsletterId, status: "DRAFT" } })).toBe(1);
  });

  it("makes one draft when two editors press Assemble at once", async () => {
    const other = await db.newsletter.create({ data: { slug: `twice-${run}`, name: `Twice ${run}`, senderName: "Desk", senderAddress: "desk@pressbox.test", consentText: "Yes." }, select: { id: true } });
    const results = await Promise.allSettled([assembleNextEdition(editor, { newsletterId: other.id }, NOW), assembleNextEdition(otherEditor, { newsletterId: other.id }, NOW)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.edition.count({ where: { newsletterId: other.id } })).toBe(1);
  });

  it("takes the following scheduled time once the edition for the next one has gone out early", async () => {
    const early = await db.newsletter.create({ data: { slug: `early-${run}`, name: `Early ${run}`, senderName: "Desk", senderAddress: "desk@pressbox.test", consentText: "Yes." }, select: { id: true } });
    const first = await assembleNextEdition(editor, { newsletterId: early.id }, NOW);
    await db.edition.update({ where: { id: first.id }, data: { status: "SENT", sentAt: NOW } });
    const second = await assembleNextEdition(editor, { newsletterId: early.id }, NOW);
    expect(new Date(second.scheduledFor).getTime() - new Date(first.scheduledFor).getTime()).toBe(86_400_000);
    await expect(assembleNextEdition(editor, { newsletterId: early.id }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("is audited", async () => {
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityType: "Edition", entityId: editionId, action: "edition.assemble" } });
    expect(entry.actorId).toBe(editor.id);
    // The audit log names the edition by its subject.
    const { subject } = await db.edition.findUniqueOrThrow({ where: { id: editionId } });
    expect((await resolveAuditNames([{ type: "Edition", id: editionId }])).names[`Edition:${editionId}`]).toBe(subject);
  });
});

describe("editing an edition", () => {
  let editionId: string;
  beforeAll(async () => {
    editionId = await db.edition.findFirstOrThrow({ where: { newsletterId, status: "DRAFT" }, select: { id: true } }).then((row) => row.id);
  });

  it("saves one of two concurrent edits and refuses the other with 409 naming who saved", async () => {
    const version = await versionOf(editionId);
    const results = await Promise.allSettled([
      updateEditionText(editor, { editionId, version, subject: "First subject", intro: "Good morning." }),
      updateEditionText(otherEditor, { editionId, version, subject: "Second subject", intro: "Hello." }),
    ]);
    const saved = results.filter((result) => result.status === "fulfilled");
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: "CONFLICT" });
    const edition = await db.edition.findUniqueOrThrow({ where: { id: editionId } });
    expect(edition.version).toBe(version + 1);
    const winner = edition.subject === "First subject" ? editor : otherEditor;
    expect(refused[0].message).toContain(winner.name);
    const entries = await db.auditEntry.findMany({ where: { entityType: "Edition", entityId: editionId, action: "edition.edit-text" } });
    expect(entries.map((entry) => entry.actorId)).toEqual([winner.id]);
  });

  it("moves, removes and adds stories, each with its audit entry", async () => {
    await moveEditionItem(editor, { editionId, version: await versionOf(editionId), articleId: ids.a2, direction: "up" });
    await removeEditionItem(editor, { editionId, version: await versionOf(editionId), articleId: ids.a3 });
    await addEditionStory(editor, { editionId, version: await versionOf(editionId), articleId: ids.a4 });
    expect((await itemsOf(editionId)).map((item) => item.articleId)).toEqual([ids.lead, ids.a2, ids.a1, ids.b1, ids.a4]);
    const actions = (await db.auditEntry.findMany({ where: { entityType: "Edition", entityId: editionId }, select: { action: true } })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["edition.move-story", "edition.remove-story", "edition.add-story"]));
  });

  it("refuses a story readers cannot see, a stale version and a contributor, changing nothing", async () => {
    const before = await itemsOf(editionId);
    const version = await versionOf(editionId);
    for (const key of ["draft", "scheduled", "embargoed", "deleted"]) {
      await expect(addEditionStory(editor, { editionId, version, articleId: ids[key] })).rejects.toMatchObject({ code: "INVALID" });
    }
    await expect(removeEditionItem(editor, { editionId, version: version - 1, articleId: ids.lead })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(removeEditionItem(contributor, { editionId, version, articleId: ids.lead })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateEditionText(contributor, { editionId, version, subject: "Mine", intro: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await itemsOf(editionId)).toEqual(before);
    expect(await versionOf(editionId)).toBe(version);
  });
});

describe("the composed email", () => {
  it("has every headline with its absolute link, and the recipient's own links, in both parts", async () => {
    const edition = await db.edition.findFirstOrThrow({ where: { newsletterId, status: "DRAFT" }, select: { id: true } });
    const prepared = await prepareEdition(edition.id);
    const recipient = {
      subscriberId: "s1",
      email: "reader@example.test",
      manageUrl: absoluteUrl(`/newsletter/preferences?token=abc-${run}`),
      unsubscribeUrl: absoluteUrl(`/newsletter/unsubscribe?token=abc-${run}&list=${newsletterId}`),
      oneClickUnsubscribeUrl: absoluteUrl(`/api/newsletter/unsubscribe?token=abc-${run}&list=${newsletterId}`),
    };
    const email = prepared.compose(recipient);
    expect(prepared.newsletter).toMatchObject({ newsletterId, name: `Briefing ${run}` });
    const stories = await db.article.findMany({ where: { editionItems: { some: { editionId: edition.id } } }, select: { headline: true, slug: true } });
    expect(stories.length).toBeGreaterThan(0);
    for (const story of stories) {
      const sectionSlug = story.slug.includes("-b1") ? sections[1].slug : sections[0].slug;
      const url = absoluteUrl(`/${sectionSlug}/${story.slug}`);
      expect(email.text).toContain(story.headline);
      expect(email.text).toContain(url);
      expect(email.html).toContain(`href="${url}"`);
    }
    // Escaped in the HTML, never markup: the lead's headline holds <b> and quotes.
    expect(email.html).not.toContain("<b>bold</b>");
    expect(email.html).toContain("Lead &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;");
    for (const story of stories.filter((row) => !row.headline.startsWith("Lead"))) expect(email.html).toContain(story.headline);
    expect(email.html).toContain(`href="${recipient.unsubscribeUrl.replace("&", "&amp;")}"`);
    expect(email.html).toContain(`href="${recipient.manageUrl}"`);
    expect(email.text).toContain(recipient.unsubscribeUrl);
    expect(email.text).toContain(recipient.manageUrl);
    // The lead's picture: an absolute address of a rendition sharp at twice the email's width (not
    // the largest), its alt text and credit.
    expect(email.html).toContain(`src="${absoluteUrl(`/media/r/ed-${run}-1200.jpg`)}"`);
    expect(email.html).not.toContain(`ed-${run}-2400.jpg`);
    expect(email.html).toContain(`alt="Fans in the stand ${run}"`);
    expect(email.html).toContain(`Photo by Ann Lens ${run}`);
    expect(email.html).toMatch(/<html[^>]*lang="en"/);
    expect(email.html).not.toContain("recipient.invalid");
    // Another recipient gets their own links in the same prepared edition.
    const other = prepared.compose({ ...recipient, manageUrl: absoluteUrl("/newsletter/preferences?token=other") });
    expect(other.html).toContain("token=other");
    expect(other.html).not.toContain(`token=abc-${run}"`);
  });
});

describe("the public archive", () => {
  it("shows SENT editions only, and a newly sent one after afterEditionSent", async () => {
    const draft = await db.edition.findFirstOrThrow({ where: { newsletterId, status: "DRAFT" }, select: { id: true } });
    const sent = await db.edition.findFirstOrThrow({ where: { newsletterId, status: "SENT" }, select: { id: true } });
    const slug = `briefing-${run}`;
    expect((await getNewsletterArchive(slug, 1))?.editions.map((row) => row.id)).toEqual([sent.id]);
    expect(await getArchivedEdition(slug, draft.id)).toBeNull();
    expect((await getArchivedEdition(slug, sent.id))?.id).toBe(sent.id);
    expect(await getArchivedEdition("another-newsletter", sent.id)).toBeNull();
    expect((await listArchivedNewsletters()).some((row) => row.slug === slug)).toBe(true);

    await db.edition.update({ where: { id: draft.id }, data: { status: "SENT", sentAt: NOW } });
    afterEditionSent(draft.id);
    expect((await getNewsletterArchive(slug, 1))?.editions.map((row) => row.id)).toEqual([draft.id, sent.id]);
    const page = await getArchivedEdition(slug, draft.id);
    expect(page?.stories.map((story) => story.id)).toContain(ids.lead);
    await expect(cancelEdition(editor, { editionId: draft.id, version: await versionOf(draft.id) })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
