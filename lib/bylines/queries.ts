// Reads for the byline screens (admins only).
import "server-only";
import { db } from "../db";
import { pickDefaultRendition, mediaUrl } from "../media/file/urls";
import { assertCan, type Actor } from "../permissions";
import type { SocialLink } from "./schema";

export async function listBylineProfiles(actor: Actor | null) {
  assertCan(actor, "byline.manage");
  const rows = await db.bylineProfile.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      jobTitle: true,
      version: true,
      user: { select: { id: true, name: true, email: true } },
      _count: { select: { bylines: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, stories: _count.bylines }));
}

export type BylineRow = Awaited<ReturnType<typeof listBylineProfiles>>[number];

export async function getBylineProfile(actor: Actor | null, id: string) {
  assertCan(actor, "byline.manage");
  const profile = await db.bylineProfile.findUnique({
    where: { id },
    include: {
      user: { select: { id: true, name: true, email: true } },
      photo: { select: { id: true, altText: true, renditions: { select: { format: true, width: true, height: true, storageKey: true } } } },
      _count: { select: { bylines: true } },
    },
  });
  if (!profile) return null;
  const rendition = profile.photo ? pickDefaultRendition(profile.photo.renditions, "jpeg", 320) : null;
  return {
    ...profile,
    socialLinks: Array.isArray(profile.socialLinks) ? (profile.socialLinks as SocialLink[]) : [],
    photoSrc: rendition ? mediaUrl(rendition.storageKey) : null,
    stories: profile._count.bylines,
  };
}

export type BylineDetail = NonNullable<Awaited<ReturnType<typeof getBylineProfile>>>;

// Pictures to choose a profile photo from: the most recent uploads.
export async function listPhotoChoices(actor: Actor | null, limit = 200) {
  assertCan(actor, "byline.manage");
  const rows = await db.media.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, altText: true, originalName: true } });
  return rows.map((row) => ({ id: row.id, label: row.altText || row.originalName }));
}
