// Redirects from old public paths (renamed sections and tags, merged tags and byline profiles).
// Written inside the transaction of the rename or merge that causes them.
import type { Tx } from "../db";

export async function addRedirect(tx: Tx, fromPath: string, toPath: string): Promise<void> {
  if (fromPath === toPath) return;
  // The destination is live again: an old redirect away from it must not shadow it.
  await tx.redirect.deleteMany({ where: { fromPath: toPath } });
  // Older paths that led to the one now moving go straight to its new home (no chains).
  await tx.redirect.updateMany({ where: { toPath: fromPath }, data: { toPath } });
  await tx.redirect.upsert({ where: { fromPath }, create: { fromPath, toPath }, update: { toPath } });
}

// A path that now belongs to a live record again (e.g. a new section takes an old slug).
export async function removeRedirectFrom(tx: Tx, path: string): Promise<void> {
  await tx.redirect.deleteMany({ where: { fromPath: path } });
}
