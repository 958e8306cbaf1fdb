// User administration against a real database: the last admin stays, stale edits are refused
// with the name of whoever saved in between, and bad input changes nothing.
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { changeUserRole, createUser, setUserDisabled, updateUser } from "../../lib/users/commands";
import { createTestUser, uniqueSuffix } from "../fixtures/accounts";

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: { code?: string; message: string }) => error,
  );
}

const versionOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).version;

// Other files' admins are demoted for the duration of `work`, then put back exactly as they were.
async function asOnlyActiveAdmin(me: { id: string }, work: () => Promise<void>): Promise<void> {
  const others = await db.user.findMany({ where: { role: "ADMIN", isDisabled: false, id: { not: me.id } } });
  await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: "EDITOR" } });
  try {
    await work();
  } finally {
    for (const other of others) await db.user.update({ where: { id: other.id }, data: { role: other.role, version: other.version } });
  }
}

describe("the last admin", () => {
  it("cannot be demoted, or disable their own account", async () => {
    const me = await createTestUser("ADMIN");
    await asOnlyActiveAdmin(me, async () => {
      const demote = await errorOf(changeUserRole(me, { id: me.id, version: await versionOf(me.id), role: "EDITOR" }));
      expect(demote).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("last active admin") });
      expect(await errorOf(setUserDisabled(me, { id: me.id, version: await versionOf(me.id), isDisabled: true }))).toMatchObject({ code: "INVALID" });
      expect(await db.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({ role: "ADMIN", isDisabled: false, version: 1 });
    });
  });

  it("can hand over: a second admin first, then the first steps down", async () => {
    const me = await createTestUser("ADMIN");
    const next = await createTestUser("EDITOR");
    await asOnlyActiveAdmin(me, async () => {
      await changeUserRole(me, { id: next.id, version: 1, role: "ADMIN" });
      // Actors as getCurrentUser() would now read them from the database.
      await changeUserRole({ ...next, role: "ADMIN" }, { id: me.id, version: 1, role: "EDITOR" });
      expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).role).toBe("EDITOR");
      const disableLast = await errorOf(setUserDisabled({ ...me, role: "EDITOR" }, { id: next.id, version: 2, isDisabled: true }));
      expect(disableLast).toMatchObject({ code: "FORBIDDEN" });
      const demoteLast = await errorOf(changeUserRole({ ...next, role: "ADMIN" }, { id: next.id, version: 2, role: "CONTRIBUTOR" }));
      expect(demoteLast).toMatchObject({ code: "CONFLICT" });
    });
  });

  it("survives two admins demoting each other at the same moment", async () => {
    const [a, b] = [await createTestUser("ADMIN"), await createTestUser("ADMIN")];
    await asOnlyActiveAdmin(a, async () => {
      await db.user.update({ where: { id: b.id }, data: { role: "ADMIN" } });
      const results = await Promise.allSettled([
        changeUserRole(a, { id: b.id, version: await versionOf(b.id), role: "EDITOR" }),
        changeUserRole(b, { id: a.id, version: await versionOf(a.id), role: "EDITOR" }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled").length).toBeLessThanOrEqual(1);
      expect(await db.user.count({ where: { id: { in: [a.id, b.id] }, role: "ADMIN" } })).toBeGreaterThanOrEqual(1);
    });
  });

  it("records role changes in the audit log with both roles", async () => {
    const admin = await createTestUser("ADMIN");
    const user = await createTestUser("CONTRIBUTOR");
    await changeUserRole(admin, { id: user.id, version: 1, role: "EDITOR" }, { ip: "192.0.2.44" });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "user.role-change", entityId: user.id } });
    expect(entry).toMatchObject({ actorId: admin.id, ip: "192.0.2.44", details: { from: "CONTRIBUTOR", to: "EDITOR", email: user.email } });
  });
});

describe("editing users", () => {
  it("refuses a stale version and names who saved in between", async () => {
    const [alice, bob] = [await createTestUser("ADMIN", { name: "Alice Admin" }), await createTestUser("ADMIN", { name: "Bob Admin" })];
    const user = await createTestUser("CONTRIBUTOR");
    await updateUser(alice, { id: user.id, version: 1, name: "Saved by Alice", email: user.email });
    const error = await errorOf(updateUser(bob, { id: user.id, version: 1, name: "Saved by Bob", email: user.email }));
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Alice Admin changed this user") });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Saved by Alice");
  });

  it("refuses an email another account uses", async () => {
    const admin = await createTestUser("ADMIN");
    const [a, b] = [await createTestUser("EDITOR"), await createTestUser("EDITOR")];
    expect(await errorOf(updateUser(admin, { id: a.id, version: 1, name: a.name, email: b.email.toUpperCase() }))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(createUser(admin, { name: "Dup", email: b.email, role: "EDITOR", password: "long-enough-password" }))).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses bad input with a readable message and creates nothing", async () => {
    const admin = await createTestUser("ADMIN");
    const email = `short-${uniqueSuffix()}@test.pressbox`;
    const error = await errorOf(createUser(admin, { name: "", email, role: "OWNER", password: "short" }));
    expect(error).toMatchObject({ name: "ZodError" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("creates an account that can sign in, with a bcrypt hash and an audit entry", async () => {
    const admin = await createTestUser("ADMIN");
    const email = `created-${uniqueSuffix()}@test.pressbox`;
    const { id } = await createUser(admin, { name: "Created Person", email: email.toUpperCase(), role: "CONTRIBUTOR", password: "a-long-enough-password" });
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ email, role: "CONTRIBUTOR", isDisabled: false });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(await db.auditEntry.count({ where: { action: "user.create", entityId: id, actorId: admin.id } })).toBe(1);
  });
});
