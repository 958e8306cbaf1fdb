// Anonymous requests the production server must refuse at its door, never with a 500: addresses
// whose percent-encoding does not decode, next-auth's credentials callback fetched with GET, and
// a server-action body over the 1 MB Next.js accepts. Run against a server on SQLite and one on
// PostgreSQL (an empty, migrated database each: none of these requests needs a row).
import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { startAppServer, type RunningServer } from "../setup/next-server";
import { createPostgresDatabase, type PostgresDatabase } from "./support/h3-postgres";
import { serverActionId } from "./support/h3-server-action";
import { REFRESH_PATH, SIGNATURE_HEADER, signRefresh } from "../../lib/internal-refresh";

const SECRET = "pressbox-hostile-request-boundary-secret";
const MALFORMED_PATHS = ["/%FF", "/tag/%ED%A0%80", "/football/%FF", "/preview/%FF", "/media/r/%FF", "/tag/%", "/football/story%E0%A4%A"];

let sqlite: TestDatabase;
let postgres: PostgresDatabase | undefined;
const servers: Record<string, RunningServer | null> = { sqlite: null, postgres: null };

// POSTs headers declaring `declared` bytes and sends only `sent`: the status, or "no answer" when
// the server is still waiting for the rest of the body after `waitMs`.
function postPartly(url: string, declared: number, sent: number, waitMs: number): Promise<number | "no answer"> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { "content-type": "application/json", "content-length": String(declared) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on("error", (error) => (String(error).includes("ECONNRESET") ? undefined : reject(error)));
    req.write("x".repeat(sent));
    setTimeout(() => {
      resolve("no answer");
      req.destroy();
    }, waitMs);
  });
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  sqlite = await createSqliteDatabase("request-boundary");
  postgres = await createPostgresDatabase("request_boundary");
  const auth = { NEXTAUTH_SECRET: SECRET, AUTH_SECRET: SECRET };
  servers.sqlite = await startAppServer({ DATABASE_URL: sqlite.databaseUrl, MEDIA_DIR: sqlite.mediaDir, ...auth }, path.join("test-results", "hostile", "boundary-sqlite.log"));
  servers.postgres = await startAppServer({ DATABASE_URL: postgres.databaseUrl, MEDIA_DIR: sqlite.mediaDir, ...auth }, path.join("test-results", "hostile", "boundary-postgres.log"));
});

afterAll(async () => {
  await servers.sqlite?.stop();
  await servers.postgres?.stop();
  await postgres?.drop();
  if (sqlite) removeDir(sqlite.dir);
});

describe.each(["sqlite", "postgres"])("the request boundary on %s", (name) => {
  const base = () => {
    const server = servers[name];
    if (!server) throw new Error(`no ${name} server`);
    return server.baseUrl;
  };

  it.each(MALFORMED_PATHS)("answers 400 with a message to the malformed address %s", async (address) => {
    const response = await fetch(`${base()}${address}`, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/address/i);
  });

  it("answers the credentials callback fetched with GET with a 4xx, not a 500", async () => {
    const response = await fetch(`${base()}/api/auth/callback/credentials`, { redirect: "manual" });
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.status).toBeLessThan(500);
  });

  it("answers 413 to a server-action body over 1 MB, before Next.js reads it", async () => {
    const actionId = serverActionId("app/(newsroom)/newsroom/stories/actions.ts", "saveStoryAction");
    const response = await fetch(`${base()}/newsroom/stories/x`, {
      method: "POST",
      headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
      body: JSON.stringify([{ headline: "x".repeat(1_200_000) }]),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/too large/i);
  });

  it("refuses an unsigned refresh notice declaring 200 MB without waiting for its body", async () => {
    expect(await postPartly(`${base()}${REFRESH_PATH}`, 200_000_000, 1_000, 30_000)).toBe(413);
  });

  it("accepts a signed refresh notice once and refuses the same notice replayed", async () => {
    const body = JSON.stringify({ articleIds: ["cnotastory00000000000001"] });
    const headers = { "content-type": "application/json", [SIGNATURE_HEADER]: signRefresh(body) };
    const first = await fetch(`${base()}${REFRESH_PATH}`, { method: "POST", headers, body });
    const replay = await fetch(`${base()}${REFRESH_PATH}`, { method: "POST", headers, body });
    expect([first.status, replay.status]).toEqual([200, 403]);
  });

  it("serves a page asked for with an unknown query parameter from the same cache entry", async () => {
    await fetch(`${base()}/?ref=warm`);
    const statuses = await Promise.all(["/?ref=1", "/?ref=2", "/?utm_source=x"].map(async (address) => (await fetch(`${base()}${address}`)).headers.get("x-pressbox-cache")));
    expect(statuses).toEqual(["hit", "hit", "hit"]);
  });
});
