// Writes to user accounts. Each checks permission first, validates, writes in one transaction
// with its audit entry, and names the version it saw (a stale one gets 409 with who saved).
import "server-only";
import { recordAudit } from "../audit/record";
import { expectUpdated, notFound, withUniqueCheck, type WriteContext } from "../concurrency";
import { hashPassword } from "../auth/password";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../permissions";
import { assertAnAdminRemains, inSerializableTransaction } from "./admin-guard";
import { ChangeRoleInput, CreateUserInput, ResetPasswordInput, SetDisabledInput, UpdateUserInput } from "./schema";

const ref = (id: string) => ({ entityType: "User", entityId: id, label: "this user" });
const EMAIL_TAKEN = "Another account already uses that email address.";

async function loadUser(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true, isDisabled: true } });
  if (!user) throw notFound("That user");
  return user;
}

async function assertEmailFree(tx: Tx, email: string, exceptId?: string): Promise<void> {
  const holder = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (holder && holder.id !== exceptId) throw new AppError("CONFLICT", EMAIL_TAKEN);
}

export async function createUser(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<{ id: string }> {
  assertCan(actor, "user.manage");
  const data = CreateUserInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  return withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        await assertEmailFree(tx, data.email);
        const user = await tx.user.create({ data: { name: data.name, email: data.email, role: data.role, passwordHash }, select: { id: true } });
        await recordAudit(tx, { actorId: actor.id, action: "user.create", entityType: "User", entityId: user.id, details: { email: data.email, role: data.role }, ip: context.ip });
        return user;
      }),
    EMAIL_TAKEN,
  );
}

export async function updateUser(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "user.manage");
  const data = UpdateUserInput.parse(input);
  await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        const before = await loadUser(tx, data.id);
        await assertEmailFree(tx, data.email, data.id);
        await expectUpdated(tx.user.updateMany({ where: { id: data.id, version: data.version }, data: { name: data.name, email: data.email, version: { increment: 1 } } }), tx, ref(data.id));
        const details = { name: { from: before.name, to: data.name }, email: { from: before.email, to: data.email } };
        await recordAudit(tx, { actorId: actor.id, action: "user.update", entityType: "User", entityId: data.id, details, ip: context.ip });
      }),
    EMAIL_TAKEN,
  );
}

export async function changeUserRole(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "user.manage");
  const data = ChangeRoleInput.parse(input);
  await inSerializableTransaction(async (tx) => {
    const before = await loadUser(tx, data.id);
    if (before.role === data.role) return;
    await expectUpdated(tx.user.updateMany({ where: { id: data.id, version: data.version }, data: { role: data.role, version: { increment: 1 } } }), tx, ref(data.id));
    await assertAnAdminRemains(tx, before.name);
    const details = { email: before.email, from: before.role, to: data.role };
    await recordAudit(tx, { actorId: actor.id, action: "user.role-change", entityType: "User", entityId: data.id, details, ip: context.ip });
  });
}

export async function setUserDisabled(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "user.manage");
  const data = SetDisabledInput.parse(input);
  if (data.isDisabled && data.id === actor.id) {
    throw new AppError("INVALID", "You cannot disable your own account. Ask another admin to do it.");
  }
  await inSerializableTransaction(async (tx) => {
    const before = await loadUser(tx, data.id);
    if (before.isDisabled === data.isDisabled) return;
    await expectUpdated(tx.user.updateMany({ where: { id: data.id, version: data.version }, data: { isDisabled: data.isDisabled, version: { increment: 1 } } }), tx, ref(data.id));
    if (data.isDisabled) await assertAnAdminRemains(tx, before.name);
    const action = data.isDisabled ? "user.disable" : "user.enable";
    await recordAudit(tx, { actorId: actor.id, action, entityType: "User", entityId: data.id, details: { email: before.email }, ip: context.ip });
  });
}

// The old password stops working at once, and so does every session signed in with it.
export async function resetUserPassword(actor: Actor | null, input: unknown, context: WriteContext = {}): Promise<void> {
  assertCan(actor, "user.manage");
  const data = ResetPasswordInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    const before = await loadUser(tx, data.id);
    await expectUpdated(tx.user.updateMany({ where: { id: data.id, version: data.version }, data: { passwordHash, version: { increment: 1 } } }), tx, ref(data.id));
    await recordAudit(tx, { actorId: actor.id, action: "user.password-reset", entityType: "User", entityId: data.id, details: { email: before.email }, ip: context.ip });
  });
}
