// Where an old public path now lives. Cached (a miss too) under one tag, dropped by every write.
import "server-only";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db } from "../db";

export async function findRedirect(path: string): Promise<string | null> {
  return cached(`redirect:${path}`, async () => {
    const row = await db.redirect.findUnique({ where: { fromPath: path }, select: { toPath: true } });
    // A miss is also dropped with the other "not found" answers when a story is published.
    return { value: row?.toPath ?? null, tags: row ? [cacheTags.redirects] : [cacheTags.redirects, cacheTags.notFound] };
  });
}
