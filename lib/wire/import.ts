// importWireItem: one agency document in, one draft story out, in ONE transaction (pictures are
// fetched and processed before it, and their files removed again if it fails). The same guid with
// a higher version updates the draft (a new revision) unless an editor has changed it since, when
// the new version is kept beside it as a pending wire update; an equal or older version changes
// nothing; "canceled" flags the item and tells the newsroom in an internal note.
import "server-only";
import { Prisma } from "../generated/sqlite/client";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../concurrency";
import { assertCan, type Actor } from "../permissions";
import { recordAudit } from "../audit/record";
import { claimVersion, writeSystemDraft } from "../articles/save/save-article";
import { applyWireEmbargo } from "../articles/embargo/wire-embargo";
import { insertEmptyDraft } from "../articles/create-article";
import { addInternalNote } from "../articles/notes";
import { agencyNameForProvider, findOrCreateWireAgency } from "../agencies/commands";
import type { MediaStorage } from "../media/file/storage";
import { parseWireDocument } from "./detect";
import { draftInput, draftSlug } from "./draft";
import { chooseCredit, discardPictures, gatherPictures, storePicture, type FetchFn, type GatheredPicture } from "./pictures";
import { wireRefusal, type WireItem } from "./types";
import { wireSearchText } from "./search-text";
import { agencyWireRules, unpublishCanceledAtOnce } from "./rules";

const MAX_PICTURES = 100;

export type WireImportInput = { source: string | Uint8Array; agency?: string | null };
export type WireImportOptions = { fetch?: FetchFn; storage?: MediaStorage };
export type WireOutcome = "created" | "updated" | "pending-update" | "unchanged" | "canceled";
export type WireImportPicture = { ref: string; status: "imported" | "pending"; mediaId: string | null; caption: string; altTextMissing: boolean; credit: string; failure: string | null };
export type WireImportResult = {
  outcome: WireOutcome;
  // Canceled items whose published story the agency rule took down at once; "held": stored without
  // a draft (the agency's rule wireAutoDraft is off) until an editor chooses "Create draft".
  effect?: "unpublished" | "held";
  message: string;
  wireItemId: string;
  articleId: string | null;
  guid: string;
  headline: string;
  agency: string | null;
  version: number;
  status: WireItem["status"];
  embargoedUntil: string | null;
  pictures: WireImportPicture[];
  skipped: string[];
};

type Existing = NonNullable<Awaited<ReturnType<typeof loadExisting>>>;

function loadExisting(guid: string) {
  return db.wireItem.findUnique({
    where: { guid },
    include: { article: { select: { id: true, version: true, status: true, deletedAt: true, heroCaptionId: true, slug: true } }, agency: { select: { name: true } } },
  });
}

const STATUS = { usable: "USABLE", withheld: "WITHHELD", canceled: "CANCELED" } as const;

function plan(existing: Existing | null, item: WireItem): "create" | "update" | "pending-update" | "canceled" {
  if (item.status === "canceled") return "canceled";
  const article = existing?.article;
  if (!article || article.deletedAt) return "create";
  const isUntouched = article.version === existing.articleVersion && article.status === "DRAFT";
  return isUntouched ? "update" : "pending-update";
}

function sourceText(source: string | Uint8Array): string {
  return typeof source === "string" ? source : new TextDecoder().decode(source);
}

export function itemFields(item: WireItem, source: string, agencyId: string | null) {
  return {
    version: item.version,
    format: item.format,
    status: STATUS[item.status],
    urgency: item.urgency,
    provider: item.provider,
    agencyId,
    headline: item.headline.slice(0, 500),
    searchText: wireSearchText(item),
    embargoedUntil: item.embargoedUntil ? new Date(item.embargoedUntil) : null,
    copyrightHolder: item.copyrightHolder,
    copyrightNotice: item.copyrightNotice,
    usageTerms: item.usageTerms,
    source,
    normalized: item as Prisma.InputJsonValue,
    skipped: item.skipped as Prisma.InputJsonValue,
  };
}

async function storePictures(tx: Tx, gathered: GatheredPicture[], agency: { id: string; name: string } | null, item: WireItem, actorId: string): Promise<WireImportPicture[]> {
  const fallback = item.provider || item.copyrightHolder || `the agency that sent ${item.guid}`.slice(0, 300);
  const stored: WireImportPicture[] = [];
  for (const entry of gathered) {
    const credit = await chooseCredit(tx, entry.picture, agency, fallback);
    const mediaId = await storePicture(tx, entry, credit, actorId);
    stored.push({
      ref: entry.picture.ref,
      status: mediaId ? "imported" : "pending",
      mediaId,
      caption: entry.picture.caption,
      altTextMissing: !entry.picture.description,
      credit: credit.credit,
      failure: mediaId ? null : entry.failure,
    });
  }
  return stored;
}

async function replaceWirePictures(tx: Tx, wireItemId: string, pictures: WireImportPicture[], gathered: GatheredPicture[]): Promise<void> {
  await tx.wirePicture.deleteMany({ where: { wireItemId } });
  for (const [position, picture] of pictures.entries()) {
    const source = gathered[position].picture;
    await tx.wirePicture.create({
      data: {
        wireItemId,
        position,
        ref: picture.ref.slice(0, 2000),
        href: gathered[position].href,
        caption: picture.caption,
        altText: source.description,
        credit: picture.credit,
        copyright: source.copyrightNotice || source.copyrightHolder,
        usageTerms: source.usageTerms,
        status: picture.status === "imported" ? "IMPORTED" : "PENDING",
        failure: picture.failure,
        mediaId: picture.mediaId,
      },
    });
  }
}

// Creates or rewrites the draft; returns its id and version after the write.
async function writeDraft(tx: Tx, existing: Existing | null, item: WireItem, agencyName: string | null, pictures: WireImportPicture[], actor: Actor): Promise<{ id: string; version: number }> {
  const draftPictures = pictures.filter((p) => p.mediaId).map((p) => ({ mediaId: p.mediaId!, caption: p.caption }));
  const current = existing?.article && !existing.article.deletedAt ? existing.article : null;
  if (current) {
    const version = await claimVersion(tx, current.id, current.version, actor.id);
    const input = draftInput(item, current.slug, agencyName, draftPictures);
    await writeSystemDraft(tx, current.id, version, input, actor.id, { action: "wire.update", details: { guid: item.guid, wireVersion: item.version } });
    return { id: current.id, version };
  }
  const slug = draftSlug(item.headline);
  const article = await insertEmptyDraft(tx, slug, actor.id);
  await writeSystemDraft(tx, article.id, article.version, draftInput(item, slug, agencyName, draftPictures), actor.id, { action: "wire.import", details: { guid: item.guid, wireVersion: item.version } });
  return article;
}

function messageFor(outcome: WireOutcome, item: WireItem, existing: Existing | null): string {
  switch (outcome) {
    case "created":
      return `Created a draft from ${item.guid} version ${item.version}.`;
    case "updated":
      return `Updated the draft to ${item.guid} version ${item.version} (the previous version is in its history).`;
    case "pending-update":
      return `The draft from ${item.guid} was changed by an editor (or is no longer a draft): version ${item.version} is kept beside it as a pending wire update and nothing in the story was overwritten.`;
    case "canceled":
      return `The agency canceled ${item.guid} (version ${item.version}); the item is flagged as canceled${existing?.article ? " and the draft has an internal note saying so" : ""}.`;
    case "unchanged":
      return `Nothing changed: ${item.guid} version ${item.version} is not newer than version ${Math.max(existing!.version, existing!.pendingVersion ?? 0)}, already imported.`;
  }
}

export async function importWireItem(actor: Actor | null, input: WireImportInput, options: WireImportOptions = {}): Promise<WireImportResult> {
  assertCan(actor, "article.create");
  assertCan(actor, "media.upload");
  const source = sourceText(input.source);
  const item = parseWireDocument(source);
  if (item.pictures.length > MAX_PICTURES) throw wireRefusal("the document", `has ${item.pictures.length} pictures; at most ${MAX_PICTURES} are imported with one item`);
  const existing = await loadExisting(item.guid);
  const agencyName = agencyNameForProvider(input.agency?.trim() || item.provider || item.pictures[0]?.creditLine || "") || null;
  const base = { guid: item.guid, headline: item.headline, version: item.version, status: item.status, embargoedUntil: item.embargoedUntil, skipped: item.skipped };
  if (existing && item.version <= Math.max(existing.version, existing.pendingVersion ?? 0)) {
    return { ...base, outcome: "unchanged", message: messageFor("unchanged", item, existing), wireItemId: existing.id, articleId: existing.articleId, agency: existing.agency?.name ?? null, pictures: [] };
  }
  const outcome = plan(existing, item);
  const gathered = outcome === "create" || outcome === "update" ? await gatherPictures(db, item.pictures, agencyName, { fetch: options.fetch, storage: options.storage, actorId: actor.id }) : [];
  try {
    const result = await db.$transaction(
      async (tx) => {
        const agency = agencyName ? await findOrCreateWireAgency(tx, agencyName, actor.id) : null;
        const fields = itemFields(item, source, agency?.id ?? existing?.agencyId ?? null);
        const result = {
          ...base,
          outcome: outcome === "create" ? ("created" as const) : outcome === "update" ? ("updated" as const) : outcome,
          message: "",
          agency: agency?.name ?? null,
          pictures: [] as WireImportPicture[],
        };
        if (outcome === "pending-update" && existing) {
          await tx.wireItem.update({ where: { id: existing.id }, data: { pendingVersion: item.version, pendingSource: source, pendingNormalized: fields.normalized } });
          await recordAudit(tx, { actorId: actor.id, action: "wire.pending-update", entityType: "Article", entityId: existing.articleId!, details: { guid: item.guid, wireVersion: item.version } });
          await applyWireEmbargo(tx, existing.articleId!, fields.embargoedUntil, actor.id);
          return { ...result, message: messageFor(outcome, item, existing), wireItemId: existing.id, articleId: existing.articleId };
        }
        if (outcome === "canceled") {
          const row = existing
            ? await tx.wireItem.update({ where: { id: existing.id }, data: { ...fields, agencyId: existing.agencyId ?? fields.agencyId } })
            : await tx.wireItem.create({ data: { guid: item.guid, ...fields, importedById: actor.id } });
          if (existing?.article)
            await addInternalNote(tx, {
              articleId: existing.article.id,
              text: `The agency canceled this item (version ${item.version}). Do not publish it.${item.edNote ? ` Agency note: ${item.edNote}` : ""}`,
              authorId: actor.id,
            });
          await recordAudit(tx, {
            actorId: actor.id,
            action: "wire.cancel",
            entityType: existing?.articleId ? "Article" : "WireItem",
            entityId: existing?.articleId ?? row.id,
            details: { guid: item.guid, wireVersion: item.version },
          });
          return { ...result, message: messageFor(outcome, item, existing), wireItemId: row.id, articleId: row.articleId };
        }
        const pictures = await storePictures(tx, gathered, agency, item, actor.id);
        const hasDraft = Boolean(existing?.article && !existing.article.deletedAt);
        if (!hasDraft && !(await agencyWireRules(tx, agency?.id ?? null)).wireAutoDraft) {
          const data = { ...fields, pendingVersion: null, pendingSource: null, pendingNormalized: Prisma.DbNull };
          const row = existing ? await tx.wireItem.update({ where: { id: existing.id }, data }) : await tx.wireItem.create({ data: { guid: item.guid, ...data, importedById: actor.id } });
          await replaceWirePictures(tx, row.id, pictures, gathered);
          await recordAudit(tx, { actorId: actor.id, action: "wire.hold", entityType: "WireItem", entityId: row.id, details: { guid: item.guid, wireVersion: item.version } });
          const message = `Stored ${item.guid} version ${item.version} on the Wire screen without a draft (${agency?.name ?? "the agency"}'s rule): choose "Create draft" there to write one.`;
          return { ...result, effect: "held" as const, pictures, message, wireItemId: row.id, articleId: null };
        }
        const article = await writeDraft(tx, existing, item, agency?.name ?? null, pictures, actor);
        const previousNote = (existing?.normalized as { edNote?: string } | undefined)?.edNote ?? "";
        if (item.edNote && item.edNote !== previousNote) await addInternalNote(tx, { articleId: article.id, text: `Agency note (version ${item.version}): ${item.edNote}`, authorId: actor.id });
        const data = { ...fields, articleId: article.id, articleVersion: article.version, pendingVersion: null, pendingSource: null, pendingNormalized: Prisma.DbNull };
        const row = existing ? await tx.wireItem.update({ where: { id: existing.id }, data }) : await tx.wireItem.create({ data: { guid: item.guid, ...data, importedById: actor.id } });
        await replaceWirePictures(tx, row.id, pictures, gathered);
        await applyWireEmbargo(tx, article.id, fields.embargoedUntil, actor.id);
        return { ...result, pictures, message: messageFor(result.outcome, item, existing), wireItemId: row.id, articleId: article.id };
      },
      { timeout: 60_000 },
    );
    return result.outcome === "canceled" ? await unpublishCanceledAtOnce(actor, result) : result;
  } catch (error) {
    await discardPictures(db, gathered);
    // Two imports of the same new item at once: the second finds the first's row taken.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `${item.guid} is being imported by another request at this moment; nothing was saved. Try again.`);
    throw error;
  }
}
