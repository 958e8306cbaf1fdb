// Reads of stored media files for the public media route. A rendition is served only while its
// picture exists and its rights have not expired: a withdrawn or deleted picture's renditions
// answer 410/404 at once, whatever file is still in storage.
import "server-only";
import { db } from "../db";
import { contentTypeForKey } from "./file/formats";
import { getMediaStorage, isValidStorageKey, type MediaStorage } from "./file/storage";

type PublicMediaFile = { status: "ok"; bytes: Buffer; contentType: string; isWithdrawn?: boolean } | { status: "gone" } | { status: "missing" };

// Readers get renditions only: originals ("o/…") keep the photographer's EXIF, GPS and IPTC data.
const PUBLIC_PREFIX = "r/";

// The file for a /media/… path: missing for anything unknown, malformed, not public or deleted;
// gone for a picture whose rights have expired.
export async function readPublicMediaFile(
  segments: readonly string[],
  storage: MediaStorage = getMediaStorage(),
  now: Date = new Date(),
  // Staff may still load a withdrawn picture (the newsroom shows it, flagged).
  isStaff = false,
): Promise<PublicMediaFile> {
  const key = segments.join("/");
  if (!isValidStorageKey(key) || !key.startsWith(PUBLIC_PREFIX)) return { status: "missing" };
  const contentType = contentTypeForKey(key);
  if (!contentType) return { status: "missing" };
  const rendition = await db.mediaRendition.findUnique({ where: { storageKey: key }, select: { media: { select: { rightsExpireAt: true } } } });
  if (!rendition) return { status: "missing" };
  const expiresAt = rendition.media.rightsExpireAt;
  const isWithdrawn = Boolean(expiresAt && expiresAt <= now);
  if (isWithdrawn && !isStaff) return { status: "gone" };
  const bytes = await storage.read(key);
  return bytes ? { status: "ok", bytes, contentType, isWithdrawn } : { status: "missing" };
}
