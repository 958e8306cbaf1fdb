// Corrections and update notes on published stories: shown at the foot with their time, and
// they move the story's dateModified.
import "server-only";
import { z } from "zod";
import { textInput, idInput } from "../text-input";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { recordAudit } from "../audit/record";
import { readPageKeys, refreshPublicPages } from "./refresh";

const NoteInput = z.object({
  articleId: idInput(),
  kind: z.enum(["CORRECTION", "UPDATE"]),
  text: textInput().min(5, "say what was corrected or updated").max(1000),
});

export async function addArticleNote(actor: Actor | null, raw: unknown): Promise<{ id: string; createdAt: string }> {
  assertCan(actor, "article.correct");
  const input = NoteInput.parse(raw);
  const { note, keys } = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: input.articleId }, select: { id: true, status: true } });
    if (!article) throw new AppError("NOT_FOUND", "That story does not exist.");
    if (article.status !== "PUBLISHED") throw new AppError("CONFLICT", "Corrections and updates are for published stories; edit the draft instead.");
    const note = await tx.articleNote.create({ data: { articleId: article.id, kind: input.kind, text: input.text, authorId: actor.id } });
    await tx.article.update({ where: { id: article.id }, data: { updatedAt: note.createdAt } });
    await recordAudit(tx, { actorId: actor.id, action: `article.${input.kind.toLowerCase()}`, entityType: "Article", entityId: article.id, details: { noteId: note.id } });
    return { note, keys: await readPageKeys(tx, article.id) };
  });
  refreshPublicPages(keys);
  return { id: note.id, createdAt: note.createdAt.toISOString() };
}

// A note for the newsroom only (an agency's edNote on a wire draft): never shown to readers (the
// article page reads only corrections and updates). Written in the caller's transaction; the
// caller has checked permission.
export async function addInternalNote(tx: Tx, input: { articleId: string; text: string; authorId: string | null }): Promise<{ id: string }> {
  return tx.articleNote.create({ data: { articleId: input.articleId, kind: "INTERNAL", text: input.text.slice(0, 4000), authorId: input.authorId }, select: { id: true } });
}
