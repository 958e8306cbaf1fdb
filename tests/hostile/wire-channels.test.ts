// Hostile wire documents through both machine channels of the production server: the push
// endpoint (POST /api/wire/push/<agency>, signed) and the watched inbox folder the server starts
// (WIRE_INBOX_DIR). An entity bomb, external entities (file: and http:), a 100 MB document (pushed
// with and without a Content-Length, and dropped in the folder), and files named with path tricks
// are each refused with a clear message and create nothing; a body full of script and event-handler
// markup is imported with all of it neutralised, in the stored Tiptap JSON and on the rendered page.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type RunningServer } from "../setup/next-server";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";

const SERVER_LOG = path.join("test-results", "hostile-wire-channels-server.log");
const SECRET = "pbx_hostile_wire_channels_secret";
const MB = 1024 * 1024;

let database: TestDatabase;
let server: RunningServer;
let inboxParent: string;
let inbox: string;
let agencyId: string;
let m: Awaited<ReturnType<typeof loadModules>>;
const tally = { cases: 0, refused: 0, neutralised: 0, createdByRefusal: 0 };

async function loadModules() {
  return {
    db: (await import("../../lib/db")).db,
    accounts: await import("../fixtures/accounts"),
    signPush: (await import("../../lib/wire/push")).signPush,
    preview: await import("../../lib/articles/preview"),
  };
}

beforeAll(async () => {
  database = await createSqliteDatabase("hostile-wire-channels");
  inboxParent = mkdtempSync(path.join(tmpdir(), "wire-hostile-"));
  inbox = path.join(inboxParent, "inbox");
  mkdirSync(inbox);
  // The secret startAppServer gives the server: preview links made here must be signed with it.
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? "pressbox-e2e-secret-not-for-production";
  const env = { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir, PRESSBOX_SCHEDULER: "off", AUTH_SECRET: secret, NEXTAUTH_SECRET: secret };
  Object.assign(process.env, env);
  m = await loadModules();
  const admin = await m.accounts.createTestUser("ADMIN");
  agencyId = (await m.db.agency.create({ data: { name: "Hostile Wire Agency", shortCredit: "HWA", creditFormat: "{agency}", pushSecret: SECRET } })).id;
  server = await startAppServer({ ...env, WIRE_INBOX_DIR: inbox, WIRE_IMPORT_AS: admin.email, WIRE_INBOX_POLL_SECONDS: "1", WIRE_INBOX_SETTLE_SECONDS: "0" }, SERVER_LOG);
  // The inbox runs in its own process, started once the server answers: it is watching when it has
  // made its folders.
  const deadline = Date.now() + 60_000;
  while (!existsSync(path.join(inbox, "failed")) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (!existsSync(path.join(inbox, "failed"))) throw new Error(`the inbox process did not start: see ${SERVER_LOG}`);
});

afterAll(async () => {
  await server?.stop();
  await m?.db.$disconnect();
  if (database) removeDir(database.dir);
  console.log(`wire channels: ${tally.cases} hostile cases: ${tally.refused} refused, ${tally.neutralised} imported neutralised, ${tally.createdByRefusal} refused cases that created something`);
});

const counts = async () => ({ items: await m.db.wireItem.count(), articles: await m.db.article.count(), media: await m.db.media.count() });

function signedHeaders(body: string | Uint8Array, contentType = "application/json"): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { "content-type": contentType, "x-pressbox-timestamp": timestamp, "x-pressbox-signature": m.signPush(SECRET, timestamp, body) };
}

async function push(body: string, contentType = "application/json"): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}/api/wire/push/hostile-wire-agency`, { method: "POST", body, headers: signedHeaders(body, contentType) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

// A refused case: the status and message it must get, and nothing may be created.
async function expectRefused(work: () => Promise<{ status: number; message: string }>, status: number, message: RegExp): Promise<void> {
  tally.cases++;
  const before = await counts();
  const answer = await work();
  const after = await counts();
  if (JSON.stringify(after) !== JSON.stringify(before)) tally.createdByRefusal++;
  expect(answer).toEqual({ status, message: expect.stringMatching(message) });
  expect(after).toEqual(before);
  tally.refused++;
}

// Waits until the server's inbox watcher has filed `name` in done/ or failed/.
async function filed(wanted: string | ((entry: string) => boolean), timeoutMs = 30_000): Promise<{ folder: "done" | "failed"; reason: string | null }> {
  const deadline = Date.now() + timeoutMs;
  const matches = typeof wanted === "string" ? (entry: string) => entry === wanted : wanted;
  while (Date.now() < deadline) {
    for (const folder of ["done", "failed"] as const) {
      const name = readdirSync(path.join(inbox, folder)).find((entry) => matches(entry) && !entry.endsWith(".reason.txt"));
      if (name) {
        const reasonFile = path.join(inbox, folder, `${name}.reason.txt`);
        return { folder, reason: existsSync(reasonFile) ? readFileSync(reasonFile, "utf8").trim() : null };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${String(wanted)} was not filed within ${timeoutMs} ms; the inbox holds ${JSON.stringify(readdirSync(inbox))}`);
}

async function dropAndWait(name: string, content: string | Buffer | (() => void)): Promise<{ status: number; message: string }> {
  if (typeof content === "function") content();
  else writeFileSync(path.join(inbox, name), content);
  const result = await filed(name);
  return { status: result.folder === "failed" ? 422 : 200, message: result.reason ?? "" };
}

const BOMB = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]><newsItem guid="urn:bomb" version="1"><contentSet><inlineXML><p>&lol9;</p></inlineXML></contentSet></newsItem>`;
const externalEntity = (url: string) =>
  `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "${url}">]><newsItem guid="urn:xxe" version="1"><itemMeta><pubStatus qcode="stat:usable"/></itemMeta><contentSet><inlineXML><p>&e;</p></inlineXML></contentSet></newsItem>`;
const DECLARATION_REFUSED = /DOCTYPE or ENTITY declaration/;

describe("hostile wire documents through the push endpoint and the inbox folder", () => {
  it.each([
    ["an entity bomb (billion laughs)", BOMB],
    ["an external entity reading file:///etc/passwd", externalEntity("file:///etc/passwd")],
    ["an external entity fetching http://", externalEntity("http://127.0.0.1:9/steal")],
  ])("%s is refused when pushed (422) and when dropped in the folder (failed/ with the reason)", async (_name, document) => {
    await expectRefused(
      async () => {
        const { status, json } = await push(document, "application/xml");
        return { status, message: String(json.error) };
      },
      422,
      DECLARATION_REFUSED,
    );
    await expectRefused(() => dropAndWait(`entity-${tally.cases}.xml`, document), 422, DECLARATION_REFUSED);
    expect(readFileSync("/etc/hostname", "utf8").length).toBeGreaterThan(0);
  });

  it("a 100 MB document is refused when pushed, by Content-Length before reading and cut off when streamed without one", async () => {
    await expectRefused(
      async () => {
        const response = await fetch(`${server.baseUrl}/api/wire/push/${agencyId}`, {
          method: "POST",
          body: new Uint8Array(100 * MB).fill(32),
          headers: signedHeaders("not this body"),
        });
        return { status: response.status, message: String(((await response.json()) as { error: string }).error) };
      },
      413,
      /over 100 MB; the limit is 5 MB/,
    );
    // Chunked, no Content-Length: the server stops reading past the limit; the client is told so
    // before it has sent the 100 MB (how much it sent is counted).
    let sent = 0;
    const chunk = new Uint8Array(MB).fill(32);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 100 * MB) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    await expectRefused(
      async () => {
        const response = await fetch(`${server.baseUrl}/api/wire/push/${agencyId}`, { method: "POST", body: stream, duplex: "half", headers: signedHeaders("not this body") } as RequestInit);
        return { status: response.status, message: String(((await response.json()) as { error: string }).error) };
      },
      413,
      /the limit is 5 MB/,
    );
    expect(sent).toBeLessThan(100 * MB);
  });

  it("a 100 MB file dropped in the folder is refused by its size, without being read", async () => {
    await expectRefused(
      () =>
        dropAndWait("hundred.json", () => {
          writeFileSync(path.join(inbox, "hundred.json"), "");
          truncateSync(path.join(inbox, "hundred.json"), 100 * MB);
        }),
      422,
      /^The file is 100 MB; the limit is 5 MB\.$/,
    );
  });

  it("script and event-handler markup is imported neutralised: not in the stored body, not on the rendered page", async () => {
    tally.cases++;
    const body = [
      `<p onclick="alert('click')">Safe words <script>alert('script')</script><img src="x" onerror="alert('img')"/>`,
      `<a href="javascript:alert('link')" onmouseover="alert('hover')">a link</a> <a href="https://example.com/ok">fine link</a></p>`,
      `<svg onload="alert('svg')"><circle/></svg><iframe src="javascript:alert('frame')"></iframe><style>body{background:url(javascript:alert('css'))}</style>`,
      `<p style="x" data-x="1" formaction="javascript:alert('form')">Second paragraph.</p>`,
    ].join("");
    const document = JSON.stringify({
      uri: "urn:hostile:script",
      version: "1",
      headlines: [{ value: "Markup <script>alert('headline')</script>" }],
      bodies: [{ role: "main", contenttype: "text/html", value: body }],
    });
    const { status, json } = await push(document);
    expect(status).toBe(201);
    const article = await m.db.article.findUniqueOrThrow({ where: { id: String(json.articleId) }, select: { id: true, body: true, headline: true, createdById: true, status: true } });
    const stored = JSON.stringify(article.body);
    expect(stored).toMatch(/Safe words/);
    expect(stored).toMatch(/Second paragraph\./);
    expect(stored).toMatch(/https:\/\/example\.com\/ok/);
    expect(stored).not.toMatch(/<script|alert\(|javascript:|onerror|onclick|onload|onmouseover|<svg|<iframe|formaction/i);
    const preview = await m.preview.createPreviewLink({ id: article.createdById!, role: "ADMIN", name: "Hostile admin" }, article.id);
    const page = await (await fetch(`${server.baseUrl}${preview.path}`)).text();
    expect(page).toMatch(/Safe words/);
    // The headline's markup is shown as text (escaped); nothing of it is markup on the page.
    expect(page).toContain("Markup &lt;script&gt;alert(&#x27;headline&#x27;)&lt;/script&gt;");
    expect(page).not.toMatch(/<script>alert|<svg|<iframe|javascript:alert|\son(error|click|load|mouseover)=/i);
    tally.neutralised++;
  });

  it("files named with path tricks stay inside the folder: imported or refused, filed in done/ or failed/, nothing written elsewhere", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "wire-outside-"));
    writeFileSync(path.join(outside, "target.json"), JSON.stringify({ uri: "urn:hostile:outside", version: "1", headlines: [{ value: "Outside" }] }));
    const parentBefore = readdirSync(inboxParent).sort();
    const document = (id: string) => JSON.stringify({ uri: `urn:hostile:name:${id}`, version: "1", headlines: [{ value: `Named ${id}` }] });
    const names = [
      "a..%2F..%2Fetc%2Fpasswd.json",
      "a\\..\\..\\escape.json",
      "-rf --no-preserve-root.json",
      "line\nbreak.json",
      `${"long".repeat(60)}.json`,
      "rtl\u202Enosj.txt",
      "processing~trick.json",
      " leading-space.json",
    ];
    for (const [index, name] of names.entries()) {
      tally.cases++;
      writeFileSync(path.join(inbox, name), document(String(index)));
      // A name too long to carry a claim token is filed cut short, with a hash of the whole name.
      const result = await filed(name.length > 200 ? (entry) => entry.startsWith("longlong") && /-[0-9a-f]{8}$/.test(entry) : name);
      expect(result.folder).toBe("done");
      tally.neutralised++;
    }
    tally.cases++;
    symlinkSync(path.join(outside, "target.json"), path.join(inbox, "link.json"));
    expect(await filed("link.json")).toEqual({ folder: "failed", reason: "is a symbolic link; links are not followed" });
    expect(await m.db.wireItem.count({ where: { guid: "urn:hostile:outside" } })).toBe(0);
    tally.refused++;
    // Names starting with a dot wait (the upload convention: write as a dotfile, then rename), untouched.
    writeFileSync(path.join(inbox, "..%2F..%2Fetc%2Fpasswd.json"), document("dotted"));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(readdirSync(inbox).sort()).toEqual(["..%2F..%2Fetc%2Fpasswd.json", "done", "failed", "processing"]);
    expect(readdirSync(inboxParent).sort()).toEqual(parentBefore);
    expect(readdirSync(outside)).toEqual(["target.json"]);
    expect(readdirSync(path.join(inbox, "processing"))).toEqual([]);
  });
});
