// A person uploading a picture: their permission is checked, they are recorded as the uploader,
// and the file goes through createMedia (checks, renditions, pre-fill, storage, audit).
import "server-only";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";
import { createMedia, type MediaContext } from "./commands";
import { toLibraryItem, libraryItemInclude, type LibraryItem } from "./library/library-item";
import type { MediaInput } from "./schema";

export type UploadInput = Omit<MediaInput, "uploadedById">;
type UploadContext = Omit<MediaContext, "actor" | "ip"> & { ip?: string | null };

export async function uploadMedia(actor: Actor | null, input: UploadInput, context: UploadContext = {}): Promise<LibraryItem> {
  assertCan(actor, "media.upload");
  const media = await createMedia(db, { ...input, uploadedById: actor.id }, { ...context, actor, ip: context.ip ?? undefined });
  const row = await db.media.findUniqueOrThrow({ where: { id: media.id }, include: libraryItemInclude });
  return toLibraryItem(row);
}
