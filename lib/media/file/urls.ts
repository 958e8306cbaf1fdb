// Public addresses of stored media files, and the srcset strings a <picture> needs. Pure functions:
// no storage or database access, so components and tests can use them freely.
import { isRenditionKey } from "./storage-keys";

type RenditionRef = { format: string; width: number; height: number; storageKey: string };

// Served by app/media/[...key]/route.ts. Keys are [a-z0-9/._-] only, so they need no escaping.
export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}

function ofFormat(renditions: readonly RenditionRef[], format: string): RenditionRef[] {
  return renditions.filter((r) => r.format === format).sort((a, b) => a.width - b.width);
}

// A rendition's address for readers: under the public base (MEDIA_PUBLIC_BASE_URL, a public bucket
// or CDN; null when unset) when there is one, else Pressbox's /media/ route. Only renditions ever
// get the public base: an original keeps its photographer's metadata and stays behind the route,
// which refuses it.
export function renditionUrl(storageKey: string, publicBase: string | null = null): string {
  return publicBase && isRenditionKey(storageKey) ? `${publicBase}/${storageKey}` : mediaUrl(storageKey);
}

// "…-480.webp 480w, …-960.webp 960w"; empty when there is no rendition in that format.
export function srcSet(renditions: readonly RenditionRef[], format: string, publicBase: string | null = null): string {
  return ofFormat(renditions, format)
    .map((r) => `${renditionUrl(r.storageKey, publicBase)} ${r.width}w`)
    .join(", ");
}

// The rendition for a plain src (browsers without srcset, feeds, social cards): the narrowest one
// at least `minWidth` wide, else the widest there is. JPEG by default because everything shows it.
export function pickDefaultRendition(renditions: readonly RenditionRef[], format = "jpeg", minWidth = 960): RenditionRef | null {
  const candidates = ofFormat(renditions, format);
  return candidates.find((r) => r.width >= minWidth) ?? candidates[candidates.length - 1] ?? null;
}
