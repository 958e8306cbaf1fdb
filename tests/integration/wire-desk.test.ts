// The Wire screen's reads and writes against a real database (SQLite and PostgreSQL): filters and
// search over wire text, held items and "Create draft", applying and dismissing a pending wire
// update (with the version guard), and a canceled item's story taken down by an editor or by the
// agency's rule. Documents are built per test from their own guid, so runs never collide.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "../../lib/db";
import { importWireItem } from "../../lib/wire/import";
import { listWireItems, parseWireFilters, readWireItem } from "../../lib/wire/queries";
import { applyWireUpdate, comparePendingUpdate, createDraftFromWireItem, dismissWireUpdate } from "../../lib/wire/desk";
import { unpublishCanceledStory } from "../../lib/wire/rules";
import { updateAgencyWireRules } from "../../lib/agencies/wire-rules";
import type { Actor } from "../../lib/permissions";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";

let editor: Actor;
let contributor: Actor;
let admin: Actor;
const run = uniqueSuffix();
const AGENCY = `Desk Agency ${run}`;
const HELD_AGENCY = `Held Agency ${run}`;
const RULE_AGENCY = `Rule Agency ${run}`;

type Doc = { version?: number; status?: string; headline?: string; body?: string; embargoed?: string; abstract?: string };
const ninjs = (guid: string, doc: Doc = {}) =>
  JSON.stringify({
    uri: `urn:desk-test:${run}:${guid}`,
    version: String(doc.version ?? 1),
    pubStatus: doc.status ?? "usable",
    headlines: [{ value: doc.headline ?? `Headline ${guid} v${doc.version ?? 1}` }],
    ...(doc.abstract ? { descriptions: [{ role: "summary", value: doc.abstract }] } : {}),
    ...(doc.embargoed ? { embargoedUntil: doc.embargoed } : {}),
    bodies: [{ contentType: "text/plain", value: doc.body ?? `First paragraph of ${guid} version ${doc.version ?? 1}.\n\nSecond paragraph.` }],
  });

// An editor's change to the draft (the wire now counts it as edited).
async function editDraft(articleId: string, headline: string): Promise<number> {
  const article = await db.article.update({ where: { id: articleId }, data: { headline, version: { increment: 1 } }, select: { version: true } });
  return article.version;
}

async function publishDirectly(articleId: string): Promise<number> {
  const article = await db.article.update({
    where: { id: articleId },
    data: { status: "PUBLISHED", publishedAt: new Date(), firstPublishedAt: new Date(), version: { increment: 1 } },
    select: { version: true },
  });
  return article.version;
}

beforeAll(async () => {
  [editor, contributor, admin] = await Promise.all([createStaff("EDITOR", "Desk Editor"), createStaff("CONTRIBUTOR", "Desk Contributor"), createStaff("ADMIN", "Desk Admin")]);
  await db.agency.create({ data: { name: HELD_AGENCY, shortCredit: HELD_AGENCY, creditFormat: "{agency}", wireAutoDraft: false } });
  await db.agency.create({ data: { name: RULE_AGENCY, shortCredit: RULE_AGENCY, creditFormat: "{agency}", wireCancelUnpublishes: true } });
});

afterAll(async () => {
  await db.$disconnect();
});

describe("wire desk: the list, its filters and search", () => {
  test("filters by agency, status, draft and embargo, and searches headline and body text case-insensitively", async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const plain = await importWireItem(editor, { source: ninjs("list-plain", { body: `The Zamboni${run} broke down before the final period.` }), agency: AGENCY });
    const embargoed = await importWireItem(editor, { source: ninjs("list-embargo", { embargoed: future }), agency: AGENCY });
    const held = await importWireItem(editor, { source: ninjs("list-held"), agency: HELD_AGENCY });
    const list = async (params: Record<string, string>) => (await listWireItems(editor, parseWireFilters(params))).rows.map((row) => row.id);
    const agency = await db.agency.findUniqueOrThrow({ where: { name: AGENCY } });
    const heldAgency = await db.agency.findUniqueOrThrow({ where: { name: HELD_AGENCY } });

    expect(await list({ q: `zamboni${run}`.toUpperCase() })).toEqual([plain.wireItemId]);
    expect(await list({ q: `Headline list-embargo` })).toEqual([embargoed.wireItemId]);
    expect(new Set(await list({ agency: agency.id }))).toEqual(new Set([plain.wireItemId, embargoed.wireItemId]));
    expect(await list({ agency: heldAgency.id, draft: "no" })).toEqual([held.wireItemId]);
    expect(await list({ agency: heldAgency.id, draft: "yes" })).toEqual([]);
    expect(await list({ agency: agency.id, embargoed: "1" })).toEqual([embargoed.wireItemId]);
    expect(await list({ agency: agency.id, status: "canceled" })).toEqual([]);
    const rows = (await listWireItems(editor, parseWireFilters({ agency: agency.id }))).rows;
    expect(rows[0].id).toBe(embargoed.wireItemId);
    expect(rows.find((row) => row.id === embargoed.wireItemId)).toMatchObject({ isEmbargoed: true, embargoedUntil: future, agency: AGENCY, status: "usable", draft: { id: embargoed.articleId } });
  });

  test("the reading view has the text, pictures, skipped fields and versions; anonymous callers are refused", async () => {
    const imported = await importWireItem(editor, { source: ninjs("reading", { abstract: "A summary line." }), agency: AGENCY });
    const view = await readWireItem(editor, imported.wireItemId);
    expect(view).toMatchObject({ headline: "Headline reading v1", item: { abstract: "A summary line." }, versions: [{ action: "wire.import", wireVersion: 1, by: "Desk Editor" }] });
    expect(JSON.stringify(view!.body)).toContain("First paragraph of reading version 1.");
    expect(await readWireItem(editor, "no-such-item")).toBeNull();
    await expect(listWireItems(null, parseWireFilters({}))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(readWireItem(null, imported.wireItemId)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("wire desk: held items and Create draft", () => {
  test("with wireAutoDraft off the item and its data are stored without a story; Create draft makes one, a second click opens it", async () => {
    const stories = await db.article.count();
    const held = await importWireItem(editor, { source: ninjs("held", { abstract: "Held summary." }), agency: HELD_AGENCY });
    expect(held).toMatchObject({ effect: "held", articleId: null });
    expect(await db.article.count()).toBe(stories);
    expect(await db.wireItem.findUniqueOrThrow({ where: { id: held.wireItemId } })).toMatchObject({ articleId: null, headline: "Headline held v1" });

    await expect(createDraftFromWireItem(null, held.wireItemId)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const first = await createDraftFromWireItem(contributor, held.wireItemId);
    expect(first.isNew).toBe(true);
    const story = await db.article.findUniqueOrThrow({ where: { id: first.articleId } });
    expect(story).toMatchObject({ headline: "Headline held v1", standfirst: "Held summary.", agencyLine: `with ${HELD_AGENCY}`, status: "DRAFT", createdById: contributor.id });
    const second = await createDraftFromWireItem(editor, held.wireItemId);
    expect(second).toEqual({ articleId: first.articleId, isNew: false, href: `/newsroom/stories/${first.articleId}` });
    expect(await db.article.count()).toBe(stories + 1);

    // The next version finds an untouched draft and updates it, as for any agency.
    const next = await importWireItem(editor, { source: ninjs("held", { version: 2 }), agency: HELD_AGENCY });
    expect(next).toMatchObject({ outcome: "updated", articleId: first.articleId });
  });

  test("a canceled item gets no draft; an unknown item is 404", async () => {
    const canceled = await importWireItem(editor, { source: ninjs("held-canceled", { status: "canceled" }), agency: HELD_AGENCY });
    await expect(createDraftFromWireItem(editor, canceled.wireItemId)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createDraftFromWireItem(editor, "c0000000000000000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("wire desk: pending wire updates", () => {
  async function pendingItem(name: string) {
    const first = await importWireItem(editor, { source: ninjs(name), agency: AGENCY });
    const edited = await editDraft(first.articleId!, `Editor's headline for ${name}`);
    const second = await importWireItem(editor, { source: ninjs(name, { version: 2, abstract: "New standfirst." }), agency: AGENCY });
    expect(second.outcome).toBe("pending-update");
    return { wireItemId: first.wireItemId, articleId: first.articleId!, version: edited };
  }

  test("compare shows the editor's text against version 2; apply on a stale version is 409 and changes nothing; apply replaces it and keeps a revision", async () => {
    const { wireItemId, articleId, version } = await pendingItem("apply");
    const compared = await comparePendingUpdate(editor, wireItemId);
    expect(compared).toMatchObject({ pendingVersion: 2, currentVersion: 1, articleVersion: version });
    expect(compared.comparison.fields).toContainEqual({ field: "headline", before: "Editor's headline for apply", after: "Headline apply v2" });
    expect(compared.comparison.body.some((line) => line.kind === "added" && line.text.includes("version 2"))).toBe(true);

    await expect(applyWireUpdate(editor, { wireItemId, expectedVersion: version - 1, pendingVersion: 2 })).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
    await expect(applyWireUpdate(editor, { wireItemId, expectedVersion: version, pendingVersion: 3 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.article.findUniqueOrThrow({ where: { id: articleId } })).toMatchObject({ headline: "Editor's headline for apply", version });
    expect(await db.wireItem.findUniqueOrThrow({ where: { id: wireItemId } })).toMatchObject({ pendingVersion: 2, version: 1 });

    const revisions = await db.revision.count({ where: { articleId } });
    const applied = await applyWireUpdate(editor, { wireItemId, expectedVersion: version, pendingVersion: 2 });
    expect(applied.version).toBe(version + 1);
    const story = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(story).toMatchObject({ headline: "Headline apply v2", standfirst: "New standfirst." });
    expect(story.bodyText).toContain("First paragraph of apply version 2.");
    expect(await db.revision.count({ where: { articleId } })).toBe(revisions + 1);
    expect(await db.wireItem.findUniqueOrThrow({ where: { id: wireItemId } })).toMatchObject({ pendingVersion: null, pendingSource: null, version: 2, articleVersion: version + 1 });
    expect(await db.auditEntry.count({ where: { action: "wire.update-applied", entityId: articleId } })).toBe(1);
    await expect(applyWireUpdate(editor, { wireItemId, expectedVersion: version + 1, pendingVersion: 2 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("apply with only the headline picked keeps the editor's body and standfirst", async () => {
    const { wireItemId, articleId, version } = await pendingItem("pick");
    const before = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    await applyWireUpdate(editor, { wireItemId, expectedVersion: version, pendingVersion: 2, fields: "headline" });
    const story = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(story).toMatchObject({ headline: "Headline pick v2", standfirst: before.standfirst, bodyText: before.bodyText });
    await expect(applyWireUpdate(editor, { wireItemId, expectedVersion: version + 1, pendingVersion: 2, fields: "" })).rejects.toMatchObject({ name: "ZodError" });
  });

  test("dismiss keeps the story, records the version as seen (a resend is unchanged), is audited; a contributor on someone else's draft is refused", async () => {
    const { wireItemId, articleId } = await pendingItem("dismiss");
    await expect(dismissWireUpdate(contributor, { wireItemId, pendingVersion: 2 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await dismissWireUpdate(editor, { wireItemId, pendingVersion: 2 });
    expect(await db.article.findUniqueOrThrow({ where: { id: articleId } })).toMatchObject({ headline: "Editor's headline for dismiss" });
    expect(await db.wireItem.findUniqueOrThrow({ where: { id: wireItemId } })).toMatchObject({ pendingVersion: null, version: 2, headline: "Headline dismiss v2" });
    expect(await db.auditEntry.count({ where: { action: "wire.update-dismissed", entityId: articleId } })).toBe(1);
    expect((await importWireItem(editor, { source: ninjs("dismiss", { version: 2 }), agency: AGENCY })).outcome).toBe("unchanged");
    await expect(dismissWireUpdate(editor, { wireItemId, pendingVersion: 2 })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("wire desk: canceled items and their published stories", () => {
  test("without the rule the story stays published until an editor unpublishes it (contributors may not), audited with the reason", async () => {
    const first = await importWireItem(editor, { source: ninjs("cancel-ask"), agency: AGENCY });
    const version = await publishDirectly(first.articleId!);
    const canceled = await importWireItem(editor, { source: ninjs("cancel-ask", { version: 2, status: "canceled" }), agency: AGENCY });
    expect(canceled.effect).toBeUndefined();
    expect((await db.article.findUniqueOrThrow({ where: { id: first.articleId! } })).status).toBe("PUBLISHED");
    expect((await readWireItem(editor, first.wireItemId))?.needsUnpublish).toBe(true);

    await expect(unpublishCanceledStory(contributor, { wireItemId: first.wireItemId, expectedVersion: version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(unpublishCanceledStory(editor, { wireItemId: first.wireItemId, expectedVersion: version - 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    await unpublishCanceledStory(editor, { wireItemId: first.wireItemId, expectedVersion: version });
    expect((await db.article.findUniqueOrThrow({ where: { id: first.articleId! } })).status).toBe("UNPUBLISHED");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "wire.cancel-unpublish", entityId: first.articleId! } });
    expect(audit).toMatchObject({ actorId: editor.id, details: expect.objectContaining({ reason: "agency canceled", by: "editor" }) });
    await expect(unpublishCanceledStory(editor, { wireItemId: first.wireItemId, expectedVersion: version + 1 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("an item that is not canceled is not unpublished through this door", async () => {
    const first = await importWireItem(editor, { source: ninjs("cancel-not"), agency: AGENCY });
    const version = await publishDirectly(first.articleId!);
    await expect(unpublishCanceledStory(editor, { wireItemId: first.wireItemId, expectedVersion: version })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("with the agency's rule the import unpublishes the story at once, audited", async () => {
    const first = await importWireItem(editor, { source: ninjs("cancel-rule"), agency: RULE_AGENCY });
    await publishDirectly(first.articleId!);
    const canceled = await importWireItem(editor, { source: ninjs("cancel-rule", { version: 2, status: "canceled" }), agency: RULE_AGENCY });
    expect(canceled).toMatchObject({ outcome: "canceled", effect: "unpublished" });
    expect((await db.article.findUniqueOrThrow({ where: { id: first.articleId! } })).status).toBe("UNPUBLISHED");
    expect(await db.auditEntry.count({ where: { action: "wire.cancel-unpublish", entityId: first.articleId!, details: { not: undefined } } })).toBe(1);
  });
});

describe("wire desk: agency wire rules", () => {
  test("an admin sets them (version-guarded, audited); an editor may not", async () => {
    const agency = await db.agency.create({ data: { name: `Rules ${run}`, shortCredit: `Rules ${run}`, creditFormat: "{agency}" } });
    expect(agency).toMatchObject({ wireAutoDraft: true, wireCancelUnpublishes: false });
    await expect(updateAgencyWireRules(editor, { id: agency.id, version: agency.version, wireCancelUnpublishes: "on" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateAgencyWireRules(admin, { id: agency.id, version: agency.version, wireCancelUnpublishes: "on" });
    expect(await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).toMatchObject({ wireAutoDraft: false, wireCancelUnpublishes: true, version: agency.version + 1 });
    await expect(updateAgencyWireRules(admin, { id: agency.id, version: agency.version, wireAutoDraft: "on" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditEntry.count({ where: { action: "agency.wire-rules", entityId: agency.id } })).toBe(1);
  });
});
