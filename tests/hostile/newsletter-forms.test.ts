// The reader's newsletter forms over HTTP, on a production server on SQLite and one on PostgreSQL
// (a fresh, migrated database each): header injection (CR/LF) in addresses and in a newsletter's
// sender name, the big list of naughty strings as addresses and ids, huge forms, wrong methods
// and content types. Every answer is a 4xx (or the one answer every real address gets), nothing
// is stored for a refused request, and nothing is ever a 500.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { startAppServer, type RunningServer } from "../setup/next-server";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";
import { createPostgresDatabase, type PostgresDatabase } from "./support/h3-postgres";
import type { Db } from "../../lib/db";

const SECRET = "pressbox-hostile-newsletter-secret";
const NAUGHTY: string[] = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("big-list-of-naughty-strings/blns.json"), "utf8"));
const INJECTIONS = [
  "reader@example.org\r\nBcc: victim@example.net",
  "reader@example.org\nSubject: free money",
  "reader@example.org\rTo: victim@example.net",
  "reader@example.org%0d%0aBcc:victim@example.net",
  "Reader <reader@example.org>",
  "reader@example.org, victim@example.net",
  "reader@example.org;victim@example.net",
  '"reader\r\n"@example.org',
  "reader@example.org\u0000",
  "reader@exa\u2028mple.org",
];

type Site = { server: RunningServer; db: Db; newsletterId: string; injectedId: string };
const sites: Record<string, Site | null> = { sqlite: null, postgres: null };
let sqlite: TestDatabase;
let postgres: PostgresDatabase | undefined;
let smtp: TestSmtp;

async function prepare(databaseUrl: string, label: string, createDb: (url: string) => Db): Promise<Site> {
  const db = createDb(databaseUrl);
  const base = { description: "", senderAddress: "desk@example.org", consentText: "I agree." };
  const newsletter = await db.newsletter.create({ data: { ...base, slug: "morning", name: "Morning briefing", senderName: "Desk", isMain: true } });
  // A sender name with a line break (written past the admin screens): the email's headers must
  // still hold one From and no more.
  const injected = await db.newsletter.create({ data: { ...base, slug: "injected", name: "Late\r\nBcc: victim@example.net", senderName: "Desk\r\nBcc: victim@example.net" } });
  const env = {
    DATABASE_URL: databaseUrl,
    MEDIA_DIR: sqlite.mediaDir,
    NEXTAUTH_SECRET: SECRET,
    AUTH_SECRET: SECRET,
    SMTP_URL: smtp.url,
    NEWSLETTER_SIGNUPS_PER_IP: "100000",
    NEWSLETTER_SIGNUPS_PER_ADDRESS: "3",
  };
  const server = await startAppServer(env, path.join("test-results", "hostile", `newsletter-${label}.log`));
  return { server, db, newsletterId: newsletter.id, injectedId: injected.id };
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  smtp = await startTestSmtp();
  sqlite = await createSqliteDatabase("newsletter-forms");
  postgres = await createPostgresDatabase("newsletter_forms");
  process.env.DATABASE_URL = sqlite.databaseUrl;
  const { createDb } = await import("../../lib/db");
  [sites.sqlite, sites.postgres] = await Promise.all([prepare(sqlite.databaseUrl, "sqlite", createDb), prepare(postgres.databaseUrl, "postgres", createDb)]);
});

afterAll(async () => {
  for (const site of Object.values(sites)) {
    await site?.server.stop();
    await site?.db.$disconnect();
  }
  await postgres?.drop();
  if (sqlite) removeDir(sqlite.dir);
  await smtp?.stop();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const JSON_TYPE = { "content-type": "application/json" };

describe.each(["sqlite", "postgres"])("newsletter forms on %s", (name) => {
  const site = () => sites[name]!;
  const post = (route: string, body: BodyInit, headers: Record<string, string>) => fetch(`${site().server.baseUrl}${route}`, { method: "POST", body, headers, redirect: "manual" });
  const subscribers = () => site().db.subscriber.count();

  it("refuses addresses that carry CR/LF or extra recipients, as JSON (422) and as a form (back to the page), storing nothing", async () => {
    const before = await subscribers();
    for (const email of INJECTIONS) {
      const json = await post("/api/newsletter/subscribe", JSON.stringify({ email, newsletterId: site().newsletterId }), JSON_TYPE);
      expect(json.status, email).toBe(422);
      expect((await json.json()).error).toMatch(/valid email address/);
      const plain = await post("/api/newsletter/subscribe", form({ email, newsletterId: site().newsletterId }), FORM);
      expect(plain.status, email).toBe(303);
      expect(plain.headers.get("location")).toMatch(/^\/newsletter\?error=invalid/);
    }
    expect(await subscribers()).toBe(before);
    expect(smtp.received.filter((mail) => mail.to.includes("victim@example.net"))).toHaveLength(0);
  });

  it("sends one email with one From when the newsletter's sender name holds a line break", async () => {
    const email = `injected-${name}@example.org`;
    const response = await post("/api/newsletter/subscribe", JSON.stringify({ email, newsletterId: site().injectedId }), JSON_TYPE);
    expect(response.status).toBe(200);
    const mail = await smtp.waitFor(email);
    expect(mail.to).toEqual([email]);
    expect(mail.parsed.from?.value).toHaveLength(1);
    expect(mail.parsed.bcc).toBeUndefined();
    // The name may show in the body as written; the header block has no line of its own for it.
    const headers = mail.raw.split(/\r?\n\r?\n/)[0];
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(headers.match(/^From:/gim)).toHaveLength(1);
  });

  it("answers every naughty string as an address, a newsletter id or a story id with a 4xx or the usual answer, never a 500", async () => {
    const before = await subscribers();
    let accepted = 0;
    for (const text of NAUGHTY) {
      const asAddress = await post("/api/newsletter/subscribe", JSON.stringify({ email: text, newsletterId: site().newsletterId }), JSON_TYPE);
      expect([200, 422], JSON.stringify(text)).toContain(asAddress.status);
      if (asAddress.status === 200) accepted += 1;
      const asId = await post("/api/newsletter/subscribe", form({ email: "reader@example.org", newsletterId: text, sourceArticleId: text }), FORM);
      expect(asId.status, JSON.stringify(text)).toBe(303);
    }
    // "reader@example.org" itself is stored once, on the sign-ups naming the main newsletter (blank ids).
    expect(await subscribers()).toBeLessThanOrEqual(before + accepted + 1);
  });

  it("refuses forms far larger than any real one with 413, and stores nothing", async () => {
    const before = await subscribers();
    const big = form({ email: "big@example.org", newsletterId: site().newsletterId, padding: "x".repeat(100_000) });
    expect((await post("/api/newsletter/subscribe", big, FORM)).status).toBe(413);
    expect((await post("/api/newsletter/subscribe", JSON.stringify({ email: "big@example.org", padding: "x".repeat(2_000_000) }), JSON_TYPE)).status).toBe(413);
    expect((await post("/api/newsletter/unsubscribe?token=x", `List-Unsubscribe=One-Click&${"x".repeat(100_000)}`, FORM)).status).toBe(413);
    expect((await post("/api/newsletter/preferences", form({ token: "x", newsletter: "y".repeat(100_000) }), FORM)).status).toBe(413);
    expect(await subscribers()).toBe(before);
  });

  it("refuses wrong methods, content types and bodies with a 4xx", async () => {
    const base = site().server.baseUrl;
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) expect((await fetch(`${base}/api/newsletter/subscribe`, { method, redirect: "manual" })).status, method).toBe(405);
    expect((await fetch(`${base}/api/newsletter/unsubscribe?token=x`, { method: "PUT" })).status).toBe(405);
    for (const type of ["text/plain", "application/xml", "multipart/form-data; boundary=x", ""]) {
      expect((await post("/api/newsletter/subscribe", "email=a@example.org", { "content-type": type })).status, type).toBe(415);
    }
    expect((await post("/api/newsletter/unsubscribe?token=x", "List-Unsubscribe=One-Click", { "content-type": "text/plain" })).status).toBe(415);
    expect((await post("/api/newsletter/subscribe", "{not json", JSON_TYPE)).status).toBe(400);
    expect((await post("/api/newsletter/subscribe", "[1,2]", JSON_TYPE)).status).toBe(400);
    expect((await post("/api/newsletter/subscribe", JSON.stringify({ email: { $ne: "" } }), JSON_TYPE)).status).toBe(422);
  });

  it("refuses forged links without a 500, and limits sign-ups per address with a time to wait", async () => {
    expect((await post("/api/newsletter/unsubscribe?token=forged.token&list=x", "List-Unsubscribe=One-Click", FORM)).status).toBe(400);
    const confirm = await post("/api/newsletter/confirm", form({ token: NAUGHTY[10] ?? "x" }), FORM);
    expect(confirm.headers.get("location")).toBe("/newsletter/confirm?result=invalid");
    for (const page of ["/newsletter/confirm?token=x%00y", "/newsletter/unsubscribe?token=a.b", "/newsletter/preferences?token=%F0%9F%98%80.x", "/newsletter?error=%3Cscript%3E"]) {
      const response = await fetch(`${site().server.baseUrl}${page}`);
      // The server refuses a NUL in an address at its door (400); every other page explains itself.
      expect(response.status, page).toBe(page.includes("%00") ? 400 : 200);
    }
    const email = `limited-${name}@example.org`;
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await post("/api/newsletter/subscribe", JSON.stringify({ email, newsletterId: site().newsletterId }), JSON_TYPE));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(Number(statuses[3].headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
