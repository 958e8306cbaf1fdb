// The secret an agency signs its pushes to /api/wire/push/<agency> with (lib/wire/push.ts). An admin
// generates it on the agency's screen; it is shown once, in the answer to that request, and from
// then on only as a fingerprint. Generating again replaces it (a rotation); both are audited with
// the fingerprint, never the secret.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, type WriteContext } from "../concurrency";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";
import { RecordId, Version } from "../users/schema";

const PushSecretInput = z.object({ id: RecordId, version: Version });

// 32 random bytes: as strong as the HMAC-SHA256 it keys.
const newSecret = () => `pbx_${randomBytes(32).toString("base64url")}`;

export function pushSecretFingerprint(secret: string | null): string | null {
  return secret ? `sha256:${createHash("sha256").update(secret).digest("hex").slice(0, 16)}` : null;
}

export async function generatePushSecret(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ secret: string; fingerprint: string; rotated: boolean }> {
  assertCan(actor, "agency.manage");
  const { id, version } = PushSecretInput.parse(input);
  const secret = newSecret();
  const fingerprint = pushSecretFingerprint(secret)!;
  return db.$transaction(async (tx) => {
    const before = await tx.agency.findUnique({ where: { id }, select: { pushSecret: true } });
    if (!before) throw notFound("That agency");
    await expectUpdated(tx.agency.updateMany({ where: { id, version }, data: { pushSecret: secret, pushSecretSetAt: new Date(), version: { increment: 1 } } }), tx, {
      entityType: "Agency",
      entityId: id,
      label: "this agency",
    });
    const rotated = before.pushSecret !== null;
    const details = { fingerprint, replaced: pushSecretFingerprint(before.pushSecret) };
    await recordAudit(tx, { actorId: actor.id, action: rotated ? "agency.push-secret.rotate" : "agency.push-secret.generate", entityType: "Agency", entityId: id, details, ip: context.ip });
    return { secret, fingerprint, rotated };
  });
}

// Pushes stop being accepted at once: the agency's secret is removed.
export async function revokePushSecret(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "agency.manage");
  const { id, version } = PushSecretInput.parse(input);
  await db.$transaction(async (tx) => {
    const before = await tx.agency.findUnique({ where: { id }, select: { pushSecret: true } });
    if (!before) throw notFound("That agency");
    await expectUpdated(tx.agency.updateMany({ where: { id, version }, data: { pushSecret: null, pushSecretSetAt: null, version: { increment: 1 } } }), tx, {
      entityType: "Agency",
      entityId: id,
      label: "this agency",
    });
    await recordAudit(tx, { actorId: actor.id, action: "agency.push-secret.revoke", entityType: "Agency", entityId: id, details: { replaced: pushSecretFingerprint(before.pushSecret) }, ip: context.ip });
  });
}
