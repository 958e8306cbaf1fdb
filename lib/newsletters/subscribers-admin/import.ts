// Importing addresses into a newsletter (admins): a pasted list or CSV, the address in the first
// column. Imported addresses are PENDING: like a sign-up, they receive nothing until they
// confirm. All or nothing: a list holding an address that is not one, or one that was erased (its
// hash is in ErasedSubscriber), is refused whole with those addresses named, and nothing is
// imported. An address that left this newsletter is not put back (its choice stands).
import "server-only";
import { z } from "zod";
import { recordAudit } from "../../audit/record";
import { notFound, type WriteContext } from "../../concurrency";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Actor } from "../../permissions";
import { RecordId } from "../../users/schema";
import { erasedAddressHash, isSendableAddress, normalizeAddress } from "../address";

export const IMPORT_MAX_ROWS = 5_000;
const CHUNK = 500;

const ImportInput = z.object({
  newsletterId: RecordId,
  addresses: z.string().max(1_000_000, "is too long (1 MB at most: split the list)"),
});

export type ImportResult = { created: number; added: number; already: number; left: number };

// The first cell of each line: unquoted, with the apostrophe the export puts before a
// formula-looking cell taken off again. A header row ("address", "email") is skipped.
export function addressesOf(text: string): string[] {
  const addresses: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    let cell = (line.split(/[,;\t]/)[0] ?? "").trim().replace(/^"(.*)"$/, "$1");
    if (/^'[=+\-@]/.test(cell)) cell = cell.slice(1);
    if (!cell || /^(e-?mail|address)( address)?$/i.test(cell)) continue;
    addresses.push(normalizeAddress(cell));
  }
  return [...new Set(addresses)];
}

const named = (list: string[]) => `${list.slice(0, 20).join(", ")}${list.length > 20 ? ` and ${list.length - 20} more` : ""}`;

async function erasedAmong(addresses: string[]): Promise<string[]> {
  const byHash = new Map(addresses.map((address) => [erasedAddressHash(address), address]));
  const hashes = [...byHash.keys()];
  const erased: string[] = [];
  for (let start = 0; start < hashes.length; start += CHUNK) {
    const rows = await db.erasedSubscriber.findMany({ where: { hash: { in: hashes.slice(start, start + CHUNK) } }, select: { hash: true } });
    erased.push(...rows.map((row) => byHash.get(row.hash)!));
  }
  return erased;
}

async function importInto(tx: Tx, newsletterId: string, addresses: string[], consentText: string, now: Date): Promise<ImportResult> {
  const result: ImportResult = { created: 0, added: 0, already: 0, left: 0 };
  for (let start = 0; start < addresses.length; start += CHUNK) {
    const chunk = addresses.slice(start, start + CHUNK);
    const existing = await tx.subscriber.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true, subscriptions: { where: { newsletterId }, select: { status: true } } } });
    const known = new Map(existing.map((row) => [row.email, row]));
    for (const email of chunk) {
      const subscriber = known.get(email);
      const subscription = { newsletterId, status: "PENDING" as const, consentText, consentAt: now };
      if (!subscriber) {
        await tx.subscriber.create({ data: { email, status: "PENDING", consentText, consentAt: now, subscriptions: { create: subscription } } });
        result.created += 1;
      } else if (subscriber.subscriptions.length === 0) {
        await tx.subscription.create({ data: { ...subscription, subscriberId: subscriber.id } });
        result.added += 1;
      } else if (subscriber.subscriptions[0].status === "UNSUBSCRIBED") result.left += 1;
      else result.already += 1;
    }
  }
  return result;
}

export async function importSubscribers(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<ImportResult> {
  assertCan(actor, "subscriber.manage");
  const { newsletterId, addresses: text } = ImportInput.parse(input);
  const addresses = addressesOf(text);
  if (!addresses.length) throw new AppError("INVALID", "Please fix: addresses: paste at least one address, one a line.", { fields: { addresses: "is empty" } });
  if (addresses.length > IMPORT_MAX_ROWS) throw new AppError("INVALID", `Please fix: addresses: ${addresses.length} addresses; import ${IMPORT_MAX_ROWS} at most at a time.`);
  const invalid = addresses.filter((address) => !isSendableAddress(address));
  if (invalid.length) throw new AppError("INVALID", `Nothing was imported: these are not email addresses: ${named(invalid)}.`, { fields: { addresses: "holds invalid addresses" } });
  const erased = await erasedAmong(addresses);
  if (erased.length)
    throw new AppError("INVALID", `Nothing was imported: these addresses were erased at their owners' request and may not be imported again: ${named(erased)}.`, {
      fields: { addresses: "holds erased addresses" },
    });
  const now = new Date();
  return db.$transaction(
    async (tx) => {
      const newsletter = await tx.newsletter.findUnique({ where: { id: newsletterId }, select: { isArchived: true } });
      if (!newsletter) throw notFound("That newsletter");
      if (newsletter.isArchived) throw new AppError("CONFLICT", "This newsletter is archived: bring it back before importing subscribers.");
      const consentText = `Imported by ${actor.name} on ${now.toISOString().slice(0, 10)}; not confirmed by the reader yet.`;
      const result = await importInto(tx, newsletterId, addresses, consentText, now);
      await recordAudit(tx, { actorId: actor.id, action: "subscriber.import", entityType: "Newsletter", entityId: newsletterId, details: result, ip: context.ip });
      return result;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
