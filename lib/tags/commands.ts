// Writes to tags: create, rename (the old tag page redirects) and merge (every story tagged with
// the source gets the target instead; the source's page redirects to the target's).
import "server-only";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../concurrency";
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { addRedirect, removeRedirectFrom } from "../redirects/commands";
import { toSlug } from "../redirects/slug";
import { CreateTagInput, MergeTagsInput, RenameTagInput } from "./schema";
import { renameTagInWorkingCopies } from "../articles/publish/working-copy";

const tagPath = (slug: string) => `/tag/${slug}`;
const ref = (id: string) => ({ entityType: "Tag", entityId: id, label: "this tag" });
const TAKEN = "Another tag already has that name; merge into it instead.";

async function checkName(tx: Tx, name: string, exceptId?: string): Promise<string> {
  const slug = toSlug(name);
  if (!slug) throw new AppError("INVALID", "Please fix: name: a tag needs letters or digits.");
  const other = (await tx.tag.findMany({ where: { OR: [{ name }, { slug }] }, select: { id: true, name: true } })).find((tag) => tag.id !== exceptId);
  if (other) throw new AppError("CONFLICT", `The tag "${other.name}" already exists (/tag/${slug}). Merge into it instead.`);
  return slug;
}

async function loadTag(tx: Tx, id: string) {
  const tag = await tx.tag.findUnique({ where: { id }, select: { id: true, name: true, slug: true } });
  if (!tag) throw notFound("That tag");
  return tag;
}

export async function createTag(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; slug: string }> {
  assertCan(actor, "tag.manage");
  const { name } = CreateTagInput.parse(input);
  const tag = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const slug = await checkName(tx, name);
        const created = await tx.tag.create({ data: { name, slug }, select: { id: true, slug: true } });
        await removeRedirectFrom(tx, tagPath(slug));
        await recordAudit(tx, { actorId: actor.id, action: "tag.create", entityType: "Tag", entityId: created.id, details: { name, slug }, ip: context.ip });
        return created;
      }),
    TAKEN,
  );
  invalidateTags([cacheTags.listings, cacheTags.redirects]);
  return tag;
}

export async function renameTag(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ slug: string }> {
  assertCan(actor, "tag.manage");
  const { id, version, name } = RenameTagInput.parse(input);
  const slug = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const before = await loadTag(tx, id);
        const slug = await checkName(tx, name, id);
        await expectUpdated(tx.tag.updateMany({ where: { id, version }, data: { name, slug, version: { increment: 1 } } }), tx, ref(id));
        await addRedirect(tx, tagPath(before.slug), tagPath(slug));
        await renameTagInWorkingCopies(tx, before.name, name);
        const details = { name: { from: before.name, to: name }, slug: { from: before.slug, to: slug } };
        await recordAudit(tx, { actorId: actor.id, action: "tag.rename", entityType: "Tag", entityId: id, details, ip: context.ip });
        return slug;
      }),
    TAKEN,
  );
  invalidateTags([cacheTags.tag(id), cacheTags.listings, cacheTags.redirects]);
  return { slug };
}

async function moveArticleTags(tx: Tx, sourceId: string, targetId: string): Promise<string[]> {
  const rows = await tx.articleTag.findMany({ where: { tagId: sourceId }, select: { articleId: true, position: true } });
  for (const row of rows) {
    const shared = await tx.articleTag.findUnique({ where: { articleId_tagId: { articleId: row.articleId, tagId: targetId } } });
    await tx.articleTag.delete({ where: { articleId_tagId: { articleId: row.articleId, tagId: sourceId } } });
    if (!shared) await tx.articleTag.create({ data: { articleId: row.articleId, tagId: targetId, position: row.position } });
    else if (row.position < shared.position) await tx.articleTag.update({ where: { articleId_tagId: { articleId: row.articleId, tagId: targetId } }, data: { position: row.position } });
  }
  return rows.map((row) => row.articleId);
}

export async function mergeTags(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ targetId: string }> {
  assertCan(actor, "tag.manage");
  const data = MergeTagsInput.parse(input);
  const articleIds = await db.$transaction(
    async (tx) => {
      const [source, target] = await Promise.all([loadTag(tx, data.sourceId), loadTag(tx, data.targetId)]);
      await expectUpdated(tx.tag.updateMany({ where: { id: source.id, version: data.sourceVersion }, data: { version: { increment: 1 } } }), tx, ref(source.id));
      await expectUpdated(tx.tag.updateMany({ where: { id: target.id, version: data.targetVersion }, data: { version: { increment: 1 } } }), tx, ref(target.id));
      const articleIds = await moveArticleTags(tx, source.id, target.id);
      await renameTagInWorkingCopies(tx, source.name, target.name);
      await tx.tag.delete({ where: { id: source.id } });
      await addRedirect(tx, tagPath(source.slug), tagPath(target.slug));
      const details = { source: { id: source.id, name: source.name, slug: source.slug }, target: { name: target.name, slug: target.slug }, articles: articleIds.length };
      await recordAudit(tx, { actorId: actor.id, action: "tag.merge", entityType: "Tag", entityId: target.id, details, ip: context.ip });
      return articleIds;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  invalidateTags([cacheTags.tag(data.sourceId), cacheTags.tag(data.targetId), cacheTags.listings, cacheTags.redirects, ...articleIds.map(cacheTags.article)]);
  return { targetId: data.targetId };
}
