// The unsafe save that tests/hostile/concurrency.test.ts must catch: a blind overwrite. It reads
// whatever version the story has now and saves over it through the real saveArticle, trying again
// when another save got in first, so every save is answered ok whatever it overwrote: the lost
// update the version check exists to prevent. Built from lib's public save only (no copy of the
// save path, no internals exported for it), and never behind a production switch.
import { db } from "../../../lib/db";
import { AppError } from "../../../lib/errors";
import type { Actor } from "../../../lib/permissions";
import { saveArticle, type SaveResult } from "../../../lib/articles/save/save-article";

// Enough for 20 editors saving at once: each retry follows a save that won.
const ATTEMPTS = 100;

export async function saveWithoutVersionCheck(actor: Actor | null, rawInput: unknown): Promise<SaveResult> {
  const input = rawInput as { articleId: string };
  for (let attempt = 1; ; attempt += 1) {
    const { version } = await db.article.findUniqueOrThrow({ where: { id: input.articleId }, select: { version: true } });
    try {
      return await saveArticle(actor, { ...input, expectedVersion: version });
    } catch (error) {
      const isStale = error instanceof AppError && error.code === "CONFLICT";
      if (!isStale || attempt === ATTEMPTS) throw error;
    }
  }
}
