// Reads of stored media files for the public media route. A rendition is served only while its
// picture exists and its rights have not expired: a withdrawn or deleted picture's renditions
// answer 410/404 at once, whatever file is still in storage. A picture that came with an embargoed
// story (Media.embargoUntil) answers 404 to readers until the embargo's time: only staff and the
// holders of a preview link for that story get it before then.
import "server-only";
import { db } from "../db";
import { contentTypeForKey } from "./file/formats";
import { getMediaStorage, isValidStorageKey, type MediaStorage } from "./file/storage";
import { previewedArticleId } from "../articles/preview";

// isPrivate: served only because the asker is staff or holds a preview link; never cached publicly.
type PublicMediaFile = { status: "ok"; bytes: Buffer; contentType: string; isWithdrawn?: boolean; isPrivate?: boolean } | { status: "gone" } | { status: "missing" };

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
  // A signed preview link's token (the preview page adds it to its pictures' addresses).
  previewToken: string | null = null,
): Promise<PublicMediaFile> {
  const key = segments.join("/");
  if (!isValidStorageKey(key) || !key.startsWith(PUBLIC_PREFIX)) return { status: "missing" };
  const contentType = contentTypeForKey(key);
  if (!contentType) return { status: "missing" };
  const rendition = await db.mediaRendition.findUnique({ where: { storageKey: key }, select: { media: { select: { id: true, rightsExpireAt: true, embargoUntil: true } } } });
  if (!rendition) return { status: "missing" };
  const isEmbargoed = Boolean(rendition.media.embargoUntil && rendition.media.embargoUntil > now);
  if (isEmbargoed && !isStaff && !(await isPreviewOfStoryWith(rendition.media.id, previewToken, now))) return { status: "missing" };
  const expiresAt = rendition.media.rightsExpireAt;
  const isWithdrawn = Boolean(expiresAt && expiresAt <= now);
  if (isWithdrawn && !isStaff) return { status: "gone" };
  const bytes = await storage.read(key);
  return bytes ? { status: "ok", bytes, contentType, isWithdrawn, isPrivate: isEmbargoed } : { status: "missing" };
}

// The preview link is alive and its story shows the picture (as hero, or as one of its wire pictures).
async function isPreviewOfStoryWith(mediaId: string, token: string | null, now: Date): Promise<boolean> {
  const articleId = token ? await previewedArticleId(token, now) : null;
  if (!articleId) return false;
  const uses = await db.article.count({ where: { id: articleId, OR: [{ heroMediaId: mediaId }, { wireItem: { pictures: { some: { mediaId } } } }] } });
  return uses > 0;
}
