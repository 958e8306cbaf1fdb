// Sign-in throttling: per account and per IP, with waits that grow, counted in the database.
import { describe, expect, it } from "vitest";
import { authenticate } from "../../lib/auth/sign-in";
import { db } from "../../lib/db";
import { throttleSettings } from "../../lib/rate-limit/settings";
import { createTestUser, uniqueSuffix } from "../fixtures/accounts";

const settings = throttleSettings();
const start = new Date("2031-03-01T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const freshIp = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function attempt(email: string, password: string, ip: string, now: Date): Promise<"signed-in" | "wrong" | number> {
  try {
    return (await authenticate({ email, password }, { ip, now })) ? "signed-in" : "wrong";
  } catch (error) {
    const { code, details } = error as { code?: string; details?: { retryAfterSeconds: number } };
    if (code !== "TOO_MANY_REQUESTS") throw error;
    return details!.retryAfterSeconds;
  }
}

describe("sign-in throttling per account", () => {
  it("makes each try after the free ones wait twice as long, even with the right password", async () => {
    const user = await createTestUser("EDITOR");
    const ip = freshIp();
    for (let i = 0; i < settings.account.freeFailures; i += 1) expect(await attempt(user.email, "wrong-password", ip, at(i))).toBe("wrong");
    let now = settings.account.freeFailures - 1;
    // Throttled tries are not heard: they do not count, and are not recorded.
    const recorded = await db.loginAttempt.count({ where: { email: user.email } });
    expect(await attempt(user.email, user.password, ip, at(now + 1))).toBe(2);
    expect(await db.loginAttempt.count({ where: { email: user.email } })).toBe(recorded);
    for (const wait of [2_000, 4_000, 8_000]) {
      now += wait;
      expect(await attempt(user.email, "wrong-password", ip, at(now))).toBe("wrong");
      expect(await attempt(user.email, user.password, ip, at(now + 1))).toBe((wait * 2) / 1000);
    }
  });

  it("starts counting afresh after a successful sign-in", async () => {
    const user = await createTestUser("EDITOR");
    const ip = freshIp();
    for (let i = 0; i < settings.account.freeFailures; i += 1) await attempt(user.email, "wrong-password", ip, at(i));
    expect(await attempt(user.email, user.password, ip, at(10_000))).toBe("signed-in");
    expect(await attempt(user.email, "wrong-password", ip, at(10_001))).toBe("wrong");
    expect(await attempt(user.email, "wrong-password", ip, at(10_002))).toBe("wrong");
  });

  it("does not let a burst of simultaneous guesses past the free ones", async () => {
    const user = await createTestUser("EDITOR");
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt(user.email, "wrong-password", ip, at(0))));
    expect(results.filter((result) => result === "wrong").length).toBeLessThanOrEqual(settings.account.freeFailures);
    expect(results.filter((result) => typeof result === "number").length).toBeGreaterThanOrEqual(12 - settings.account.freeFailures);
  });
});

describe("sign-in throttling per IP", () => {
  it("slows one address guessing many accounts, while other addresses carry on", async () => {
    const ip = freshIp();
    const users = await Promise.all(Array.from({ length: settings.ip.freeFailures + 1 }, () => createTestUser("CONTRIBUTOR", { name: `Sprayed ${uniqueSuffix()}` })));
    for (const [i, user] of users.slice(0, -1).entries()) expect(await attempt(user.email, "wrong-password", ip, at(i))).toBe("wrong");
    const last = users.at(-1)!;
    expect(await attempt(last.email, last.password, ip, at(users.length))).toBe(2);
    expect(await attempt(last.email, last.password, freshIp(), at(users.length))).toBe("signed-in");
  });
});
