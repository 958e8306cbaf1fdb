// Reads of stored media files for the public media route.
import { contentTypeForKey } from "./formats";
import { getMediaStorage, isValidStorageKey, type MediaStorage } from "./storage";

export type PublicMediaFile = { bytes: Buffer; contentType: string };

// Readers get renditions only: originals ("o/…") keep the photographer's EXIF, GPS and IPTC data.
const PUBLIC_PREFIX = "r/";

// The file for a /media/… path, or null for anything unknown, malformed or not public.
export async function readPublicMediaFile(
  segments: readonly string[],
  storage: MediaStorage = getMediaStorage(),
): Promise<PublicMediaFile | null> {
  const key = segments.join("/");
  if (!isValidStorageKey(key) || !key.startsWith(PUBLIC_PREFIX)) return null;
  const contentType = contentTypeForKey(key);
  if (!contentType) return null;
  const bytes = await storage.read(key);
  return bytes ? { bytes, contentType } : null;
}
