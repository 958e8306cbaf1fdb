// Live coverage writes: the coverage itself (coverage-commands.ts) and its entries (here). Every
// command: permission (lib/permissions.ts: the desk, or a contributor on the story's byline for
// their own entries) -> zod -> one transaction (entry version guard, then the reader change with
// its seq, lib/live/sequence.ts) -> audit -> the story's page refreshed after commit.
// A delete is a tombstone: the entry keeps its row with deletedAt, readers are told it is gone, and
// every later write to it is refused (410), so nothing brings it back.
import "server-only";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { staleRecordError, type RecordRef } from "../concurrency";
import { assertCan, type Actor } from "../permissions";
import { recordAudit } from "../audit/record";
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import type { Prisma } from "../generated/sqlite/client";
import { EditEntryInput, EntryFlagInput, EntryRefInput, PostEntryInput } from "./schema";
import { checkEntryAuthors, checkEntryBody } from "./entry-body";
import { loadCoverageForWrite, loadEntryForWrite, refuseDeleted } from "./load";
import { recordLiveChange, type LiveChangeKind } from "./sequence";
import { liveBus } from "./bus";

export { makeLiveCoverage, updateCoverage, type CoverageResult } from "./coverage-commands";

export type EntryResult = { id: string; version: number; seq: number | null };

const entryRecord = (id: string): RecordRef => ({ entityType: "LiveEntry", entityId: id, label: "this entry" });

// A little slack for the clocks of the reporter's device and the server.
const FUTURE_SLACK_MS = 60_000;

function refuseFuture(postedAt: Date, now: Date): void {
  if (postedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) throw new AppError("INVALID", "Please fix: postedAt: an entry cannot be posted in the future.", { field: "postedAt" });
}

// The story's page shows the entries; listings do not. Its open streams are told after the
// cache is dropped, so what they read next is the committed change.
function refreshLivePage(articleId: string, seq: number): void {
  invalidateTags([cacheTags.article(articleId)]);
  liveBus.publish(articleId, seq);
}

type EntryWrite = Omit<Prisma.LiveEntryUpdateManyMutationInput, "version">;

// Bumps the entry's version if it is still the one the person saw and not deleted meanwhile.
// On PostgreSQL a concurrent write waits for this row's lock and then matches nothing.
async function claimEntry(tx: Tx, entryId: string, expectedVersion: number, data: EntryWrite): Promise<number> {
  const claimed = await tx.liveEntry.updateMany({ where: { id: entryId, version: expectedVersion, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
  if (claimed.count === 0) {
    const now = await tx.liveEntry.findUnique({ where: { id: entryId }, select: { deletedAt: true } });
    if (now) refuseDeleted(now);
    throw await staleRecordError(tx, entryRecord(entryId));
  }
  return expectedVersion + 1;
}

// The reader change and the audit entry of a write to one entry.
async function recordEntryWrite(tx: Tx, actor: Actor, entry: { id: string; articleId: string }, kind: LiveChangeKind, action: string): Promise<number> {
  const seq = await recordLiveChange(tx, entry.articleId, { kind, entryId: entry.id });
  await recordAudit(tx, { actorId: actor.id, action, entityType: "LiveEntry", entityId: entry.id, details: { articleId: entry.articleId, seq } });
  return seq;
}

function entryColumns(input: PostEntryInput | EditEntryInput) {
  return { type: input.type, keyEvent: input.keyEvent, homeScore: input.homeScore, awayScore: input.awayScore, minuteOrPeriod: input.minuteOrPeriod };
}

export async function postEntry(actor: Actor | null, raw: unknown): Promise<EntryResult> {
  assertCan(actor, "live.post");
  const input = PostEntryInput.parse(raw);
  const now = new Date();
  refuseFuture(input.postedAt ?? now, now);
  const result = await db.$transaction(async (tx) => {
    const { coverage, story } = await loadCoverageForWrite(tx, input.articleId);
    assertCan(actor, "live.post", story);
    if (coverage.status === "ENDED") throw new AppError("CONFLICT", "This live coverage has ended. An editor can set it live again to post more.");
    const body = await checkEntryBody(tx, input.body);
    const authorIds = await checkEntryAuthors(tx, input.authorIds, actor.id);
    const entry = await tx.liveEntry.create({
      data: {
        articleId: input.articleId,
        body: body.doc as Prisma.InputJsonValue,
        bodyText: body.text,
        postedAt: input.postedAt ?? now,
        ...entryColumns(input),
        createdById: actor.id,
        authors: { create: authorIds.map((profileId, position) => ({ profileId, position })) },
      },
      select: { id: true, articleId: true, version: true },
    });
    const seq = await recordEntryWrite(tx, actor, entry, "CREATED", "live.post");
    return { id: entry.id, version: entry.version, seq };
  });
  refreshLivePage(input.articleId, result.seq);
  return result;
}

// An edit keeps the entry's place unless postedAt is changed (the desk's "reorder by time").
export async function editEntry(actor: Actor | null, raw: unknown): Promise<EntryResult> {
  assertCan(actor, "live.editEntry");
  const input = EditEntryInput.parse(raw);
  refuseFuture(input.postedAt, new Date());
  const result = await db.$transaction(async (tx) => {
    const { entry, story } = await loadEntryForWrite(tx, input.entryId);
    assertCan(actor, "live.editEntry", story);
    refuseDeleted(entry);
    const body = await checkEntryBody(tx, input.body);
    const authorIds = input.authorIds === undefined ? entry.authors.map((author) => author.profileId) : await checkEntryAuthors(tx, input.authorIds, actor.id);
    const data = { body: body.doc as Prisma.InputJsonValue, bodyText: body.text, postedAt: input.postedAt, ...entryColumns(input) };
    const version = await claimEntry(tx, entry.id, input.expectedVersion, data);
    await tx.liveEntryAuthor.deleteMany({ where: { entryId: entry.id } });
    await tx.liveEntryAuthor.createMany({ data: authorIds.map((profileId, position) => ({ entryId: entry.id, profileId, position })) });
    const seq = await recordEntryWrite(tx, actor, entry, "EDITED", "live.edit");
    return { id: entry.id, articleId: entry.articleId, version, seq };
  });
  refreshLivePage(result.articleId, result.seq);
  return { id: result.id, version: result.version, seq: result.seq };
}

export async function deleteEntry(actor: Actor | null, raw: unknown): Promise<EntryResult> {
  assertCan(actor, "live.editEntry");
  const input = EntryRefInput.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const { entry, story } = await loadEntryForWrite(tx, input.entryId);
    assertCan(actor, "live.editEntry", story);
    refuseDeleted(entry);
    const version = await claimEntry(tx, entry.id, input.expectedVersion, { deletedAt: new Date(), pinned: false });
    const seq = await recordEntryWrite(tx, actor, entry, "DELETED", "live.delete");
    return { id: entry.id, articleId: entry.articleId, version, seq };
  });
  refreshLivePage(result.articleId, result.seq);
  return { id: result.id, version: result.version, seq: result.seq };
}

type Flag = "pinned" | "keyEvent";

// Pinning is the desk's; marking a key event follows the edit rule. Setting a flag to the value
// it has changes nothing (seq null).
async function setFlag(actor: Actor | null, raw: unknown, flag: Flag): Promise<EntryResult> {
  const action = flag === "pinned" ? "live.manage" : "live.editEntry";
  assertCan(actor, action);
  const input = EntryFlagInput.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const { entry, story } = await loadEntryForWrite(tx, input.entryId);
    assertCan(actor, action, story);
    refuseDeleted(entry);
    if (entry[flag] === input.value) return { id: entry.id, articleId: entry.articleId, version: entry.version, seq: null };
    const version = await claimEntry(tx, entry.id, input.expectedVersion, { [flag]: input.value });
    const kind = flag === "keyEvent" ? "EDITED" : input.value ? "PINNED" : "UNPINNED";
    const seq = await recordEntryWrite(tx, actor, entry, kind, flag === "pinned" ? (input.value ? "live.pin" : "live.unpin") : "live.key-event");
    return { id: entry.id, articleId: entry.articleId, version, seq };
  });
  if (result.seq !== null) refreshLivePage(result.articleId, result.seq);
  return { id: result.id, version: result.version, seq: result.seq };
}

export function setPinned(actor: Actor | null, raw: unknown): Promise<EntryResult> {
  return setFlag(actor, raw, "pinned");
}

export function setKeyEvent(actor: Actor | null, raw: unknown): Promise<EntryResult> {
  return setFlag(actor, raw, "keyEvent");
}
