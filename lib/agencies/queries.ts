// Reads for the agencies & photographers screen (admins only).
import "server-only";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";
import { pushSecretFingerprint } from "./push-secret";

export async function listAgencies(actor: Actor | null) {
  assertCan(actor, "agency.manage");
  const rows = await db.agency.findMany({
    orderBy: { name: "asc" },
    omit: { pushSecret: true },
    include: { _count: { select: { media: true, photographers: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, pictures: _count.media, photographers: _count.photographers }));
}

export type AgencyRow = Awaited<ReturnType<typeof listAgencies>>[number];

export async function getAgency(actor: Actor | null, id: string) {
  assertCan(actor, "agency.manage");
  const agency = await db.agency.findUnique({
    where: { id },
    include: {
      photographers: { orderBy: { name: "asc" }, select: { id: true, name: true } },
      _count: { select: { media: true } },
    },
  });
  if (!agency) return null;
  const { pushSecret, ...rest } = agency;
  return { ...rest, pushSecretFingerprint: pushSecretFingerprint(pushSecret) };
}
