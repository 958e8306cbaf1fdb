// Writes to the media library. Files go to storage first, then the rows in one transaction; if
// anything fails, the files this upload wrote are removed again, so a failed upload leaves nothing.
// createMedia is the system's own path (seed, imports); people upload through uploadMedia
// (upload.ts), which checks their permission first. Edits and deletes: update-media.ts, delete-media.ts.
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../concurrency";
import type { MediaLimits } from "./file/inspect";
import { prefillFromFile } from "./metadata/prefill";
import { processImage, sha256Hex, type ProcessedImage } from "./file/process";
import { parseMediaInput, type MediaInput, type ParsedMediaInput } from "./schema";
import { getMediaStorage, type MediaStorage } from "./file/storage";

// Who is acting: the signed-in user, or null for the system itself (seed, import scripts).
export type Actor = { id: string } | null;

export type MediaContext = {
  actor: Actor;
  ip?: string;
  storage?: MediaStorage;
  limits?: MediaLimits;
};

type CreditIds = { photographerId: string | null; agencyId: string | null };

// Unknown ids become a message a person can act on instead of a foreign-key failure. A picture
// by a photographer is credited to their agency unless the upload names one (or null) itself.
async function resolveCreditIds(db: Db, data: ParsedMediaInput): Promise<CreditIds> {
  const photographer = data.photographerId ? await db.photographer.findUnique({ where: { id: data.photographerId }, select: { agencyId: true } }) : null;
  if (data.photographerId && !photographer) throw new AppError("INVALID", "The photographer was not found; pick one from the list.");
  if (data.agencyId && !(await db.agency.findUnique({ where: { id: data.agencyId }, select: { id: true } }))) {
    throw new AppError("INVALID", "The agency was not found; pick one from the list.");
  }
  const agencyId = data.agencyId !== undefined ? data.agencyId : (photographer?.agencyId ?? null);
  return { photographerId: data.photographerId ?? null, agencyId };
}

async function refuseDuplicate(db: Db, sha256: string): Promise<void> {
  const existing = await db.media.findFirst({ where: { sha256 }, select: { id: true } });
  if (existing) {
    throw new AppError("CONFLICT", "This picture is already in the media library; use the existing one.", { mediaId: existing.id });
  }
}

// Returns the keys this call created. Files that already exist are left alone and not claimed:
// keys are content-hashed, so they already hold these bytes and may belong to another record.
async function writeFiles(storage: MediaStorage, image: ProcessedImage): Promise<string[]> {
  const files = [image.original, ...image.renditions];
  const created: string[] = [];
  const results = await Promise.allSettled(
    files.map(async (file) => {
      if (await storage.exists(file.key)) return;
      await storage.put(file.key, file.bytes);
      created.push(file.key);
    }),
  );
  const failure = results.find((result) => result.status === "rejected");
  if (failure) {
    await removeFiles(storage, created);
    throw failure.reason;
  }
  return created;
}

async function removeFiles(storage: MediaStorage, keys: string[]): Promise<void> {
  await Promise.allSettled(keys.map((key) => storage.remove(key)));
}

async function insertRows(tx: Tx, data: ParsedMediaInput, credit: CreditIds, image: ProcessedImage, context: MediaContext) {
  const media = await tx.media.create({
    data: {
      storageKey: image.original.key,
      originalName: data.originalName,
      mimeType: image.mimeType,
      width: image.width,
      height: image.height,
      bytes: image.original.bytes.length,
      sha256: image.sha256,
      altText: data.altText,
      defaultCaption: data.defaultCaption,
      ...credit,
      creditOverride: data.creditOverride,
      copyright: data.copyright,
      usageTerms: data.usageTerms,
      rightsExpireAt: data.rightsExpireAt,
      sourceReference: data.sourceReference,
      uploadedById: data.uploadedById,
      renditions: {
        create: image.renditions.map((r) => ({ format: r.format, width: r.width, height: r.height, bytes: r.bytes.length, storageKey: r.key })),
      },
    },
    include: { renditions: { orderBy: [{ format: "asc" }, { width: "asc" }] } },
  });
  await tx.auditEntry.create({
    data: {
      actorId: context.actor?.id ?? null,
      action: "media.create",
      entityType: "Media",
      entityId: media.id,
      // What the file itself said: the detail screen shows it beside what was matched from it.
      details: { originalName: media.originalName, sha256: media.sha256, bytes: media.bytes, renditions: media.renditions.length, embedded: image.embedded },
      ip: context.ip ?? null,
    },
  });
  return media;
}

// A picture checked, processed and written to storage, waiting for its rows. Callers that write
// more than the picture in one transaction (the wire import) insert it with insertPreparedMedia in
// theirs and call discardPreparedMedia if that transaction fails, so a failure leaves no files.
export type PreparedMedia = { data: ParsedMediaInput; credit: CreditIds; image: ProcessedImage; storage: MediaStorage; createdKeys: string[] };

export async function prepareMedia(db: Db, input: MediaInput, context: MediaContext): Promise<PreparedMedia> {
  const parsed = parseMediaInput(input);
  // Before the expensive part: ids the caller named must exist, and the same bytes always make
  // the same renditions.
  await resolveCreditIds(db, parsed);
  const bytes = Buffer.from(parsed.bytes.buffer, parsed.bytes.byteOffset, parsed.bytes.byteLength);
  await refuseDuplicate(db, sha256Hex(bytes));
  const image = await processImage(bytes, context.limits);
  const data = await prefillFromFile(db, parsed, image.embedded);
  const credit = await resolveCreditIds(db, data);
  const storage = context.storage ?? getMediaStorage();
  const createdKeys = await writeFiles(storage, image);
  return { data, credit, image, storage, createdKeys };
}

export function insertPreparedMedia(tx: Tx, prepared: PreparedMedia, context: MediaContext) {
  return insertRows(tx, prepared.data, prepared.credit, prepared.image, context);
}

// After the transaction that was to hold the rows failed: removes the files this upload wrote,
// unless a concurrent upload of the same picture now owns them (then: CONFLICT naming it).
export async function discardPreparedMedia(db: Db, prepared: PreparedMedia, error?: unknown): Promise<void> {
  const winner = await db.media.findUnique({ where: { storageKey: prepared.image.original.key }, select: { id: true } }).catch(() => null);
  if (!winner) await removeFiles(prepared.storage, prepared.createdKeys);
  if (winner && error !== undefined && isUniqueViolation(error)) {
    throw new AppError("CONFLICT", "This picture is already in the media library; use the existing one.", { mediaId: winner.id });
  }
}

export async function createMedia(db: Db, input: MediaInput, context: MediaContext) {
  const prepared = await prepareMedia(db, input, context);
  try {
    return await db.$transaction((tx) => insertPreparedMedia(tx, prepared, context));
  } catch (error) {
    // A concurrent upload of the same picture may have won the race and now owns these files.
    await discardPreparedMedia(db, prepared, error);
    throw error;
  }
}
