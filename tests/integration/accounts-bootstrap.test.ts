// The first accounts `npm start` makes: demo accounts with demo content, or the admin named in
// PRESSBOX_ADMIN_EMAIL instead; never twice.
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../lib/auth/sign-in";
import { db } from "../../lib/db";
import { DEMO_ACCOUNTS, ensureAccounts } from "../../lib/users/bootstrap";
import { uniqueSuffix } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";

const quiet = () => {};

beforeAll(async () => {
  await ensureDemoNewsroom();
});

describe("ensureAccounts", () => {
  it("creates the demo admin, editor and contributor once, linked to their byline profiles", async () => {
    const log: string[] = [];
    const first = await ensureAccounts(db, {}, (line) => log.push(line));
    // Printed on the console when created, passwords included (they are demo-only and in the README).
    for (const account of DEMO_ACCOUNTS.filter((a) => first.created.includes(a.email))) {
      expect(log.join("\n")).toContain(`${account.email}  password: ${account.password}`);
    }
    const again = await ensureAccounts(db, {}, quiet);
    expect(again).toEqual({ created: [], mode: "demo" });
    const users = await db.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, include: { bylineProfile: true } });
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual([
      ["admin@pressbox.test", "ADMIN"],
      ["contributor@pressbox.test", "CONTRIBUTOR"],
      ["editor@pressbox.test", "EDITOR"],
    ]);
    expect(users.find((u) => u.role === "EDITOR")?.bylineProfile?.slug).toBe("jordan-ellis");
    expect(users.find((u) => u.role === "CONTRIBUTOR")?.bylineProfile?.slug).toBe("sam-whitfield");
    const demoEditor = DEMO_ACCOUNTS.find((a) => a.role === "EDITOR")!;
    expect(await authenticate({ email: demoEditor.email, password: demoEditor.password }, { ip: "127.0.0.1" })).toMatchObject({ role: "EDITOR" });
  });

  it("creates only the configured admin when PRESSBOX_ADMIN_EMAIL is set, and no demo accounts", async () => {
    const email = `first-admin-${uniqueSuffix()}@test.pressbox`;
    const env = { PRESSBOX_ADMIN_EMAIL: email.toUpperCase(), PRESSBOX_ADMIN_PASSWORD: "a-long-admin-password" };
    const before = await db.user.count();
    expect(await ensureAccounts(db, env, quiet)).toEqual({ created: [email], mode: "admin-from-environment" });
    expect(await db.user.count()).toBe(before + 1);
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: "ADMIN", isDisabled: false });
    expect(await ensureAccounts(db, env, quiet)).toEqual({ created: [], mode: "admin-from-environment" });
  });

  it("refuses to start with an admin email but no usable password", async () => {
    const email = `no-password-${uniqueSuffix()}@test.pressbox`;
    await expect(ensureAccounts(db, { PRESSBOX_ADMIN_EMAIL: email }, quiet)).rejects.toThrow(/PRESSBOX_ADMIN_PASSWORD/);
    await expect(ensureAccounts(db, { PRESSBOX_ADMIN_EMAIL: email, PRESSBOX_ADMIN_PASSWORD: "short" }, quiet)).rejects.toThrow(/at least 10/);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("creates nothing when demo content is off and no admin is configured", async () => {
    const before = await db.user.count();
    expect(await ensureAccounts(db, { PRESSBOX_DEMO_CONTENT: "false" }, quiet)).toEqual({ created: [], mode: "none" });
    expect(await db.user.count()).toBe(before);
  });
});
