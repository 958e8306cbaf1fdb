// Reads for the tags screen (admins only).
import "server-only";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";

export async function listTagsForAdmin(actor: Actor | null) {
  assertCan(actor, "tag.manage");
  const rows = await db.tag.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { articles: true } } } });
  return rows.map(({ _count, ...row }) => ({ ...row, stories: _count.articles }));
}

export type TagRow = Awaited<ReturnType<typeof listTagsForAdmin>>[number];
