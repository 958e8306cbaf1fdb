// Writes to sections. A section's slug is the first segment of its stories' addresses: changing
// it leaves a redirect from the old section page (story pages already redirect by their slug).
import "server-only";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../concurrency";
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { addRedirect, removeRedirectFrom } from "../redirects/commands";
import { slugOrFromName } from "../redirects/slug";
import { SECTIONS_TAG } from "./queries";
import { isReservedSlug } from "./reserved";
import { CreateSectionInput, UpdateSectionInput, type SectionFields } from "./schema";

const TAKEN = "Another section already has that name or address.";

async function checkNameAndSlug(tx: Tx, fields: SectionFields, slug: string, current?: { id: string; slug: string }): Promise<void> {
  if (!slug) throw new AppError("INVALID", "Please fix: slug: the name has no letters to make an address from; type a slug.");
  if (slug !== current?.slug && isReservedSlug(slug)) throw new AppError("INVALID", `Please fix: slug: /${slug} is used by the site itself; choose another address.`);
  const holders = await tx.section.findMany({ where: { OR: [{ name: fields.name }, { slug }] }, select: { id: true, name: true } });
  const other = holders.find((holder) => holder.id !== current?.id);
  if (other) throw new AppError("CONFLICT", `The section "${other.name}" already has that name or address (/${slug}).`);
}

function refreshSectionPages(id: string): void {
  invalidateTags([SECTIONS_TAG, cacheTags.section(id), cacheTags.listings, cacheTags.frontPage, cacheTags.feeds, cacheTags.redirects]);
}

export async function createSection(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; slug: string }> {
  assertCan(actor, "section.manage");
  const fields = CreateSectionInput.parse(input);
  const slug = slugOrFromName(fields.slug, fields.name);
  const section = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        await checkNameAndSlug(tx, fields, slug);
        const position = fields.position ?? (await tx.section.count());
        const created = await tx.section.create({ data: { name: fields.name, slug, description: fields.description, position }, select: { id: true, slug: true } });
        await removeRedirectFrom(tx, `/${slug}`);
        await recordAudit(tx, { actorId: actor.id, action: "section.create", entityType: "Section", entityId: created.id, details: { name: fields.name, slug }, ip: context.ip });
        return created;
      }),
    TAKEN,
  );
  refreshSectionPages(section.id);
  return section;
}

export async function updateSection(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ slug: string }> {
  assertCan(actor, "section.manage");
  const { id, version, ...fields } = UpdateSectionInput.parse(input);
  const slug = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.section.findUnique({ where: { id }, select: { name: true, slug: true, description: true, position: true } });
        if (!before) throw notFound("That section");
        // An empty slug keeps the current address.
        const slug = fields.slug ?? before.slug;
        await checkNameAndSlug(tx, fields, slug, { id, slug: before.slug });
        const data = { name: fields.name, slug, description: fields.description, position: fields.position ?? before.position, version: { increment: 1 } };
        await expectUpdated(tx.section.updateMany({ where: { id, version }, data }), tx, { entityType: "Section", entityId: id, label: "this section" });
        if (slug !== before.slug) await addRedirect(tx, `/${before.slug}`, `/${slug}`);
        const isRename = slug !== before.slug || fields.name !== before.name;
        const details = { name: { from: before.name, to: fields.name }, slug: { from: before.slug, to: slug } };
        await recordAudit(tx, { actorId: actor.id, action: isRename ? "section.rename" : "section.update", entityType: "Section", entityId: id, details, ip: context.ip });
        return slug;
      }),
    TAKEN,
  );
  refreshSectionPages(id);
  return { slug };
}
