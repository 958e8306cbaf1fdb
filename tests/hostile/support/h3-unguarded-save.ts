// The unsafe save that tests/hostile/concurrency.test.ts must catch: lib/articles/save-article.ts
// persistArticle with its two version checks deleted (the comparison with expectedVersion and the
// version-guarded claimVersion). It exists only here, never behind a production switch, so the
// race harness can prove it notices lost updates when the guard is gone.
import { db } from "../../../lib/db";
import { assertCan, type Actor } from "../../../lib/permissions";
import { parseBody, parseStoryBody } from "../../../lib/editor/validate";
import { parseSaveArticleInput } from "../../../lib/articles/schema";
import { loadForWrite, writeArticle, type SaveResult } from "../../../lib/articles/save-article";
import { keepRevision } from "../../../lib/articles/revisions";
import { readSnapshot } from "../../../lib/articles/snapshot";
import { reindexArticle } from "../../../lib/search/index-article";

export async function saveWithoutVersionCheck(actor: Actor | null, rawInput: unknown): Promise<SaveResult> {
  const input = parseSaveArticleInput(rawInput);
  const body = parseStoryBody(input.article.body);
  const sidebars = input.article.sidebars.map((s) => ({ ...s, body: parseBody(s.body, "sidebar") }));
  const article = { ...input.article, body: body.doc };
  return db.$transaction(async (tx) => {
    const current = await loadForWrite(tx, input.articleId);
    assertCan(actor, "article.edit", current);
    await tx.article.update({ where: { id: current.id }, data: { version: { increment: 1 }, lastEditedById: actor.id } });
    const saved = await writeArticle(tx, current.id, current.heroCaptionId, article, body, sidebars, actor.id);
    await reindexArticle(tx, current.id);
    await keepRevision(tx, { articleId: current.id, articleVersion: saved.version, authorId: actor.id, kind: "SAVE", snapshot: await readSnapshot(tx, current.id) });
    return { version: saved.version, updatedAt: saved.updatedAt.toISOString(), isChanged: true };
  });
}
