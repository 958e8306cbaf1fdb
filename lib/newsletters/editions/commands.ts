// Editing an edition before it goes: its subject and introduction, the order of its stories,
// taking one out, adding a published one, cancelling it. Each command: permission -> zod ->
// transaction -> version guard (409 naming who saved in between) -> audit. Only a DRAFT or a
// SCHEDULED edition changes; the guard also names the status, so a send that started meanwhile
// wins over an edit.
import "server-only";
import { recordAudit } from "../../audit/record";
import { publicArticleWhere } from "../../articles/embargo/visibility";
import { notFound, staleRecordError } from "../../concurrency";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/sqlite/client";
import { assertCan, type Actor } from "../../permissions";
import { CancelInput, EditionTextInput, ItemInput, MoveItemInput, RemoveItemInput } from "./schema";

export const EDITABLE_STATUSES = ["DRAFT", "SCHEDULED"] as const;
export const MAX_ITEMS = 40;

type EditionRow = { id: string; status: string; version: number };
type Change = { action: string; details: Prisma.InputJsonValue; data?: Prisma.EditionUpdateManyMutationInput };

const STATUS_WORDS: Record<string, string> = { SENDING: "being sent", SENT: "sent", CANCELLED: "cancelled" };

// Claims the version the editor saw (and the edition's editable status) before `change` runs.
async function editEdition(actor: Actor | null, input: { editionId: string; version: number }, change: (tx: Tx, edition: EditionRow) => Promise<Change>): Promise<{ version: number }> {
  assertCan(actor, "edition.edit");
  const actorId = actor.id;
  await db.$transaction(async (tx) => {
    const edition = await tx.edition.findUnique({ where: { id: input.editionId }, select: { id: true, status: true, version: true } });
    if (!edition) throw notFound("That edition");
    if (!(EDITABLE_STATUSES as readonly string[]).includes(edition.status))
      throw new AppError("CONFLICT", `This edition has been ${STATUS_WORDS[edition.status] ?? edition.status.toLowerCase()} and can no longer be changed.`);
    const stale = () => staleRecordError(tx, { entityType: "Edition", entityId: edition.id, label: "this edition" });
    if (edition.version !== input.version) throw await stale();
    const result = await change(tx, edition);
    const claimed = await tx.edition.updateMany({
      where: { id: edition.id, version: input.version, status: { in: [...EDITABLE_STATUSES] } },
      data: { ...result.data, version: { increment: 1 } },
    });
    // Someone saved (or a send started) between the read above and here.
    if (claimed.count === 0) throw await stale();
    await recordAudit(tx, { actorId, action: result.action, entityType: "Edition", entityId: edition.id, details: result.details });
  });
  return { version: input.version + 1 };
}

async function orderedItems(tx: Tx, editionId: string) {
  return tx.editionItem.findMany({ where: { editionId }, orderBy: [{ position: "asc" }, { articleId: "asc" }], select: { articleId: true, article: { select: { headline: true } } } });
}

// Positions 0..n-1 in the given order.
async function renumber(tx: Tx, editionId: string, articleIds: string[]): Promise<void> {
  for (const [position, articleId] of articleIds.entries()) await tx.editionItem.update({ where: { editionId_articleId: { editionId, articleId } }, data: { position } });
}

function findItem<T extends { articleId: string }>(items: T[], articleId: string): number {
  const index = items.findIndex((item) => item.articleId === articleId);
  if (index < 0) throw new AppError("NOT_FOUND", "That story is no longer in this edition: reload the page.");
  return index;
}

export async function updateEditionText(actor: Actor | null, raw: unknown) {
  const input = EditionTextInput.parse(raw);
  return editEdition(actor, input, async (tx, edition) => {
    const before = await tx.edition.findUniqueOrThrow({ where: { id: edition.id }, select: { subject: true, intro: true } });
    const details = { subject: { from: before.subject, to: input.subject }, introChanged: before.intro !== input.intro };
    return { action: "edition.edit-text", details, data: { subject: input.subject, intro: input.intro } };
  });
}

export async function moveEditionItem(actor: Actor | null, raw: unknown) {
  const input = MoveItemInput.parse(raw);
  return editEdition(actor, input, async (tx, edition) => {
    const items = await orderedItems(tx, edition.id);
    const from = findItem(items, input.articleId);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= items.length) throw new AppError("INVALID", `That story is already ${input.direction === "up" ? "first" : "last"}.`);
    [items[from], items[to]] = [items[to], items[from]];
    await renumber(
      tx,
      edition.id,
      items.map((item) => item.articleId),
    );
    return { action: "edition.move-story", details: { headline: items[to].article.headline, from: from + 1, to: to + 1 } };
  });
}

export async function removeEditionItem(actor: Actor | null, raw: unknown) {
  const input = RemoveItemInput.parse(raw);
  return editEdition(actor, input, async (tx, edition) => {
    const items = await orderedItems(tx, edition.id);
    const index = findItem(items, input.articleId);
    await tx.editionItem.delete({ where: { editionId_articleId: { editionId: edition.id, articleId: input.articleId } } });
    await renumber(
      tx,
      edition.id,
      items.filter((item) => item.articleId !== input.articleId).map((item) => item.articleId),
    );
    return { action: "edition.remove-story", details: { headline: items[index].article.headline, position: index + 1 } };
  });
}

// A published story readers may see, at the end of the edition under its section's name.
export async function addEditionStory(actor: Actor | null, raw: unknown) {
  const input = ItemInput.parse(raw);
  return editEdition(actor, input, async (tx, edition) => {
    const story = await tx.article.findFirst({
      where: { id: input.articleId, ...publicArticleWhere(), deletedAt: null, sectionId: { not: null } },
      select: { id: true, headline: true, section: { select: { name: true } } },
    });
    if (!story) throw new AppError("INVALID", "Only a published story readers can see (not a draft, a scheduled or an embargoed one) can go into an edition.");
    const items = await orderedItems(tx, edition.id);
    if (items.some((item) => item.articleId === story.id)) throw new AppError("CONFLICT", `"${story.headline}" is already in this edition.`);
    if (items.length >= MAX_ITEMS) throw new AppError("INVALID", `An edition holds at most ${MAX_ITEMS} stories: remove one first.`);
    await tx.editionItem.create({ data: { editionId: edition.id, articleId: story.id, position: items.length, heading: story.section?.name ?? "" } });
    return { action: "edition.add-story", details: { headline: story.headline, position: items.length + 1 } };
  });
}

export async function cancelEdition(actor: Actor | null, raw: unknown) {
  const input = CancelInput.parse(raw);
  return editEdition(actor, input, async (_tx, edition) => ({ action: "edition.cancel", details: { status: { from: edition.status, to: "CANCELLED" } }, data: { status: "CANCELLED" } }));
}
