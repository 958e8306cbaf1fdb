// Signing in against a real database: what is recorded, what a wrong email or password says,
// disabled and changed accounts, and sessions that follow the database rather than the token.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate } from "../../lib/auth/sign-in";
import { getCurrentUser } from "../../lib/auth";
import { db } from "../../lib/db";
import { resetUserPassword, setUserDisabled } from "../../lib/users/commands";
import { createTestUser, signInAs, TEST_AUTH_SECRET, type FakeRequest } from "../fixtures/accounts";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers() }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const IP = "203.0.113.50";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
});

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: { code?: string; message: string }) => error,
  );
}

describe("authenticate", () => {
  it("signs in with the right email and password, and records the sign-in", async () => {
    const user = await createTestUser("EDITOR");
    const signedIn = await authenticate({ email: ` ${user.email.toUpperCase()} `, password: user.password }, { ip: IP });
    expect(signedIn).toMatchObject({ id: user.id, role: "EDITOR", email: user.email });
    expect(await db.loginAttempt.findMany({ where: { email: user.email }, select: { isSuccess: true, ip: true } })).toEqual([{ isSuccess: true, ip: IP }]);
    expect(await db.auditEntry.findFirst({ where: { action: "auth.sign-in", entityId: user.id } })).toMatchObject({ actorId: user.id, ip: IP });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
  });

  it("answers a wrong password and an unknown email the same way, recording both", async () => {
    const user = await createTestUser("CONTRIBUTOR");
    expect(await authenticate({ email: user.email, password: "not-the-password" }, { ip: IP })).toBeNull();
    expect(await authenticate({ email: `nobody-${user.id}@test.pressbox`, password: user.password }, { ip: IP })).toBeNull();
    expect(await db.loginAttempt.count({ where: { email: { in: [user.email, `nobody-${user.id}@test.pressbox`] }, isSuccess: false } })).toBe(2);
    expect(await db.auditEntry.findFirst({ where: { action: "auth.sign-in-failed", entityId: user.id } })).toMatchObject({ actorId: null });
  });

  it("refuses a disabled account even with the right password", async () => {
    const user = await createTestUser("EDITOR", { isDisabled: true });
    const error = await errorOf(authenticate({ email: user.email, password: user.password }, { ip: IP }));
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditEntry.count({ where: { action: "auth.sign-in", entityId: user.id } })).toBe(0);
  });

  it("ignores input that is not an email and a password", async () => {
    expect(await authenticate(undefined, { ip: IP })).toBeNull();
    expect(await authenticate({ email: "", password: "" }, { ip: IP })).toBeNull();
    expect(await authenticate({ email: ["a"], password: 42 }, { ip: IP })).toBeNull();
  });
});

describe("getCurrentUser", () => {
  it("is nobody without a session cookie, or with a forged one", async () => {
    await signInAs(request, null);
    expect(await getCurrentUser()).toBeNull();
    request.cookies = [{ name: "next-auth.session-token", value: "forged.token.value" }];
    expect(await getCurrentUser()).toBeNull();
  });

  it("reads the role from the database, not from the token", async () => {
    const user = await createTestUser("CONTRIBUTOR");
    await signInAs(request, user);
    expect(await getCurrentUser()).toEqual({ id: user.id, name: user.name, email: user.email, role: "CONTRIBUTOR" });
    await db.user.update({ where: { id: user.id }, data: { role: "EDITOR" } });
    expect((await getCurrentUser())?.role).toBe("EDITOR");
  });

  it("shuts a disabled user out at once, and lets them back in when enabled", async () => {
    const admin = await createTestUser("ADMIN");
    const user = await createTestUser("EDITOR");
    await signInAs(request, user);
    expect(await getCurrentUser()).not.toBeNull();
    await setUserDisabled(admin, { id: user.id, version: 1, isDisabled: true });
    expect(await getCurrentUser()).toBeNull();
    await setUserDisabled(admin, { id: user.id, version: 2, isDisabled: false });
    expect((await getCurrentUser())?.id).toBe(user.id);
  });

  it("ends sessions signed in with a password that has since been reset", async () => {
    const admin = await createTestUser("ADMIN");
    const user = await createTestUser("EDITOR");
    await signInAs(request, user);
    await resetUserPassword(admin, { id: user.id, version: 1, password: "a-brand-new-password" });
    expect(await getCurrentUser()).toBeNull();
    await signInAs(request, user);
    expect((await getCurrentUser())?.id).toBe(user.id);
  });

  it("is nobody once the account is deleted", async () => {
    const user = await createTestUser("EDITOR");
    await signInAs(request, user);
    await db.user.delete({ where: { id: user.id } });
    expect(await getCurrentUser()).toBeNull();
  });
});
