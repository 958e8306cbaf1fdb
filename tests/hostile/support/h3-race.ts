// The race of tests/hostile/concurrency.test.ts, shared with its worker processes
// (h3-save-worker.ts): in each round every editor appends its own marker paragraph to the same
// version of one story and saves it, all at once. Afterwards each answered save is looked up: a
// save answered ok must still be in the story (every later accepted save started from it, so it
// carries the marker on) and in the revision history; a save refused with 409 must have written
// nothing. An ok save whose marker is not in the final story was silently overwritten: a lost update.
import { randomBytes } from "node:crypto";
import { runAction, type ActionResult } from "../../../lib/action-result";
import { db } from "../../../lib/db";
import { createArticle } from "../../../lib/articles/create-article";
import { saveArticle, type SaveResult } from "../../../lib/articles/save/save-article";
import type { ArticleInput } from "../../../lib/articles/schema";
import type { Actor } from "../../../lib/permissions";
import { currentInput, paragraph } from "../../fixtures/article-input";
import { createStaff } from "../../fixtures/staff";
import { saveWithoutVersionCheck } from "./h3-unguarded-save";

export type Variant = "guarded" | "unguarded";
export type RoundStart = { articleId: string; expectedVersion: number; article: ArticleInput };
export type Attempt = { editorId: string; marker: string };
export type Outcome = Attempt & { status: number; version: number | null; message: string };
export type Race = { articleId: string; editorIds: string[] };

export type RaceAudit = {
  answered: number;
  kept: number;
  refused: number;
  lost: string[];
  missingFromHistory: string[];
  refusedButWritten: string[];
  otherAnswers: string[];
  winnersPerRound: number[];
};

// A fresh story with one paragraph and `editors` distinct editors.
export async function setupRace(editors: number): Promise<Race> {
  const staff = await Promise.all(Array.from({ length: editors }, (_, i) => createStaff("EDITOR", `Racer ${i + 1}`)));
  const { id } = await createArticle(staff[0], { headline: "Race" });
  const { version, article } = await currentInput(id);
  await saveArticle(staff[0], { articleId: id, expectedVersion: version, article: { ...article, body: { type: "doc", content: [paragraph("Start.")] } } });
  return { articleId: id, editorIds: staff.map((s) => s.id) };
}

export async function roundStart(articleId: string): Promise<RoundStart> {
  const { version, article } = await currentInput(articleId);
  return { articleId, expectedVersion: version, article };
}

// Bracketed and random, so no marker is part of another.
export function attemptsFor(editorIds: string[]): Attempt[] {
  return editorIds.map((editorId) => ({ editorId, marker: `[race-${randomBytes(6).toString("hex")}]` }));
}

// The save payload the editor sends: the version it started from plus its own paragraph.
export function markedSave(start: RoundStart, marker: string) {
  const body = start.article.body as { type: string; content?: unknown[] };
  const article = { ...start.article, body: { ...body, content: [...(body.content ?? []), paragraph(marker)] } };
  return { articleId: start.articleId, expectedVersion: start.expectedVersion, article };
}

export function toOutcome(attempt: Attempt, result: ActionResult<SaveResult>): Outcome {
  if (result.ok) return { ...attempt, status: 200, version: result.data.version, message: "" };
  return { ...attempt, status: result.status, version: null, message: result.message };
}

export async function loadActor(id: string): Promise<Actor> {
  return db.user.findUniqueOrThrow({ where: { id }, select: { id: true, role: true, name: true } });
}

// One save through lib (what the story server action calls), answered the way the action answers.
export async function saveAs(variant: Variant, editor: Actor, start: RoundStart, attempt: Attempt): Promise<Outcome> {
  const save = variant === "guarded" ? saveArticle : saveWithoutVersionCheck;
  return toOutcome(attempt, await runAction(() => save(editor, markedSave(start, attempt.marker))));
}

export async function auditRace(articleId: string, rounds: Outcome[][]): Promise<RaceAudit> {
  const story = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } });
  const finalText = JSON.stringify(story.body);
  const revisions = (await db.revision.findMany({ where: { articleId }, select: { articleVersion: true, authorId: true, snapshot: true } })).map((r) => ({ ...r, text: JSON.stringify(r.snapshot) }));
  const audit: RaceAudit = { answered: 0, kept: 0, refused: 0, lost: [], missingFromHistory: [], refusedButWritten: [], otherAnswers: [], winnersPerRound: [] };
  for (const round of rounds) {
    audit.winnersPerRound.push(round.filter((o) => o.status === 200).length);
    for (const outcome of round) {
      audit.answered += 1;
      const isWritten = finalText.includes(outcome.marker) || revisions.some((r) => r.text.includes(outcome.marker));
      if (outcome.status === 200) {
        audit.kept += 1;
        if (!finalText.includes(outcome.marker)) audit.lost.push(outcome.marker);
        const isInHistory = revisions.some((r) => r.articleVersion === outcome.version && r.authorId === outcome.editorId && r.text.includes(outcome.marker));
        if (!isInHistory) audit.missingFromHistory.push(outcome.marker);
      } else if (outcome.status === 409) {
        audit.refused += 1;
        if (isWritten) audit.refusedButWritten.push(outcome.marker);
      } else {
        audit.otherAnswers.push(`${outcome.status}: ${outcome.message}`);
      }
    }
  }
  return audit;
}
