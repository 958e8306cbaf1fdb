// What a reader page needs to show one picture: sources, size, alt text and the formatted credit.
import { formatCredit, type Credit, type CreditSource } from "../credits/format";
import { mediaPublicBaseUrl } from "./file/storage-config";
import { renditionUrl, srcSet } from "./file/urls";

export const mediaViewInclude = {
  photographer: { select: { id: true, name: true } },
  agency: { select: { id: true, name: true, shortCredit: true, creditFormat: true, distributor: true } },
  renditions: { select: { format: true, width: true, height: true, storageKey: true } },
} as const;

type Rendition = { format: string; width: number; height: number; storageKey: string };

export type MediaRecord = CreditSource & {
  id: string;
  altText: string;
  defaultCaption: string;
  width: number;
  height: number;
  storageKey: string;
  rightsExpireAt: Date | null;
  // Set on pictures that came with an embargoed story (see queries.ts); optional for hand-made records.
  embargoUntil?: Date | null;
  // Where the subject is, 0–1 from the left and top (set by clicking the picture in the library).
  focalX?: number;
  focalY?: number;
  photographer: { id: string; name: string } | null;
  agency: { id: string; name: string; shortCredit: string; creditFormat: string; distributor: string | null } | null;
  renditions: Rendition[];
};

export type MediaView = {
  id: string;
  altText: string;
  defaultCaption: string;
  width: number;
  height: number;
  src: string;
  srcSetWebp: string;
  srcSetJpeg: string;
  // Always set by toMediaView; optional only so views written by hand (tests) need not list them.
  // AVIF renditions, for a <source type="image/avif"> before the WebP one.
  srcSetAvif?: string;
  // The subject's position, 0–1 from the left and top: crops keep it in view, e.g.
  // style={{ objectPosition: `${focalX * 100}% ${focalY * 100}%` }} with object-fit: cover.
  focalX?: number;
  focalY?: number;
  credit: Credit | null;
  // Rights have expired: show a neutral placeholder with no credit instead.
  isWithdrawn: boolean;
};

function largestJpeg(renditions: Rendition[]): Rendition | undefined {
  return renditions.filter((r) => r.format === "jpeg").sort((a, b) => b.width - a.width)[0];
}

// Readers' pages load renditions from MEDIA_PUBLIC_BASE_URL when it is set, except a picture that
// is withdrawn or still under embargo: it keeps Pressbox's /media/ route, which checks who asks
// (staff, preview links) and answers readers 410/404; the preview page signs those addresses.
function publicBaseFor(media: MediaRecord, isWithdrawn: boolean, now: Date): string | null {
  const isEmbargoed = Boolean(media.embargoUntil && media.embargoUntil > now);
  return isWithdrawn || isEmbargoed ? null : mediaPublicBaseUrl();
}

export function toMediaView(media: MediaRecord, now: Date = new Date()): MediaView {
  const fallback = largestJpeg(media.renditions);
  const isWithdrawn = media.rightsExpireAt !== null && media.rightsExpireAt <= now;
  const publicBase = publicBaseFor(media, isWithdrawn, now);
  return {
    id: media.id,
    altText: media.altText,
    defaultCaption: media.defaultCaption,
    width: fallback?.width ?? media.width,
    height: fallback?.height ?? media.height,
    src: renditionUrl(fallback?.storageKey ?? media.storageKey, publicBase),
    srcSetAvif: srcSet(media.renditions, "avif", publicBase),
    srcSetWebp: srcSet(media.renditions, "webp", publicBase),
    srcSetJpeg: srcSet(media.renditions, "jpeg", publicBase),
    focalX: media.focalX ?? 0.5,
    focalY: media.focalY ?? 0.5,
    credit: formatCredit(media),
    isWithdrawn,
  };
}

export function mediaCacheTags(media: MediaRecord): string[] {
  const tags = [`media:${media.id}`];
  if (media.agency) tags.push(`agency:${media.agency.id}`);
  if (media.photographer) tags.push(`photographer:${media.photographer.id}`);
  return tags;
}
