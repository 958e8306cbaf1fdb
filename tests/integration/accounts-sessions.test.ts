// Sessions end on the server: a signed-out or "signed out everywhere" cookie opens nothing, even
// replayed. And a guesser cannot lock the owner out: failures from unknown browsers do not
// throttle a browser holding the account's device cookie (OWASP's device-cookie approach).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "../../lib/auth/options";
import { getCurrentUser } from "../../lib/auth";
import { authenticate } from "../../lib/auth/sign-in";
import { deviceCookieValue, deviceIdFromCookie } from "../../lib/auth/device-cookie";
import { signOutEverywhere } from "../../lib/auth/user-sessions";
import { db } from "../../lib/db";
import { throttleSettings } from "../../lib/rate-limit/settings";
import { createTestUser, sessionTokenFor, SESSION_COOKIE, TEST_AUTH_SECRET, type FakeRequest } from "../fixtures/accounts";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.31" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));
// React's cache() would keep one answer for the whole file; each call here is its own request.
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: <T>(fn: T) => fn }));

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
});

async function whoHolds(cookie: string) {
  request.cookies = [{ name: SESSION_COOKIE, value: cookie }];
  return (await getCurrentUser())?.id ?? null;
}

async function sidOf(cookie: string): Promise<string> {
  const { decode } = await import("next-auth/jwt");
  return String((await decode({ token: cookie, secret: TEST_AUTH_SECRET }))?.sid);
}

describe("server-side sessions", () => {
  it("ends a session at sign-out: the same cookie replayed opens nothing", async () => {
    const user = await createTestUser("EDITOR");
    const cookie = await sessionTokenFor(user.id);
    const other = await sessionTokenFor(user.id);
    expect(await whoHolds(cookie)).toBe(user.id);
    await authOptions.events!.signOut!({ token: { sub: user.id, sid: await sidOf(cookie) }, session: null } as never);
    expect(await whoHolds(cookie)).toBeNull();
    expect(await whoHolds(other)).toBe(user.id); // another browser's session goes on
  });

  it("refuses a cookie without a server-side session (made before sessions, or forged with the secret)", async () => {
    const user = await createTestUser("EDITOR");
    const { encode } = await import("next-auth/jwt");
    const { passwordFingerprint } = await import("../../lib/auth/password");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const cookie = await encode({ token: { sub: user.id, name: user.name, email: user.email, role: user.role, pwd: passwordFingerprint(row.passwordHash) }, secret: TEST_AUTH_SECRET });
    expect(await whoHolds(cookie)).toBeNull();
  });

  it("signs a person out everywhere, by themself or by an admin, audited; others may not", async () => {
    const [user, admin, editor] = await Promise.all([createTestUser("CONTRIBUTOR"), createTestUser("ADMIN"), createTestUser("EDITOR")]);
    const cookies = [await sessionTokenFor(user.id), await sessionTokenFor(user.id)];
    await expect(signOutEverywhere({ id: editor.id, role: "EDITOR", name: editor.name }, { userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const cookie of cookies) expect(await whoHolds(cookie)).toBe(user.id);
    expect(await signOutEverywhere({ id: admin.id, role: "ADMIN", name: admin.name }, { userId: user.id }, { ip: "198.51.100.32" })).toEqual({ revoked: 2 });
    for (const cookie of cookies) expect(await whoHolds(cookie)).toBeNull();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: user.id, action: "auth.sign-out-everywhere" } });
    expect(audit).toMatchObject({ actorId: admin.id, ip: "198.51.100.32", details: { sessions: 2 } });
    const again = await sessionTokenFor(user.id);
    expect(await signOutEverywhere({ id: user.id, role: "CONTRIBUTOR", name: user.name }, { userId: user.id })).toEqual({ revoked: 1 });
    expect(await whoHolds(again)).toBeNull();
  });
});

describe("device cookies against lockout", () => {
  const settings = throttleSettings();
  const start = new Date("2032-05-01T09:00:00Z");
  const at = (ms: number) => new Date(start.getTime() + ms);

  async function attempt(email: string, password: string, deviceId: string | null, ip: string, now: Date) {
    try {
      return (await authenticate({ email, password }, { ip, deviceId, now })) ? "signed-in" : "wrong";
    } catch (error) {
      if ((error as { code?: string }).code !== "TOO_MANY_REQUESTS") throw error;
      return "throttled";
    }
  }

  it("throttles unknown browsers after a guesser's failures, but not the owner's browser", async () => {
    const owner = await createTestUser("EDITOR");
    const ownersDevice = deviceIdFromCookie(deviceCookieValue("a1b2c3d4e5f6a7b8c9d0e1f2", owner.email), owner.email);
    expect(ownersDevice).toBe("a1b2c3d4e5f6a7b8c9d0e1f2");
    // A guesser from several addresses, so no per-IP limit is reached.
    for (let i = 0; i <= settings.account.freeFailures; i += 1) await attempt(owner.email, `guess-${i}`, null, `203.0.113.${i + 1}`, at(i));
    expect(await attempt(owner.email, owner.password, null, "203.0.113.99", at(10))).toBe("throttled");
    expect(await attempt(owner.email, owner.password, ownersDevice, "198.51.100.40", at(11))).toBe("signed-in");
  });

  it("throttles the owner's own browser by its own failures", async () => {
    const owner = await createTestUser("EDITOR");
    const device = "f1e2d3c4b5a6978877665544";
    for (let i = 0; i < settings.account.freeFailures; i += 1) expect(await attempt(owner.email, `typo-${i}`, device, "198.51.100.41", at(100 + i))).toBe("wrong");
    expect(await attempt(owner.email, owner.password, device, "198.51.100.41", at(110))).toBe("throttled");
  });

  it("believes only a genuine cookie for the same account", async () => {
    const value = deviceCookieValue("a1b2c3d4e5f6a7b8c9d0e1f2", "owner@test.pressbox");
    expect(deviceIdFromCookie(value, "OWNER@test.pressbox")).toBe("a1b2c3d4e5f6a7b8c9d0e1f2");
    expect(deviceIdFromCookie(value, "someone-else@test.pressbox")).toBeNull();
    expect(
      deviceIdFromCookie(
        value.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        "owner@test.pressbox",
      ),
    ).toBeNull();
    expect(deviceIdFromCookie("a1b2c3d4e5f6a7b8c9d0e1f2.x.y", "owner@test.pressbox")).toBeNull();
  });
});
