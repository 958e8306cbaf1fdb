// Writes to agencies. A credit is formatted from the agency when a page is read, so changing the
// format changes every picture that uses it: the pages showing those pictures are dropped.
import "server-only";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../concurrency";
import { invalidateTags } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { CreateAgencyInput, UpdateAgencyInput } from "./schema";

const NAME_TAKEN = "There is already an agency with that name.";

async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const holder = await tx.agency.findUnique({ where: { name }, select: { id: true } });
  if (holder && holder.id !== exceptId) throw new AppError("CONFLICT", NAME_TAKEN);
}

export async function createAgency(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string }> {
  assertCan(actor, "agency.manage");
  const fields = CreateAgencyInput.parse(input);
  return withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        await assertNameFree(tx, fields.name);
        const agency = await tx.agency.create({ data: fields, select: { id: true } });
        await recordAudit(tx, { actorId: actor.id, action: "agency.create", entityType: "Agency", entityId: agency.id, details: fields, ip: context.ip });
        return agency;
      }),
    NAME_TAKEN,
  );
}

export async function updateAgency(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "agency.manage");
  const { id, version, ...fields } = UpdateAgencyInput.parse(input);
  await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.agency.findUnique({ where: { id }, select: { name: true, shortCredit: true, creditFormat: true, distributor: true } });
        if (!before) throw notFound("That agency");
        await assertNameFree(tx, fields.name, id);
        await expectUpdated(tx.agency.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } }), tx, { entityType: "Agency", entityId: id, label: "this agency" });
        await recordAudit(tx, { actorId: actor.id, action: "agency.update", entityType: "Agency", entityId: id, details: { before, after: fields }, ip: context.ip });
      }),
    NAME_TAKEN,
  );
  // Story pages tag each picture with its agency (lib/media/views.ts); listings show short credits.
  invalidateTags([cacheTags.agency(id), cacheTags.listings]);
}

// Wire providers often send a code ("nprov:REUTERS", "(AP)"): the agencies they stand for.
const PROVIDER_NAMES: Record<string, string> = {
  AP: "Associated Press",
  REUTERS: "Reuters",
  AFP: "Agence France-Presse",
  ANP: "ANP",
  DPA: "dpa",
  PA: "PA Media",
  GYI: "Getty Images",
  GETTY: "Getty Images",
  EFE: "EFE",
  ANSA: "ANSA",
};

export function agencyNameForProvider(provider: string): string {
  const trimmed = provider.trim();
  return PROVIDER_NAMES[trimmed.toUpperCase()] ?? trimmed;
}

// The agency a wire provider or credit line names: an existing one by name, short credit or
// distributor (case-insensitive), else a new one made for it, audited as the importer's. The
// caller (the wire import, lib/wire/import.ts) has checked the importer's permission.
export async function findOrCreateWireAgency(tx: Tx, provider: string, actorId: string | null): Promise<{ id: string; name: string; created: boolean } | null> {
  const name = agencyNameForProvider(provider).slice(0, 120);
  if (!name) return null;
  const wanted = name.toLowerCase();
  const agencies = await tx.agency.findMany({ select: { id: true, name: true, shortCredit: true, distributor: true } });
  const match = agencies.find((agency) => agency.name.toLowerCase() === wanted) ?? agencies.find((agency) => agency.shortCredit.toLowerCase() === wanted || agency.distributor?.toLowerCase() === wanted);
  if (match) return { id: match.id, name: match.name, created: false };
  // "{agency}" alone: a wire picture's by-line without a photographer record is kept in its credit
  // override ("Name/Agency"), and "{photographer}/{agency}" would print the agency twice without one.
  const fields = { name, shortCredit: name.slice(0, 60), creditFormat: "{agency}", distributor: null };
  const agency = await tx.agency.create({ data: fields, select: { id: true, name: true } });
  await recordAudit(tx, { actorId, action: "agency.create", entityType: "Agency", entityId: agency.id, details: { ...fields, reason: "wire import" } });
  return { ...agency, created: true };
}
