// Hostile calls to the edition screens' server actions and preview route, called directly on a
// fresh SQLite database: anonymous and contributor callers, malformed and unknown ids, a huge
// introduction, a subject that would end an email header, wrong versions, unknown move
// directions, stories readers cannot see, inputs of the wrong type. Each is refused with a 4xx
// and a message and leaves every table as it was; the public archive answers "not found" for
// anything but a sent edition, whatever the address holds.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "../../lib/action-result";
import type { FakeRequest } from "../fixtures/accounts";
import { createSqliteDatabase, removeDir } from "../setup/temp-database";
import { tableDigests } from "./support/table-digests";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.77" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const SECRET = "pressbox-hostile-editions-secret-not-for-production";
const database = await createSqliteDatabase("hostile-editions");
Object.assign(process.env, { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir, NEXTAUTH_SECRET: SECRET, AUTH_SECRET: SECRET });

const { db } = await import("../../lib/db");
const accounts = await import("../fixtures/accounts");
const actions = await import("../../app/(newsroom)/newsroom/newsletters/[newsletterId]/editions/actions");
const preview = await import("../../app/(newsroom)/newsroom/newsletters/[newsletterId]/editions/[editionId]/preview/route");
const { assembleNextEdition } = await import("../../lib/newsletters/editions/assemble");
const ArchivedEditionPage = (await import("../../app/(site)/newsletter/archive/[slug]/[editionId]/page")).default;
const NewsletterEditionsPage = (await import("../../app/(site)/newsletter/archive/[slug]/page")).default;
const sqlite = new Database(database.databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });

let editor: { id: string };
let contributor: { id: string };
const t = { newsletterId: "", editionId: "", version: 0, published: "", draft: "", item: "", sentId: "" };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const base = () => ({ editionId: t.editionId, version: String(t.version) });

// Runs `call` and checks it was refused with `status` (or any 4xx) and changed no table.
async function expectRefused(call: () => Promise<ActionResult<unknown> | Response>, status?: number): Promise<void> {
  const before = tableDigests(sqlite);
  const result = await call();
  const answered = result instanceof Response ? result.status : result.ok ? 200 : result.status;
  if (status) expect(answered).toBe(status);
  else {
    expect(answered).toBeGreaterThanOrEqual(400);
    expect(answered).toBeLessThan(500);
  }
  if (!(result instanceof Response) && !result.ok) expect(result.message.length).toBeGreaterThan(10);
  expect(tableDigests(sqlite)).toEqual(before);
}

const previewGet = (newsletterId: string, editionId: string, format = "html") =>
  preview.GET(new Request(`http://localhost:3000/newsroom/newsletters/x/editions/y/preview?format=${encodeURIComponent(format)}`), { params: Promise.resolve({ newsletterId, editionId }) });

beforeAll(async () => {
  [editor, contributor] = await Promise.all([accounts.createTestUser("EDITOR"), accounts.createTestUser("CONTRIBUTOR")]);
  const section = await db.section.create({ data: { name: "Rowing", slug: "rowing", position: 1 } });
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Body." }] }] };
  const make = (slug: string, status: "PUBLISHED" | "DRAFT") =>
    db.article.create({ data: { slug, headline: `Story ${slug}`, sectionId: section.id, body, bodyText: "Body.", status, publishedAt: new Date(Date.now() - 3_600_000) }, select: { id: true } });
  t.item = (await make("in-edition", "PUBLISHED")).id;
  t.published = (await make("not-yet-in", "PUBLISHED")).id;
  t.draft = (await make("a-draft", "DRAFT")).id;
  const newsletter = await db.newsletter.create({ data: { slug: "briefing", name: "Briefing", senderName: "Desk", senderAddress: "desk@pressbox.test", consentText: "Yes." } });
  t.newsletterId = newsletter.id;
  t.sentId = (await db.edition.create({ data: { newsletterId: newsletter.id, status: "SENT", subject: "Old", scheduledFor: new Date(Date.now() - 86_400_000), sentAt: new Date(Date.now() - 86_400_000) } })).id;
  const edition = await assembleNextEdition({ id: editor.id, role: "EDITOR", name: "Editor" }, { newsletterId: newsletter.id });
  await db.editionItem.deleteMany({ where: { editionId: edition.id, articleId: t.published } });
  t.editionId = edition.id;
  t.version = (await db.edition.findUniqueOrThrow({ where: { id: edition.id } })).version;
  await accounts.signInAs(request, editor);
});

afterAll(() => {
  sqlite.close();
  removeDir(database.dir);
});

describe("edition actions and the preview, as someone who may not use them", () => {
  it("refuses a contributor with 403 and anonymous visitors with 401, changing nothing", async () => {
    for (const [user, status] of [
      [contributor, 403],
      [null, 401],
    ] as const) {
      await accounts.signInAs(request, user);
      await expectRefused(() => actions.assembleEditionAction(null, form({ newsletterId: t.newsletterId })), status);
      await expectRefused(() => actions.updateEditionTextAction(null, form({ ...base(), subject: "Mine", intro: "" })), status);
      await expectRefused(() => actions.addEditionStoryAction(null, form({ ...base(), articleId: t.published })), status);
      await expectRefused(() => actions.cancelEditionAction(null, form(base())), status);
      await expectRefused(() => actions.moveEditionItemAction({ editionId: t.editionId, version: t.version, articleId: t.item, direction: "down" }), status);
      await expectRefused(() => actions.removeEditionItemAction({ editionId: t.editionId, version: t.version, articleId: t.item }), status);
      await expectRefused(() => previewGet(t.newsletterId, t.editionId), status);
    }
    await accounts.signInAs(request, editor);
  });
});

describe("edition actions, as an editor, with broken input", () => {
  it("refuses malformed, unknown and hostile ids", async () => {
    for (const editionId of ["", "x".repeat(5_000), "\u0000", "../../etc/passwd", "ckunknownunknownunknown1"]) {
      await expectRefused(() => actions.updateEditionTextAction(null, form({ editionId, version: String(t.version), subject: "S", intro: "" })));
      await expectRefused(() => actions.removeEditionItemAction({ editionId, version: t.version, articleId: t.item }));
      await expectRefused(() => previewGet(t.newsletterId, editionId));
    }
    await expectRefused(() => actions.assembleEditionAction(null, form({ newsletterId: "ckunknownunknownunknown1" })), 404);
    await expectRefused(() => previewGet("ckunknownunknownunknown1", t.editionId), 404);
    await expectRefused(() => actions.addEditionStoryAction(null, form({ ...base(), articleId: "\uD800" })), 422);
  });

  it("refuses a huge introduction, an empty or multi-line subject and text that cannot be stored", async () => {
    for (const fields of [
      { subject: "Fine", intro: "a".repeat(100_000) },
      { subject: "", intro: "" },
      { subject: "s".repeat(10_000), intro: "" },
      { subject: "Hello\r\nBcc: victim@example.com", intro: "" },
      { subject: "Nul \u0000 here", intro: "" },
    ]) {
      await expectRefused(() => actions.updateEditionTextAction(null, form({ ...base(), ...fields })), 422);
    }
  });

  it("refuses wrong versions: stale, missing, negative, not a number", async () => {
    for (const version of ["", "0", "-1", "abc", "1e99", String(t.version + 5), String(t.version - 1)].filter((value) => value !== "0" || t.version !== 0)) {
      await expectRefused(() => actions.updateEditionTextAction(null, form({ editionId: t.editionId, version, subject: "S", intro: "" })));
    }
    await expectRefused(() => actions.removeEditionItemAction({ editionId: t.editionId, version: t.version + 1, articleId: t.item }), 409);
  });

  it("refuses an unknown move, a story that is not in the edition, and stories readers cannot see", async () => {
    await expectRefused(() => actions.moveEditionItemAction({ editionId: t.editionId, version: t.version, articleId: t.item, direction: "sideways" }), 422);
    await expectRefused(() => actions.moveEditionItemAction({ editionId: t.editionId, version: t.version, articleId: t.item, direction: "up" }), 422);
    await expectRefused(() => actions.removeEditionItemAction({ editionId: t.editionId, version: t.version, articleId: t.published }), 404);
    await expectRefused(() => actions.addEditionStoryAction(null, form({ ...base(), articleId: t.draft })), 422);
    await expectRefused(() => actions.addEditionStoryAction(null, form({ ...base(), articleId: t.item })), 409);
  });

  it("refuses inputs of the wrong type", async () => {
    for (const input of [null, "text", 42, [], { editionId: { $ne: "" }, version: t.version, articleId: t.item }, { editionId: t.editionId, version: { toString: "1" }, articleId: t.item }]) {
      await expectRefused(() => actions.removeEditionItemAction(input));
    }
    // What a caller posting to the action directly may send instead of form data.
    const updateFromAnything = actions.updateEditionTextAction as (state: null, form: unknown) => Promise<ActionResult<unknown>>;
    await expectRefused(() => updateFromAnything(null, "not a form"), 422);
    await expectRefused(() => previewGet(t.newsletterId, t.editionId, "<script>"), 422);
  });

  it("answers the editor's preview with the email, never cached", async () => {
    const response = await previewGet(t.newsletterId, t.editionId);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toContain("Story in-edition");
  });
});

describe("the public archive, with hostile addresses", () => {
  it("is not found for a draft, another newsletter's address, junk slugs and ids", async () => {
    const page = (slug: string, editionId: string) => ArchivedEditionPage({ params: Promise.resolve({ slug, editionId }) });
    for (const [slug, editionId] of [
      ["briefing", t.editionId],
      ["other", t.sentId],
      ["../briefing", t.sentId],
      ["briefing", "x".repeat(10_000)],
      ["Briefing", t.sentId],
      ["briefing", "\u0000"],
    ]) {
      await expect(page(slug, editionId)).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_HTTP_ERROR_FALLBACK;404") });
    }
    await expect(page("briefing", t.sentId)).resolves.toBeTruthy();
    for (const pageParam of ["0", "-1", "2", "abc", "9".repeat(50)]) {
      await expect(NewsletterEditionsPage({ params: Promise.resolve({ slug: "briefing" }), searchParams: Promise.resolve({ page: pageParam }) })).rejects.toMatchObject({
        digest: expect.stringContaining("404"),
      });
    }
  });
});
