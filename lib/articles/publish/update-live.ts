// Putting a live story's working copy live ("Update live story"), now or at a set time, or
// throwing it away ("Discard changes"). The only way a save reaches readers of a published
// story: the same publish gate as publishing, a revision marked PUBLISH, an audit entry with
// what changed, and a refresh of exactly the pages that show the story, all in one transaction.
import "server-only";
import { z } from "zod";
import { textInput, idInput } from "../../text-input";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { recordAudit } from "../../audit/record";
import { parseBody, parseStoryBody } from "../../editor/validate";
import { indexArticle } from "../../search/index-article";
import { compareSnapshots } from "../history/compare-snapshots";
import { listPublishProblems } from "./publish-gate";
import { readPageKeys, refreshPublicPages, type PageKeys } from "../refresh";
import { keepRevision } from "../history/revisions";
import { addSlugRedirect, claimVersion, loadForWrite, staleStoryError, writeArticle } from "../save/save-article";
import { readSnapshot, type ArticleSnapshot } from "../history/snapshot";
import { assertReleasedAt } from "../embargo/embargo-rules";
import { keepsWorkingCopy, normalizeSnapshot, readWorkingCopy } from "./working-copy";

const recordRef = { articleId: idInput(), expectedVersion: z.number().int().positive() };
const NoteInput = z.object({ kind: z.enum(["CORRECTION", "UPDATE"]), text: textInput().min(5, "say what was corrected or updated").max(1000) });
const UpdateLiveInput = z.object({ ...recordRef, note: NoteInput.nullish() });
const DiscardInput = z.object(recordRef);
const ScheduleUpdateInput = z.object({ ...recordRef, updateAt: z.coerce.date().nullable() });

export type LiveUpdateResult = { version: number; updatedAt: string };
type Current = Awaited<ReturnType<typeof loadForWrite>>;

async function loadLive(tx: Tx, actor: Actor | null, action: "article.publish" | "article.edit", articleId: string, expectedVersion: number): Promise<Current> {
  const current = await loadForWrite(tx, articleId);
  assertCan(actor, action, current);
  if (current.version !== expectedVersion) throw staleStoryError(current, expectedVersion);
  if (!keepsWorkingCopy(current.status)) throw new AppError("CONFLICT", "Only a published or scheduled story has a live version; this one is saved directly.");
  return current;
}

// A short, readable account of what changed, for the audit log.
function summarize(live: ArticleSnapshot, working: ArticleSnapshot) {
  const { fields, body } = compareSnapshots(normalizeSnapshot(live), normalizeSnapshot(working));
  const clip = (text: string) => (text.length > 240 ? `${text.slice(0, 239)}…` : text);
  return {
    fields: fields.map((f) => ({ field: f.field, before: clip(f.before), after: clip(f.after) })),
    body: { added: body.filter((l) => l.kind === "added").length, removed: body.filter((l) => l.kind === "removed").length },
  };
}

// Writes the working copy into the story's own rows (checked exactly as a save), then asks the
// publish gate; a refusal throws, so the caller's transaction leaves the live story untouched.
async function applyWorkingCopy(tx: Tx, current: Current, editorId: string | null, at: Date) {
  const working = await readWorkingCopy(tx, current.id);
  if (!working) throw new AppError("CONFLICT", "There are no unpublished changes: the live story is already the latest version.");
  const live = await readSnapshot(tx, current.id);
  const body = parseStoryBody(working.body);
  const sidebars = working.sidebars.map((s) => ({ ...s, body: parseBody(s.body, "sidebar") }));
  const written = await writeArticle(tx, current.id, current.heroCaptionId, { ...working, body: body.doc }, body, sidebars, editorId);
  const problems = await listPublishProblems(tx, current.id, at);
  if (problems.length) {
    const messages = problems.map((p) => p.message);
    throw new AppError("INVALID", `The live story cannot be updated yet: ${messages.join(" ")}`, { problems: messages, publishProblems: problems });
  }
  await tx.workingCopy.delete({ where: { articleId: current.id } });
  if (current.status === "PUBLISHED") await addSlugRedirect(tx, current, written);
  await indexArticle(tx, current.id, written.search);
  return { changes: summarize(live, working), written };
}

type UpdateOptions = { actorId: string | null; note?: z.infer<typeof NoteInput> | null; scheduledBy?: string | null };

async function updateLive(tx: Tx, current: Current, options: UpdateOptions, at: Date): Promise<{ result: LiveUpdateResult; keys: PageKeys[] }> {
  // A live story cannot be embargoed (embargo-commands.ts refuses it); should one be, nothing new goes out.
  if (current.status === "PUBLISHED") assertReleasedAt(current.embargoUntil, at, "updated live");
  const before = current.status === "PUBLISHED" ? await readPageKeys(tx, current.id) : null;
  const version = await claimVersion(tx, current.id, current.version, options.actorId);
  const { changes, written } = await applyWorkingCopy(tx, current, options.actorId, at);
  const note =
    options.note && current.status === "PUBLISHED" ? await tx.articleNote.create({ data: { articleId: current.id, kind: options.note.kind, text: options.note.text, authorId: options.actorId } }) : null;
  await keepRevision(tx, { articleId: current.id, articleVersion: version, authorId: options.actorId, kind: "PUBLISH", snapshot: written.snapshot });
  await recordAudit(tx, {
    actorId: options.actorId,
    action: "article.update-live",
    entityType: "Article",
    entityId: current.id,
    details: {
      version,
      ...changes,
      ...(note ? { noteId: note.id, note: `${note.kind.toLowerCase()}: ${note.text}` } : {}),
      ...(options.scheduledBy !== undefined ? { scheduled: true, scheduledBy: options.scheduledBy } : {}),
    },
  });
  return { result: { version, updatedAt: written.updatedAt.toISOString() }, keys: before ? [before, written.pageKeys] : [] };
}

export async function updateLiveStory(actor: Actor | null, raw: unknown): Promise<LiveUpdateResult> {
  const input = UpdateLiveInput.parse(raw);
  const { result, keys } = await db.$transaction(async (tx) => {
    const current = await loadLive(tx, actor, "article.publish", input.articleId, input.expectedVersion);
    return updateLive(tx, current, { actorId: actor!.id, note: input.note }, new Date());
  });
  if (keys.length) refreshPublicPages(...keys);
  return result;
}

export async function discardChanges(actor: Actor | null, raw: unknown): Promise<LiveUpdateResult> {
  const input = DiscardInput.parse(raw);
  return db.$transaction(async (tx) => {
    const current = await loadLive(tx, actor, "article.edit", input.articleId, input.expectedVersion);
    const working = await readWorkingCopy(tx, current.id);
    if (!working) throw new AppError("CONFLICT", "There are no unpublished changes to discard.");
    const version = await claimVersion(tx, current.id, current.version, actor!.id);
    await tx.workingCopy.delete({ where: { articleId: current.id } });
    // The discarded words stay in the history (as the last save's revision); this one is live again.
    const live = await readSnapshot(tx, current.id);
    await keepRevision(tx, { articleId: current.id, articleVersion: version, authorId: actor!.id, kind: "RESTORE", snapshot: live });
    await recordAudit(tx, {
      actorId: actor!.id,
      action: "article.discard-changes",
      entityType: "Article",
      entityId: current.id,
      details: { version, ...summarize(live, working) },
    });
    return { version, updatedAt: new Date().toISOString() };
  });
}

// "Update live story at 18:00" (or cancel it with updateAt null). The gate is asked now, on the
// working copy as it stands, and again by the scheduler when the time comes.
export async function scheduleLiveUpdate(actor: Actor | null, raw: unknown): Promise<LiveUpdateResult & { updateAt: string | null }> {
  const input = ScheduleUpdateInput.parse(raw);
  if (input.updateAt && input.updateAt.getTime() <= Date.now() + 30_000) throw new AppError("INVALID", "Choose a time in the future for the update (or update the live story now).");
  if (input.updateAt) await assertWorkingCopyPublishable(actor, input.articleId, input.expectedVersion, input.updateAt);
  return db.$transaction(async (tx) => {
    const current = await loadLive(tx, actor, "article.publish", input.articleId, input.expectedVersion);
    if (!(await readWorkingCopy(tx, current.id))) throw new AppError("CONFLICT", "There are no unpublished changes to schedule.");
    const version = await claimVersion(tx, current.id, current.version, actor!.id);
    await tx.workingCopy.update({ where: { articleId: current.id }, data: { updateAt: input.updateAt, updateById: input.updateAt ? actor!.id : null } });
    await recordAudit(tx, {
      actorId: actor!.id,
      action: input.updateAt ? "article.schedule-update" : "article.cancel-scheduled-update",
      entityType: "Article",
      entityId: current.id,
      details: { version, ...(input.updateAt ? { updateAt: input.updateAt.toISOString() } : {}) },
    });
    return { version, updatedAt: new Date().toISOString(), updateAt: input.updateAt?.toISOString() ?? null };
  });
}

class DryRun extends Error {}

// Asks the gate about the working copy by applying it in a transaction that is always rolled
// back. (The version named is checked again by the transaction that schedules.)
async function assertWorkingCopyPublishable(actor: Actor | null, articleId: string, expectedVersion: number, at: Date): Promise<void> {
  const refused = await db
    .$transaction(async (tx) => {
      const current = await loadLive(tx, actor, "article.publish", articleId, expectedVersion);
      await applyWorkingCopy(tx, current, null, at);
      throw new DryRun();
    })
    .catch((error: unknown) => (error instanceof DryRun ? null : error));
  if (refused) throw refused;
}

// The scheduler's part: each working copy whose time has come is put live in its own
// transaction; one the gate refuses keeps its changes, loses its time, and the log says why.
export async function applyDueLiveUpdates(now: Date = new Date()): Promise<{ updated: string[]; refused: { id: string; problems: string[] }[] }> {
  const due = await db.workingCopy.findMany({ where: { updateAt: { lte: now } }, select: { articleId: true, updateById: true }, orderBy: { updateAt: "asc" }, take: 200 });
  const report = { updated: [] as string[], refused: [] as { id: string; problems: string[] }[] };
  for (const { articleId, updateById } of due) {
    try {
      const outcome = await db.$transaction(async (tx) => {
        const claimed = await tx.workingCopy.updateMany({ where: { articleId, updateAt: { lte: now } }, data: { updateAt: null } });
        if (claimed.count === 0) return null;
        const current = await loadForWrite(tx, articleId);
        if (!keepsWorkingCopy(current.status)) return null;
        return updateLive(tx, current, { actorId: null, scheduledBy: updateById }, now);
      });
      if (!outcome) continue;
      if (outcome.keys.length) refreshPublicPages(...outcome.keys);
      report.updated.push(articleId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const problems = (error.details as { problems?: string[] } | undefined)?.problems ?? [error.message];
      await db.$transaction(async (tx) => {
        await tx.workingCopy.updateMany({ where: { articleId }, data: { updateAt: null } });
        await recordAudit(tx, { actorId: null, action: "article.update-live-failed", entityType: "Article", entityId: articleId, details: { problems } });
      });
      report.refused.push({ id: articleId, problems });
    }
  }
  return report;
}

// Before a story leaves the live states (unpublished, back to draft) or is published at once
// from scheduled, its working copy becomes the story itself, so no saved word is lost.
export async function foldWorkingCopy(tx: Tx, current: Current, editorId: string): Promise<void> {
  const working = await readWorkingCopy(tx, current.id);
  if (!working) return;
  const body = parseStoryBody(working.body);
  const sidebars = working.sidebars.map((s) => ({ ...s, body: parseBody(s.body, "sidebar") }));
  await writeArticle(tx, current.id, current.heroCaptionId, { ...working, body: body.doc }, body, sidebars, editorId);
  await tx.workingCopy.delete({ where: { articleId: current.id } });
}
