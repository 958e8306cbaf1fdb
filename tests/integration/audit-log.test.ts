// The audit log as the newsroom reads it, on a real database: every write made within a request
// records that request's IP (the scheduler's none: see stories-trash.test.ts), and the audit screen
// names stories, people, sections and agencies instead of showing ids, shows what a story save
// changed as old → new, and shows no raw JSON.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { AuditTable } from "../../components/newsroom/audit-table";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { deleteToTrash, purgeTrash, SCHEDULER } from "../../lib/articles/trash/trash";
import { listAuditEntries, parseAuditFilter } from "../../lib/audit/queries";
import { db } from "../../lib/db";
import { createPhotographer } from "../../lib/photographers/commands";
import type { Actor } from "../../lib/permissions";
import { createTestUser, signInAs, TEST_AUTH_SECRET, type FakeRequest, type TestUser } from "../fixtures/accounts";
import { currentInput, paragraph } from "../fixtures/article-input";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import * as storyActions from "../../app/(newsroom)/newsroom/stories/actions";
import * as creditActions from "../../app/(newsroom)/newsroom/admin/credits/actions";
import * as userActions from "../../app/(newsroom)/newsroom/admin/users/actions";

const IP = "198.51.100.31";
const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "203.0.113.250, 198.51.100.31" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

let editor: TestUser;
let admin: TestUser;
const actorOf = (user: TestUser): Actor => ({ id: user.id, role: user.role, name: user.name });

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  await ensureDemoNewsroom();
  editor = await createTestUser("EDITOR", { name: "Lena Logbook" });
  admin = await createTestUser("ADMIN", { name: "Abe Auditor" });
});

let lastHtml = "";

async function auditScreen(entityId: string): Promise<string> {
  const page = await listAuditEntries(actorOf(admin), parseAuditFilter({ entityId }));
  const html = (lastHtml = renderToStaticMarkup(createElement(AuditTable, { entries: page.entries, names: page.names, gone: page.gone, changes: page.changes })));
  // The table as a person reads it: cell by cell, row by row.
  const text = html
    .replace(/<\/t[dh]>/g, " | ")
    .replace(/<\/tr>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
  console.log(text);
  return text;
}

describe("the IP address in the audit log", () => {
  it("is recorded for every story write made within a request, the last forwarded address", async () => {
    await signInAs(request, editor);
    const created = await createArticle(actorOf(editor), {});
    const { article } = await currentInput(created.id);
    const saved = await storyActions.saveStoryAction({ articleId: created.id, expectedVersion: 1, article: { ...article, headline: "Ice hockey shoot-out" } });
    expect(saved).toMatchObject({ ok: true });
    const submitted = await storyActions.transitionAction("submit", { articleId: created.id, expectedVersion: 2 });
    expect(submitted).toMatchObject({ ok: true });
    const trashed = await storyActions.deleteStoryAction({ articleId: created.id, expectedVersion: 3 });
    expect(trashed).toMatchObject({ ok: true });
    const entries = await db.auditEntry.findMany({ where: { entityId: created.id }, orderBy: { createdAt: "asc" }, select: { action: true, ip: true } });
    expect(entries).toEqual([
      { action: "article.create", ip: IP },
      { action: "article.save", ip: IP },
      { action: "article.submit", ip: IP },
      { action: "article.trash", ip: IP },
    ]);
  });

  it("is recorded for an admin form's write and for signing someone out everywhere, the same way", async () => {
    await signInAs(request, admin);
    const form = new FormData();
    form.set("name", `Ola Request ${Date.now()}`);
    const created = await creditActions.createPhotographerAction(null, form);
    if (!created.ok) throw new Error(created.message);
    expect(await db.auditEntry.findFirst({ where: { entityId: created.data.id }, select: { action: true, ip: true } })).toEqual({ action: "photographer.create", ip: IP });
    const signOut = new FormData();
    signOut.set("userId", editor.id);
    expect(await userActions.signOutEverywhereAction(null, signOut)).toMatchObject({ ok: true });
    const entry = await db.auditEntry.findFirst({ where: { entityId: editor.id, action: "auth.sign-out-everywhere" }, orderBy: { createdAt: "desc" }, select: { ip: true } });
    expect(entry).toEqual({ ip: IP });
  });

  it("keeps an address a command was given explicitly", async () => {
    const { id } = await createPhotographer(actorOf(admin), { name: "Ola Explicit" }, { ip: "192.0.2.7" });
    expect(await db.auditEntry.findFirst({ where: { entityId: id }, select: { ip: true } })).toEqual({ ip: "192.0.2.7" });
  });
});

describe("the audit screen", () => {
  it("names the story and shows what each save changed, old → new, by name", async () => {
    const [olympics, football] = await Promise.all([db.section.findFirstOrThrow({ where: { slug: "olympics" } }), db.section.findFirstOrThrow({ where: { slug: "football" } })]);
    const profile = await db.bylineProfile.findFirstOrThrow({ where: { slug: "aiko-mori" } });
    const actor = actorOf(editor);
    const { id } = await createArticle(actor, {});
    const first = await currentInput(id);
    const saved = await saveArticle(actor, {
      articleId: id,
      expectedVersion: first.version,
      article: { ...first.article, headline: "Speed skater wins", sectionId: olympics.id, bylines: [{ profileId: profile.id, role: "REPORTER" }], body: { type: "doc", content: [paragraph("One two three.")] } },
    });
    const second = await currentInput(id);
    await saveArticle(actor, { articleId: id, expectedVersion: saved.version, article: { ...second.article, headline: "Speed skater wins gold", sectionId: football.id } });

    const screen = await auditScreen(id);
    expect(screen).toContain("Lena Logbook | saved | story “Speed skater wins gold” | headline: Speed skater wins → Speed skater wins gold; section: Olympics → Football |");
    expect(screen).toMatch(/saved \| story “Speed skater wins gold” \| headline: \(none\) → Speed skater wins; .*section: \(none\) → Olympics; bylines: \(none\) → Aiko Mori; body \(words\): 0 → 3/);
    expect(screen).toContain("started | story “Speed skater wins gold”");
    expect(screen).not.toMatch(/c[a-z0-9]{24}/);
    expect(screen).not.toMatch(/[{}[\]"]/);
  });

  it("keeps a story's headline in the log after it is deleted for good", async () => {
    const actor = actorOf(editor);
    const { id } = await createArticle(actor, {});
    const { article } = await currentInput(id);
    const saved = await saveArticle(actor, { articleId: id, expectedVersion: 1, article: { ...article, headline: "Doomed draft" } });
    const { deletedAt } = await deleteToTrash(actor, { articleId: id, expectedVersion: saved.version });
    await purgeTrash(SCHEDULER, new Date(new Date(deletedAt).getTime() + 31 * 24 * 60 * 60 * 1000));
    const screen = await auditScreen(id);
    expect(screen).toMatch(/system \| deleted for good \| story “Doomed draft” \| status: draft; deleted: .+; deleted by: Lena Logbook \|/);
    expect(screen).toMatch(/Lena Logbook \| moved to the trash \| story “Doomed draft” \| status: draft \| 198\.51\.100\.31/);
    expect(screen).toMatch(/Lena Logbook \| started \| story “Doomed draft” \|/);
    expect(lastHtml, "no link to a story that is gone").not.toContain(`/newsroom/stories/${id}`);
    expect(screen).not.toMatch(/c[a-z0-9]{24}/);
  });

  it("names the records other entries refer to by id", async () => {
    const agency = await db.agency.findFirstOrThrow({ where: { name: "Reuters" } });
    const { id } = await createPhotographer(actorOf(admin), { name: "Nadia Named", agencyId: agency.id });
    const screen = await auditScreen(id);
    expect(screen).toContain("Abe Auditor | created | photographer Nadia Named | agency: Reuters |");
    expect(screen).not.toContain(agency.id);
  });
});
