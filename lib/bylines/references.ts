// Checks on what a byline profile points at: its slug, photo and user account.
import type { Tx } from "../db";
import { AppError } from "../errors";
import { slugOrFromName } from "../redirects/slug";
import type { BylineFields } from "./schema";

export const authorPath = (slug: string) => `/author/${slug}`;

export async function resolveSlug(tx: Tx, fields: BylineFields, exceptId?: string): Promise<string> {
  const slug = slugOrFromName(fields.slug, fields.name);
  if (!slug) throw new AppError("INVALID", "Please fix: slug: the name has no letters to make an address from; type a slug.");
  const holder = await tx.bylineProfile.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (holder && holder.id !== exceptId) {
    throw new AppError("CONFLICT", `The author page ${authorPath(slug)} belongs to ${holder.name}. Choose another slug, or merge the two profiles.`);
  }
  return slug;
}

export async function checkLinks(tx: Tx, fields: BylineFields, profileId?: string): Promise<void> {
  if (fields.photoMediaId && !(await tx.media.findUnique({ where: { id: fields.photoMediaId }, select: { id: true } }))) {
    throw new AppError("INVALID", "The photo was not found in the media library; pick another.");
  }
  if (!fields.userId) return;
  const user = await tx.user.findUnique({ where: { id: fields.userId }, select: { name: true, bylineProfile: { select: { id: true, name: true } } } });
  if (!user) throw new AppError("INVALID", "That user account was not found; pick another.");
  const linked = user.bylineProfile;
  if (linked && linked.id !== profileId) {
    throw new AppError("CONFLICT", `${user.name}'s account is already linked to the profile "${linked.name}". Unlink it there first.`);
  }
}

export function profileData(fields: BylineFields, slug: string) {
  return {
    name: fields.name,
    slug,
    jobTitle: fields.jobTitle,
    bio: fields.bio,
    photoMediaId: fields.photoMediaId,
    socialLinks: fields.socialLinks,
    userId: fields.userId,
  };
}
