// Writes to newsletters (admins): create, change settings, archive or bring back, and make one
// the site's main newsletter (what a sign-up block offers when it names none). Exactly one
// newsletter is main at any time: the first one made is, and making another main unsets the old
// one in the same transaction.
import "server-only";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../concurrency";
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { NEWSLETTER_ARCHIVE_TAG } from "./editions/archive";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { toSlug } from "../slug";
import { CreateNewsletterInput, NewsletterRef, SetArchivedInput, UpdateNewsletterInput, withScheduleDays } from "./schema";

const ref = (id: string) => ({ entityType: "Newsletter", entityId: id, label: "this newsletter" });
const SLUG_TAKEN = "Another newsletter was just created with that name; try again.";

// The slug is made once, from the first name: archive links and sign-up blocks keep working
// after a rename. A name whose slug is taken gets the next free "-2", "-3"…
async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = toSlug(name);
  if (!base) throw new AppError("INVALID", "Please fix: name: a newsletter's name needs letters or digits.", { fields: { name: "needs letters or digits" } });
  const taken = new Set((await tx.newsletter.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

async function loadNewsletter(tx: Tx, id: string) {
  const newsletter = await tx.newsletter.findUnique({ where: { id } });
  if (!newsletter) throw notFound("That newsletter");
  return newsletter;
}

// Sign-up blocks on story pages show the main newsletter and its consent text; the public
// archive shows newsletters' names.
function afterNewsletterChange(): void {
  invalidateTags([cacheTags.newsletters, NEWSLETTER_ARCHIVE_TAG]);
}

export async function createNewsletter(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string; slug: string; href: string }> {
  assertCan(actor, "newsletter.manage");
  const fields = CreateNewsletterInput.parse(withScheduleDays(input));
  const created = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const slug = await freeSlug(tx, fields.name);
        const isMain = (await tx.newsletter.count({ where: { isMain: true } })) === 0;
        const newsletter = await tx.newsletter.create({ data: { ...fields, slug, isMain }, select: { id: true, slug: true } });
        await recordAudit(tx, { actorId: actor.id, action: "newsletter.create", entityType: "Newsletter", entityId: newsletter.id, details: { ...fields, slug, isMain }, ip: context.ip });
        return newsletter;
      }),
    SLUG_TAKEN,
  );
  afterNewsletterChange();
  return { ...created, href: `/newsroom/newsletters/${created.id}/settings` };
}

export async function updateNewsletter(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "newsletter.manage");
  const { id, version, ...fields } = UpdateNewsletterInput.parse(withScheduleDays(input));
  await db.$transaction(async (tx) => {
    const before = await loadNewsletter(tx, id);
    await expectUpdated(tx.newsletter.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } }), tx, ref(id));
    const changed = Object.fromEntries(
      Object.entries(fields)
        .filter(([key, value]) => before[key as keyof typeof fields] !== value)
        .map(([key, value]) => [key, { from: before[key as keyof typeof fields], to: value }]),
    );
    await recordAudit(tx, { actorId: actor.id, action: "newsletter.update", entityType: "Newsletter", entityId: id, details: changed, ip: context.ip });
  });
  afterNewsletterChange();
}

export async function setNewsletterArchived(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "newsletter.manage");
  const { id, version, isArchived } = SetArchivedInput.parse(input);
  await db.$transaction(async (tx) => {
    const newsletter = await loadNewsletter(tx, id);
    if (isArchived && newsletter.isMain) throw new AppError("CONFLICT", "This is the main newsletter: make another newsletter the main one before archiving it.");
    await expectUpdated(tx.newsletter.updateMany({ where: { id, version }, data: { isArchived, version: { increment: 1 } } }), tx, ref(id));
    await recordAudit(tx, { actorId: actor.id, action: isArchived ? "newsletter.archive" : "newsletter.unarchive", entityType: "Newsletter", entityId: id, ip: context.ip });
  });
  afterNewsletterChange();
}

export async function makeMainNewsletter(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "newsletter.manage");
  const { id, version } = NewsletterRef.parse(input);
  await db.$transaction(async (tx) => {
    const newsletter = await loadNewsletter(tx, id);
    if (newsletter.isArchived) throw new AppError("CONFLICT", "An archived newsletter cannot be the main one: bring it back first.");
    const previous = await tx.newsletter.findFirst({ where: { isMain: true }, select: { id: true, name: true } });
    // Every row, not just the current main one: on PostgreSQL a concurrent call then waits for
    // this one's row locks and re-reads, so two calls at once still leave exactly one main.
    await tx.newsletter.updateMany({ where: {}, data: { isMain: false } });
    await expectUpdated(tx.newsletter.updateMany({ where: { id, version }, data: { isMain: true, version: { increment: 1 } } }), tx, ref(id));
    const details = { previous: previous && previous.id !== id ? previous : null };
    await recordAudit(tx, { actorId: actor.id, action: "newsletter.makeMain", entityType: "Newsletter", entityId: id, details, ip: context.ip });
  });
  afterNewsletterChange();
}
