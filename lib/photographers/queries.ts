// Reads for the agencies & photographers screen (admins only).
import "server-only";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";

export async function listPhotographers(actor: Actor | null) {
  assertCan(actor, "photographer.manage");
  const rows = await db.photographer.findMany({
    orderBy: { name: "asc" },
    include: { agency: { select: { id: true, name: true } }, _count: { select: { media: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, pictures: _count.media }));
}

export type PhotographerRow = Awaited<ReturnType<typeof listPhotographers>>[number];
