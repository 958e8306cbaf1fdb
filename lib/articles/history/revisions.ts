// Revisions: each save that changes a story keeps one; autosaves by the same person within a few
// minutes are coalesced into one, so the history reads as a person's sessions, not keystrokes.
import { isDeepStrictEqual } from "node:util";
import type { Tx } from "../../db";
import type { Prisma } from "../../generated/sqlite/client";
import type { ArticleSnapshot } from "./snapshot";

const COALESCE_AUTOSAVES_MS = 10 * 60 * 1000;

type RevisionKind = "SAVE" | "AUTOSAVE" | "RESTORE" | "PUBLISH";

export function isSameSnapshot(a: ArticleSnapshot, b: ArticleSnapshot): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

export async function keepRevision(tx: Tx, input: { articleId: string; articleVersion: number; authorId: string | null; kind: RevisionKind; snapshot: ArticleSnapshot }): Promise<string> {
  const snapshot = input.snapshot as Prisma.InputJsonValue;
  if (input.kind === "AUTOSAVE") {
    const last = await tx.revision.findFirst({ where: { articleId: input.articleId }, orderBy: { createdAt: "desc" } });
    const isRecent = last && Date.now() - last.createdAt.getTime() < COALESCE_AUTOSAVES_MS;
    if (last && last.kind === "AUTOSAVE" && last.authorId === input.authorId && isRecent) {
      await tx.revision.update({ where: { id: last.id }, data: { snapshot, articleVersion: input.articleVersion, createdAt: new Date() } });
      return last.id;
    }
  }
  const created = await tx.revision.create({
    data: { articleId: input.articleId, articleVersion: input.articleVersion, authorId: input.authorId, kind: input.kind, snapshot },
    select: { id: true },
  });
  return created.id;
}
