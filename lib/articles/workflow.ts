// A story's life: DRAFT -> IN_REVIEW -> SCHEDULED/PUBLISHED -> UNPUBLISHED (and back to DRAFT).
// Every step checks permission and the version the person saw, writes in one transaction with an
// audit entry, and refreshes the public pages the story appears on.
import "server-only";
import { z } from "zod";
import { idInput } from "../text-input";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { recordAudit } from "../audit/record";
import { listPublishProblems, publishRefusal } from "./publish/publish-gate";
import { keepRevision } from "./history/revisions";
import { readSnapshot } from "./history/snapshot";
import { claimVersion, loadForWrite, staleStoryError } from "./save/save-article";
import { readPageKeys, refreshPublicPages } from "./refresh";
import { reindexArticle } from "../search/index-article";
import { articleHref } from "./href";
import { foldWorkingCopy } from "./publish/update-live";
import { revokeAllPreviewLinks } from "./preview";
import { assertReleasedAt } from "./embargo/embargo-rules";
import { formatDateTime } from "../format-date";
import { canStepFrom, isWorkflowStep, WORKFLOW_STEPS, type StoryStatus, type WorkflowStep } from "./workflow-steps";

const TransitionInput = z.object({ articleId: idInput(), expectedVersion: z.number().int().positive() });
const ScheduleInput = TransitionInput.extend({ publishAt: z.coerce.date() });

// href: where readers find the story now (its section and slug may have changed since it was opened).
export type TransitionResult = { status: StoryStatus; version: number; publishedAt: string | null; publishAt: string | null; href: string | null };

async function assertPublishable(tx: Tx, articleId: string, at: Date): Promise<void> {
  const problems = await listPublishProblems(tx, articleId, at);
  if (problems.length) throw publishRefusal(problems);
}

async function transition(actor: Actor | null, name: WorkflowStep, raw: unknown, publishAt?: Date): Promise<TransitionResult> {
  const step = WORKFLOW_STEPS[name];
  const input = TransitionInput.parse(raw);
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const current = await loadForWrite(tx, input.articleId);
    assertCan(actor, step.action, current);
    if (current.version !== input.expectedVersion) throw staleStoryError(current, input.expectedVersion);
    if (!canStepFrom(name, current.status)) {
      throw new AppError("CONFLICT", `A ${current.status.toLowerCase().replace("_", " ")} story cannot be moved to ${step.to.toLowerCase().replace("_", " ")}.`);
    }
    // Refused before anything is written: the embargo's time is named in the 409.
    if (step.to === "PUBLISHED") assertReleasedAt(current.embargoUntil, now, "published");
    if (step.to === "SCHEDULED") assertReleasedAt(current.embargoUntil, publishAt!, `scheduled for ${formatDateTime(publishAt!.toISOString())}`);
    // Leaving the live states, or publishing a scheduled story now: its working copy (if any)
    // becomes the story, so what the editor sees is what is published or kept.
    if (step.to !== "SCHEDULED") await foldWorkingCopy(tx, current, actor.id);
    if (step.to === "PUBLISHED") await assertPublishable(tx, current.id, now);
    if (step.to === "SCHEDULED") await assertPublishable(tx, current.id, publishAt!);
    const isPublishing = step.to === "PUBLISHED";
    await claimVersion(tx, current.id, input.expectedVersion, actor.id);
    const article = await tx.article.update({
      where: { id: current.id },
      data: {
        status: step.to,
        publishAt: step.to === "SCHEDULED" ? publishAt : null,
        ...(isPublishing ? { publishedAt: now } : {}),
      },
      select: { status: true, version: true, publishedAt: true, publishAt: true, firstPublishedAt: true, slug: true, section: { select: { slug: true } } },
    });
    await reindexArticle(tx, current.id);
    if (step.to === "UNPUBLISHED") await revokeAllPreviewLinks(tx, current.id);
    if (isPublishing && !article.firstPublishedAt) await tx.article.update({ where: { id: current.id }, data: { firstPublishedAt: now } });
    if (isPublishing) await keepRevision(tx, { articleId: current.id, articleVersion: article.version, authorId: actor.id, kind: "PUBLISH", snapshot: await readSnapshot(tx, current.id) });
    await recordAudit(tx, {
      actorId: actor.id,
      action: step.audit,
      entityType: "Article",
      entityId: current.id,
      details: { from: current.status, to: step.to, ...(publishAt ? { publishAt: publishAt.toISOString() } : {}) },
    });
    const touchesPublic = current.status === "PUBLISHED" || isPublishing;
    return { article, keys: touchesPublic ? await readPageKeys(tx, current.id) : null };
  });
  if (result.keys) refreshPublicPages(result.keys);
  const { article } = result;
  return {
    status: article.status,
    version: article.version,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    publishAt: article.publishAt?.toISOString() ?? null,
    href: article.section ? articleHref(article.section.slug, article.slug) : null,
  };
}

export const submitForReview = (actor: Actor | null, input: unknown) => transition(actor, "submit", input);
export const publishArticle = (actor: Actor | null, input: unknown) => transition(actor, "publish", input);
export const unpublishArticle = (actor: Actor | null, input: unknown) => transition(actor, "unpublish", input);
export const returnToDraft = (actor: Actor | null, input: unknown) => transition(actor, "returnToDraft", input);

export async function scheduleArticle(actor: Actor | null, raw: unknown): Promise<TransitionResult> {
  const { publishAt } = ScheduleInput.parse(raw);
  if (publishAt.getTime() <= Date.now() + 30_000) throw new AppError("INVALID", "Choose a publication time in the future (or publish now).");
  return transition(actor, "schedule", raw, publishAt);
}

// The editor's one door to the workflow: any declared step, by name (a caller may post any name).
export async function takeWorkflowStep(actor: Actor | null, step: unknown, input: unknown): Promise<TransitionResult> {
  if (!isWorkflowStep(step)) throw new AppError("INVALID", "That is not a step in a story's workflow.");
  return step === "schedule" ? scheduleArticle(actor, input) : transition(actor, step, input);
}
