// Writes to byline profiles: create, edit, merge. Public pages that show a profile's name or
// address are dropped from the cache; a changed address leaves a redirect behind.
import "server-only";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../concurrency";
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db, type Tx } from "../db";
import { assertCan, type Actor } from "../permissions";
import { addRedirect, removeRedirectFrom } from "../redirects/commands";
import { fillGaps, moveBylines } from "./merge";
import { authorPath, checkLinks, profileData, resolveSlug } from "./references";
import { CreateBylineInput, MergeBylinesInput, UpdateBylineInput } from "./schema";

const ref = (id: string) => ({ entityType: "BylineProfile", entityId: id, label: "this byline profile" });
const SLUG_TAKEN = "That author page address or user account is already taken by another profile.";

async function loadProfile(tx: Tx, id: string) {
  const profile = await tx.bylineProfile.findUnique({ where: { id } });
  if (!profile) throw notFound("That byline profile");
  return profile;
}

export async function createBylineProfile(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; slug: string }> {
  assertCan(actor, "byline.manage");
  const fields = CreateBylineInput.parse(input);
  const created = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const slug = await resolveSlug(tx, fields);
        await checkLinks(tx, fields);
        const profile = await tx.bylineProfile.create({ data: profileData(fields, slug), select: { id: true, slug: true } });
        await removeRedirectFrom(tx, authorPath(slug));
        await recordAudit(tx, { actorId: actor.id, action: "byline.create", entityType: "BylineProfile", entityId: profile.id, details: { name: fields.name, slug }, ip: context.ip });
        return profile;
      }),
    SLUG_TAKEN,
  );
  invalidateTags([cacheTags.listings, cacheTags.redirects]);
  return created;
}

export async function updateBylineProfile(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ slug: string }> {
  assertCan(actor, "byline.manage");
  const { id, version, ...fields } = UpdateBylineInput.parse(input);
  const slug = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const before = await loadProfile(tx, id);
        // An empty slug keeps the current address; only a typed one moves the page.
        const slug = await resolveSlug(tx, { ...fields, slug: fields.slug ?? before.slug }, id);
        await checkLinks(tx, fields, id);
        await expectUpdated(tx.bylineProfile.updateMany({ where: { id, version }, data: { ...profileData(fields, slug), version: { increment: 1 } } }), tx, ref(id));
        if (slug !== before.slug) await addRedirect(tx, authorPath(before.slug), authorPath(slug));
        const details = { name: { from: before.name, to: fields.name }, slug: { from: before.slug, to: slug }, userId: { from: before.userId, to: fields.userId } };
        await recordAudit(tx, { actorId: actor.id, action: "byline.update", entityType: "BylineProfile", entityId: id, details, ip: context.ip });
        return slug;
      }),
    SLUG_TAKEN,
  );
  invalidateTags([cacheTags.byline(id), cacheTags.listings, cacheTags.redirects]);
  return { slug };
}

// Merges the source profile into the target and deletes the source; returns the target's address.
export async function mergeBylineProfiles(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ targetId: string; href: string }> {
  assertCan(actor, "byline.manage");
  const data = MergeBylinesInput.parse(input);
  const articleIds = await db.$transaction(
    async (tx) => {
      const [source, target] = await Promise.all([loadProfile(tx, data.sourceId), loadProfile(tx, data.targetId)]);
      const gaps = fillGaps(source, target);
      // Both versions are claimed first: a profile edited meanwhile stops the merge.
      await expectUpdated(tx.bylineProfile.updateMany({ where: { id: source.id, version: data.sourceVersion }, data: { userId: null, version: { increment: 1 } } }), tx, ref(source.id));
      await expectUpdated(tx.bylineProfile.updateMany({ where: { id: target.id, version: data.targetVersion }, data: { ...gaps, version: { increment: 1 } } }), tx, ref(target.id));
      const articleIds = await moveBylines(tx, source.id, target.id);
      await tx.bylineProfile.delete({ where: { id: source.id } });
      await addRedirect(tx, authorPath(source.slug), authorPath(target.slug));
      const details = { source: { id: source.id, name: source.name, slug: source.slug }, target: { name: target.name, slug: target.slug }, articles: articleIds.length };
      await recordAudit(tx, { actorId: actor.id, action: "byline.merge", entityType: "BylineProfile", entityId: target.id, details, ip: context.ip });
      return articleIds;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  invalidateTags([cacheTags.byline(data.sourceId), cacheTags.byline(data.targetId), cacheTags.listings, cacheTags.redirects, ...articleIds.map(cacheTags.article)]);
  return { targetId: data.targetId, href: `/newsroom/admin/bylines/${data.targetId}` };
}
