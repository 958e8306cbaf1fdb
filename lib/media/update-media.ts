// Editing a picture's details: words, credit, rights, focal point. Version-checked (a stale form
// is refused, naming who saved in between), audited with what changed, and every published page
// showing the picture is refreshed when something readers see changed.
import "server-only";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, type WriteContext } from "../concurrency";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/sqlite/client";
import { assertCan, type Actor } from "../permissions";
import { readPublishedPagesShowing, refreshPagesShowing } from "./published-pages";
import { parseOrRefuse, UpdateMediaInput, type UpdateMediaFields } from "./schema";

type Fields = Omit<UpdateMediaFields, "id" | "version">;

const EDITABLE = ["altText", "defaultCaption", "photographerId", "agencyId", "creditOverride", "copyright", "usageTerms", "rightsExpireAt", "sourceReference", "focalX", "focalY"] as const;
// What readers see: a change to any of these refreshes the published pages showing the picture.
const PUBLIC = new Set<string>(["altText", "defaultCaption", "photographerId", "agencyId", "creditOverride", "rightsExpireAt", "focalX", "focalY"]);

type Editable = Record<(typeof EDITABLE)[number], unknown>;

const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

function changesOf(before: Editable, after: Fields): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of EDITABLE) {
    const [was, now] = [comparable(before[field]), comparable(after[field])];
    if (was !== now) changes[field] = { before: was, after: now };
  }
  return changes;
}

async function assertCreditIdsExist(tx: Tx, fields: Fields): Promise<void> {
  const [photographer, agency] = await Promise.all([
    fields.photographerId ? tx.photographer.findUnique({ where: { id: fields.photographerId }, select: { id: true } }) : true,
    fields.agencyId ? tx.agency.findUnique({ where: { id: fields.agencyId }, select: { id: true } }) : true,
  ]);
  if (!photographer) throw new AppError("INVALID", "The photographer was not found; an admin may have removed them. Pick one from the list.");
  if (!agency) throw new AppError("INVALID", "The agency was not found; an admin may have removed it. Pick one from the list.");
}

const editableSelect = Object.fromEntries(EDITABLE.map((field) => [field, true])) as Record<(typeof EDITABLE)[number], true>;

export async function updateMedia(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; version: number }> {
  assertCan(actor, "media.edit");
  const { id, version, ...fields } = parseOrRefuse(UpdateMediaInput, input, "Please fix:");
  const now = new Date();
  const pages = await db.$transaction(async (tx) => {
    const before = await tx.media.findUnique({ where: { id }, select: editableSelect });
    if (!before) throw notFound("That picture");
    await assertCreditIdsExist(tx, fields);
    // Rights renewed (no end, or an end still ahead): the picture may be shown again.
    const isRenewed = !fields.rightsExpireAt || fields.rightsExpireAt > now;
    await expectUpdated(tx.media.updateMany({ where: { id, version }, data: { ...fields, ...(isRenewed ? { rightsExpiredAt: null } : {}), version: { increment: 1 } } }), tx, {
      entityType: "Media",
      entityId: id,
      label: "this picture",
    });
    const changes = changesOf(before, fields);
    await recordAudit(tx, { actorId: actor.id, action: "media.update", entityType: "Media", entityId: id, details: { changes } as Prisma.InputJsonValue, ip: context.ip });
    return Object.keys(changes).some((field) => PUBLIC.has(field)) ? readPublishedPagesShowing(tx, id) : null;
  });
  if (pages) refreshPagesShowing(id, pages);
  return { id, version: version + 1 };
}
