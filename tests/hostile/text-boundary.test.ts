// Issue 17 §4 over HTTP, on a production server on SQLite and one on a fresh PostgreSQL database:
// a NUL (U+0000) or a lone surrogate (U+D800) in any text a person sends (a story's headline,
// kicker, standfirst, agency line, body text, tags and slug; the editor's searches; every admin
// form; a picture's words; the upload's alt text; the sign-in email; ids), a NUL in a search or
// filter query, and a story body nested 10,000 levels. Each is refused with a 4xx and a message
// (sign-in: sent back to the sign-in page with its reason), nothing in the database changes
// (every row of every table compared), and both databases give the same answer. Unbroken
// controls at the end are accepted, so the refusals came from the characters.
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type RunningServer } from "../setup/next-server";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { createPostgresDatabase, type PostgresDatabase } from "./support/h3-postgres";
import { digest, tableDigests } from "./support/table-digests";
import { actionTarget } from "./support/action-targets";
import { makeImage } from "../fixtures/images";

const SECRET = "pressbox-hostile-text-boundary-secret";
const BAD = { nul: "\u0000", surrogate: "\uD800" } as const;
type Bad = keyof typeof BAD;

type Seeded = {
  adminCookie: string;
  adminEmail: string;
  draftId: string;
  mediaId: string;
  user: Versioned;
  tag: Versioned;
  byline: Versioned;
  agency: Versioned;
  photographer: Versioned;
  section: Versioned;
};
type Versioned = { id: string; version: number };
type Target = { server: RunningServer; seeded: Seeded; snapshot: () => Promise<Map<string, string>>; close: () => Promise<void> };
type Answer = { status: number; message: string };

// ---------------------------------------------------------------------------------------------
// Two newsrooms: one per database, each with its own production server.

let sqliteDir: TestDatabase | undefined;
let postgres: PostgresDatabase | undefined;
const targets: Record<string, Target | string> = {};

function seed(env: Record<string, string>): Seeded {
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join("tests", "hostile", "support", "text-boundary-seed.ts")], {
    env: { ...process.env, ...env, NEXTAUTH_SECRET: SECRET, AUTH_SECRET: SECRET },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as Seeded;
}

async function postgresSnapshot(url: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")).rows.map(
      (row) => row.name,
    );
    const result = new Map<string, string>();
    for (const table of tables) result.set(table, digest((await client.query(`SELECT t::text AS row FROM "${table}" t`)).rows.map((row: { row: string }) => row.row)));
    return result;
  } finally {
    await client.end();
  }
}

async function startTarget(name: string, env: Record<string, string>, snapshot: () => Promise<Map<string, string>>): Promise<Target> {
  const seeded = seed(env);
  const server = await startAppServer({ ...env, NEXTAUTH_SECRET: SECRET, AUTH_SECRET: SECRET, PRESSBOX_SCHEDULER: "off" }, path.join("test-results", "hostile", `text-boundary-${name}.log`));
  return { server, seeded, snapshot, close: () => server.stop() };
}

beforeAll(async () => {
  sqliteDir = await createSqliteDatabase("text-boundary");
  const file = sqliteDir.databaseUrl.replace(/^file:/, "");
  const sqliteEnv = { DATABASE_URL: sqliteDir.databaseUrl, MEDIA_DIR: sqliteDir.mediaDir };
  targets.sqlite = await startTarget("sqlite", sqliteEnv, async () => {
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return tableDigests(reader);
    } finally {
      reader.close();
    }
  });
  // The project's global setup found a PostgreSQL server or started an embedded one: never skipped.
  postgres = await createPostgresDatabase("text_boundary");
  const url = postgres.databaseUrl;
  targets.postgres = await startTarget("postgres", { DATABASE_URL: url, MEDIA_DIR: path.join(sqliteDir.dir, "postgres-media") }, () => postgresSnapshot(url));
}, 600_000);

afterAll(async () => {
  for (const target of Object.values(targets)) if (typeof target !== "string") await target.close();
  await postgres?.drop();
  if (sqliteDir) removeDir(sqliteDir.dir);
});

// ---------------------------------------------------------------------------------------------
// Calling the server as the browser does.

// JSON arguments (what the editor sends) or a form (what the admin screens send).
type Args = unknown[] | { form: Record<string, string> } | { raw: string };

async function callAction(target: Target, name: string, args: Args): Promise<Answer> {
  const { id, page } = actionTarget(name);
  let body: BodyInit;
  const headers: Record<string, string> = { "next-action": id, accept: "text/x-component", cookie: target.seeded.adminCookie, origin: target.server.baseUrl };
  if ("raw" in args) {
    body = args.raw;
    headers["content-type"] = "text/plain;charset=UTF-8";
  } else if (Array.isArray(args)) {
    body = JSON.stringify(args);
    headers["content-type"] = "text/plain;charset=UTF-8";
  } else {
    const form = new FormData();
    for (const [key, value] of Object.entries(args.form)) form.set(`_1_${key}`, value);
    form.set("0", JSON.stringify(["$undefined", "$K1"]));
    body = form;
  }
  const response = await fetch(`${target.server.baseUrl}${page}`, { method: "POST", body, headers, redirect: "manual" });
  const text = await response.text();
  const row = /^1:(\{.*)$/m.exec(text)?.[1];
  if (response.status !== 200 || !row) return { status: response.status, message: text.slice(0, 300) };
  const result = JSON.parse(row) as { ok: boolean; status?: number; message?: string };
  return result.ok ? { status: 200, message: "ok" } : { status: result.status ?? 0, message: result.message ?? "" };
}

async function get(target: Target, address: string): Promise<Answer> {
  const response = await fetch(`${target.server.baseUrl}${address}`, { headers: { cookie: target.seeded.adminCookie }, redirect: "manual" });
  return { status: response.status, message: (await response.text()).slice(0, 300) };
}

async function upload(target: Target, altText: string): Promise<Answer> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(await makeImage({ seed: `text-boundary-upload-${altText.length}`, width: 200, height: 120, format: "png" }))], "upload.png"));
  form.set("altText", altText);
  const response = await fetch(`${target.server.baseUrl}/api/media/uploads`, { method: "POST", body: form, headers: { cookie: target.seeded.adminCookie, origin: target.server.baseUrl } });
  const text = await response.text();
  let message = text;
  try {
    message = String((JSON.parse(text) as { error?: unknown }).error ?? text);
  } catch {
    // a plain-text answer
  }
  return { status: response.status, message };
}

async function signIn(target: Target, email: string): Promise<Answer> {
  const csrfResponse = await fetch(`${target.server.baseUrl}/api/auth/csrf`);
  const cookie = /next-auth\.csrf-token=([^;]+)/.exec(csrfResponse.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${target.server.baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `next-auth.csrf-token=${cookie}` },
    body: new URLSearchParams({ email, password: "correct-horse-battery", csrfToken }),
  });
  await response.text();
  // next-auth's refusal: back to the sign-in page with the reason (the page turns it into a sentence).
  const error = new URL(response.headers.get("location") ?? "/", "http://x").searchParams.get("error");
  return { status: response.status, message: error ?? `no error (${response.headers.get("location")})` };
}

// ---------------------------------------------------------------------------------------------
// The cases: each makes one request with `bad` put into one text (or id).

// `formOnly`: the request is a form (multipart or urlencoded), which travels as UTF-8: a lone
// surrogate cannot be sent in one at all (the encoder turns it into U+FFFD, which stores fine),
// so only the NUL is sent. JSON (what the editor posts) carries both as \u escapes.
type Case = { name: string; call: (target: Target, bad: string) => Promise<Answer>; refused: (answer: Answer) => boolean; formOnly?: boolean };
const is4xx = (answer: Answer) => answer.status >= 400 && answer.status < 500 && answer.message.trim().length > 0;
const draftInput = async (target: Target) => {
  const answer = await (async () => {
    const { id, page } = actionTarget("stories/reloadStoryAction");
    const response = await fetch(`${target.server.baseUrl}${page}`, {
      method: "POST",
      body: JSON.stringify([target.seeded.draftId]),
      headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", cookie: target.seeded.adminCookie },
    });
    return JSON.parse(/^1:(\{.*)$/m.exec(await response.text())![1]) as { data: { version: number; article: Record<string, unknown> } };
  })();
  return answer.data;
};
const saveWith =
  (change: (article: Record<string, unknown>, bad: string) => Record<string, unknown>): Case["call"] =>
  async (target, bad) => {
    const { version, article } = await draftInput(target);
    return callAction(target, "stories/saveStoryAction", [{ articleId: target.seeded.draftId, expectedVersion: version, isAutosave: true, article: change(article, bad) }]);
  };
const form = (name: string, fields: (seeded: Seeded, bad: string) => Record<string, string>, field = ""): Case => ({
  name: `${name}${field ? ` ${field}` : ""}`,
  refused: is4xx,
  formOnly: true,
  call: (target, bad) => callAction(target, name, { form: fields(target.seeded, bad) }),
});

function nestedBody(levels: number): string {
  // Written as text: JSON.stringify itself overflows the stack on a value this deep.
  const open = '{"type":"bulletList","content":[{"type":"listItem","content":['.repeat(levels);
  return `{"type":"doc","content":[${open}{"type":"paragraph"}${"]}]}".repeat(levels)}]}`;
}

const CASES: Case[] = [
  ...["headline", "kicker", "standfirst", "agencyLine"].map((field): Case => ({
    name: `saveStoryAction ${field}`,
    refused: is4xx,
    call: saveWith((article, bad) => ({ ...article, [field]: `Final score ${bad}` })),
  })),
  { name: "saveStoryAction tag", refused: is4xx, call: saveWith((article, bad) => ({ ...article, tagNames: [`cup ${bad}final`] })) },
  { name: "saveStoryAction slug", refused: is4xx, call: saveWith((article, bad) => ({ ...article, slug: `final${bad}score` })) },
  {
    name: "saveStoryAction body text",
    refused: is4xx,
    call: saveWith((article, bad) => ({ ...article, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Goal ${bad}` }] }] } })),
  },
  { name: "searchStoriesAction query", refused: is4xx, call: (target, bad) => callAction(target, "stories/searchStoriesAction", [`final${bad}`, target.seeded.draftId]) },
  { name: "searchMediaAction query", refused: is4xx, call: (target, bad) => callAction(target, "stories/searchMediaAction", [`alt${bad}`]) },
  { name: "reloadStoryAction id", refused: is4xx, call: (target, bad) => callAction(target, "stories/reloadStoryAction", [`${target.seeded.draftId}${bad}`]) },
  { name: "transitionAction id", refused: is4xx, call: (target, bad) => callAction(target, "stories/transitionAction", ["submit", { articleId: `${target.seeded.draftId}${bad}`, expectedVersion: 1 }]) },
  {
    name: "updateMediaDetailsAction alt text",
    refused: is4xx,
    call: (target, bad) => callAction(target, "stories/updateMediaDetailsAction", [{ id: target.seeded.mediaId, version: 1, altText: `Alt ${bad}` }]),
  },
  form("sections/createTagAction", (_, bad) => ({ name: `tag ${bad}` })),
  form("sections/renameTagAction", (s, bad) => ({ id: s.tag.id, version: String(s.tag.version), name: `renamed ${bad}` })),
  form("sections/createSectionAction", (_, bad) => ({ name: `Section ${bad}`, slug: "", description: "", position: "" })),
  form("sections/updateSectionAction", (s, bad) => ({ id: s.section.id, version: String(s.section.version), name: "Olympics", slug: "", description: `About ${bad}`, position: "" })),
  form("bylines/createBylineAction", (_, bad) => ({ name: `Byline ${bad}`, slug: "", jobTitle: "", bio: "", photoMediaId: "", socialLinks: "", userId: "" })),
  form("bylines/updateBylineAction", (s, bad) => ({
    id: s.byline.id,
    version: String(s.byline.version),
    name: "Renamed Byline",
    slug: "",
    jobTitle: "",
    bio: `Bio ${bad}`,
    photoMediaId: "",
    socialLinks: "",
    userId: "",
  })),
  form("credits/createAgencyAction", (_, bad) => ({ name: `Agency ${bad}`, shortCredit: "AG", creditFormat: "{photographer}/{agency}", distributor: "" })),
  form("credits/updateAgencyAction", (s, bad) => ({ id: s.agency.id, version: String(s.agency.version), name: "Agency", shortCredit: `A${bad}`, creditFormat: "{photographer}/{agency}", distributor: "" })),
  form("credits/createPhotographerAction", (_, bad) => ({ name: `Photographer ${bad}`, agencyId: "" })),
  form("credits/updatePhotographerAction", (s, bad) => ({ id: s.photographer.id, version: String(s.photographer.version), name: `Photographer ${bad}`, agencyId: "" })),
  form("users/createUserAction", (_, bad) => ({ name: `New ${bad}User`, email: "new-user@pressbox.test", role: "EDITOR", password: "a-long-enough-password" })),
  form("users/updateUserAction", (s, bad) => ({ id: s.user.id, version: String(s.user.version), name: `Renamed ${bad}`, email: "renamed@pressbox.test" })),
  form("media/updateMediaAction", (s, bad) => ({
    id: s.mediaId,
    version: "1",
    altText: "Alt",
    defaultCaption: `Caption ${bad}`,
    photographerId: "",
    agencyId: "",
    creditOverride: "",
    copyright: "",
    usageTerms: "",
    rightsExpireAt: "",
    sourceReference: "",
    focalX: "0.5",
    focalY: "0.5",
  })),
  form(
    "media/updateMediaAction",
    (s, bad) => ({
      id: s.mediaId,
      version: "1",
      altText: "Alt",
      defaultCaption: "Caption",
      photographerId: "",
      agencyId: "",
      creditOverride: `Credit ${bad}`,
      copyright: "",
      usageTerms: "",
      rightsExpireAt: "",
      sourceReference: "",
      focalX: "0.5",
      focalY: "0.5",
    }),
    "credit",
  ),
  { name: "POST /api/media/uploads alt text", refused: is4xx, formOnly: true, call: (target, bad) => upload(target, `Alt ${bad}`) },
  { name: "sign-in email", refused: (answer) => answer.message === "UnstorableText", formOnly: true, call: (target, bad) => signIn(target, `${target.seeded.adminEmail}${bad}`) },
];
const QUERY_CASES = ["/search?q=%00", "/search?q=goal%00", "/newsroom/stories?q=final%00", "/newsroom/media?q=%00", "/newsroom/admin/audit?entityId=%00"];

const answers: Record<string, Record<string, string>> = { sqlite: {}, postgres: {} };

describe.each(["sqlite", "postgres"])("text the database cannot store, on %s", (name) => {
  const target = (): Target => {
    const found = targets[name];
    if (typeof found === "string" || !found) throw new Error(String(found ?? `no ${name} server`));
    return found;
  };
  const skipReason = () => (typeof targets[name] === "string" ? (targets[name] as string) : null);

  async function expectRefusedUnchanged(label: string, call: () => Promise<Answer>, refused: (answer: Answer) => boolean): Promise<void> {
    const before = await target().snapshot();
    const answer = await call();
    answers[name][label] = `${answer.status}${refused(answer) ? " refused" : ""}`;
    expect(answer.status, `${label}: ${answer.message}`).toBeLessThan(500);
    expect(refused(answer), `${label} was not refused: ${answer.status} ${answer.message}`).toBe(true);
    const after = await target().snapshot();
    expect(
      [...after.keys()].filter((table) => before.get(table) !== after.get(table)),
      `${label} changed tables`,
    ).toEqual([]);
  }

  for (const testCase of CASES) {
    for (const bad of testCase.formOnly ? (["nul"] as Bad[]) : (Object.keys(BAD) as Bad[])) {
      it(`refuses a ${bad === "nul" ? "NUL" : "lone surrogate"} in ${testCase.name} and changes nothing`, async (context) => {
        if (skipReason()) return context.skip(skipReason()!);
        await expectRefusedUnchanged(`${testCase.name} ${bad}`, () => testCase.call(target(), BAD[bad]), testCase.refused);
      });
    }
  }

  it.for(QUERY_CASES)("answers 400 with a message to the NUL in %s", async (address, context) => {
    if (skipReason()) return context.skip(skipReason()!);
    await expectRefusedUnchanged(
      address,
      () => get(target(), address),
      (answer) => answer.status === 400 && /NUL/.test(answer.message),
    );
  });

  it.for([10_000, 1_000])("refuses a story body nested %i levels with a 4xx and a message", async (levels, context) => {
    if (skipReason()) return context.skip(skipReason()!);
    await expectRefusedUnchanged(
      `body nested ${levels}`,
      async () => {
        const { version, article } = await draftInput(target());
        const raw = JSON.stringify([{ articleId: target().seeded.draftId, expectedVersion: version, article: { ...article, body: "BODY" } }]).replace('"BODY"', nestedBody(levels));
        return callAction(target(), "stories/saveStoryAction", { raw });
      },
      is4xx,
    );
  });

  it("accepts the same requests without the character (the refusals came from it)", async (context) => {
    if (skipReason()) return context.skip(skipReason()!);
    const fine = await Promise.all([
      saveWith((article) => ({ ...article, headline: "Final score", tagNames: ["cup final"], body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Goal" }] }] } }))(target(), ""),
      callAction(target(), "stories/searchStoriesAction", ["final", target().seeded.draftId]),
      callAction(target(), "sections/createTagAction", { form: { name: "a tag that stores" } }),
    ]);
    expect(fine.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect((await get(target(), "/search?q=goal")).status).toBe(200);
  });
});

describe("both databases", () => {
  it("answer every refused request with the same status", (context) => {
    if (typeof targets.postgres === "string") return context.skip(targets.postgres);
    expect(Object.keys(answers.postgres).length).toBeGreaterThan(0);
    expect(answers.postgres).toEqual(answers.sqlite);
  });
});
