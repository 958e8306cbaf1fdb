// The story editor's edit of a picture's alt text, default caption and credit, saved through
// updateMedia (same permission, checks, version guard, audit and page refresh as the media screen).
// The details the editor does not show are sent as they are stored: if the picture changed since
// the version the editor names, updateMedia refuses the write and names who saved in between.
import "server-only";
import { readPickerMedia, type PickerMedia } from "../articles/editor-queries";
import { notFound, type WriteContext } from "../concurrency";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";
import { MEDIA_DETAIL_FIELDS, MediaDetailsInput, parseOrRefuse } from "./schema";
import { updateMedia } from "./update-media";

const keptSelect = {
  altText: true,
  defaultCaption: true,
  photographerId: true,
  agencyId: true,
  creditOverride: true,
  copyright: true,
  usageTerms: true,
  rightsExpireAt: true,
  sourceReference: true,
  focalX: true,
  focalY: true,
} as const;

// Returns the picture as the editor shows it, with its new version.
export async function updateMediaDetails(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<PickerMedia> {
  assertCan(actor, "media.edit");
  const { id, version, ...named } = parseOrRefuse(MediaDetailsInput, input, "Please fix:");
  const stored = await db.media.findUnique({ where: { id }, select: keptSelect });
  if (!stored) throw notFound("That picture");
  const changes = Object.fromEntries(MEDIA_DETAIL_FIELDS.filter((field) => named[field] !== undefined).map((field) => [field, named[field]]));
  await updateMedia(actor, { ...stored, ...changes, id, version }, context);
  const [fresh] = await readPickerMedia(actor, [id]);
  if (!fresh) throw notFound("That picture");
  return fresh;
}
