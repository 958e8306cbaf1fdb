// One picture in the library: everything its detail screen shows and edits, where it is used,
// and what its file said about it when it was uploaded. Staff only.
import "server-only";
import { formatCredit, type Credit } from "../credits/format";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";
import type { EmbeddedMetadata } from "./metadata/embedded-metadata";
import { libraryItemInclude, toLibraryItem, type LibraryItem } from "./library/library-item";
import { toRightsDay } from "./rights/rights-dates";
import { mediaUrl, pickDefaultRendition } from "./file/urls";
import { findMediaUsage, type MediaUsage } from "./usage";

export type MediaDetail = {
  item: LibraryItem;
  version: number;
  preview: { src: string; width: number; height: number };
  fields: {
    altText: string;
    defaultCaption: string;
    photographerId: string;
    agencyId: string;
    creditOverride: string;
    copyright: string;
    usageTerms: string;
    rightsExpireOn: string;
    sourceReference: string;
    focalX: number;
    focalY: number;
  };
  credit: Credit | null;
  mimeType: string;
  bytes: number;
  renditionCount: number;
  uploadedBy: string | null;
  rightsExpiredAt: string | null;
  usage: MediaUsage;
  // As read from the file at upload (null for pictures uploaded before this was recorded).
  embedded: EmbeddedMetadata | null;
};

async function readEmbedded(mediaId: string): Promise<EmbeddedMetadata | null> {
  const entry = await db.auditEntry.findFirst({ where: { entityType: "Media", entityId: mediaId, action: "media.create" }, select: { details: true } });
  const embedded = (entry?.details as { embedded?: unknown } | null)?.embedded;
  return embedded && typeof embedded === "object" ? (embedded as EmbeddedMetadata) : null;
}

export async function getMediaDetail(actor: Actor | null, id: string): Promise<MediaDetail | null> {
  assertCan(actor, "newsroom.enter");
  const media = await db.media.findUnique({ where: { id }, include: { ...libraryItemInclude, uploadedBy: { select: { name: true } } } });
  if (!media) return null;
  const [usage, embedded] = await Promise.all([findMediaUsage(db, id), readEmbedded(id)]);
  const large = pickDefaultRendition(media.renditions, "jpeg", 960);
  return {
    item: toLibraryItem(media),
    version: media.version,
    preview: large ? { src: mediaUrl(large.storageKey), width: large.width, height: large.height } : { src: "", width: media.width, height: media.height },
    fields: {
      altText: media.altText,
      defaultCaption: media.defaultCaption,
      photographerId: media.photographerId ?? "",
      agencyId: media.agencyId ?? "",
      creditOverride: media.creditOverride ?? "",
      copyright: media.copyright ?? "",
      usageTerms: media.usageTerms,
      rightsExpireOn: toRightsDay(media.rightsExpireAt),
      sourceReference: media.sourceReference ?? "",
      focalX: media.focalX,
      focalY: media.focalY,
    },
    credit: formatCredit(media),
    mimeType: media.mimeType,
    bytes: media.bytes,
    renditionCount: media.renditions.length,
    uploadedBy: media.uploadedBy?.name ?? null,
    rightsExpiredAt: media.rightsExpiredAt?.toISOString() ?? null,
    usage,
    embedded,
  };
}
