// The newsletter, end to end in Chromium, against a production server of this file's own (its own
// seeded SQLite database, SMTP_URL pointing at a real SMTP server the test starts): two readers
// sign up from the model story's block and confirm through the link their confirmation email
// brings; an editor assembles the next morning briefing, sends a test to herself, then sends it;
// the first reader's copy arrives with the edition's stories, in order; she leaves with the
// one-click unsubscribe (a POST to the List-Unsubscribe URL, as a mail client sends it); the next
// edition reaches the second reader and not her.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { startTestSmtp, type ReceivedMail, type TestSmtp } from "../support/smtp-server";
import { seedDatabase, startAppServer, type RunningServer } from "../setup/next-server";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { collectPageErrors, launchBrowser, screenshot } from "./harness";
import { EDITOR, signIn } from "./newsroom-session";

const MODEL_STORY_PATH = "/olympics/winter-olympics-team-pursuit-heartbreak";
const READER = "reader.one@example.org";
const SECOND_READER = "reader.two@example.org";
const SERVER_LOG = path.join("test-results", "e2e-newsletter-server.log");
const MAIL_TIMEOUT_MS = 30_000;

let smtp: TestSmtp;
let database: TestDatabase;
let server: RunningServer;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  smtp = await startTestSmtp();
  database = await createSqliteDatabase("e2e-newsletter");
  const env = { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir };
  seedDatabase(env);
  // This file reads its own server's database with a client of its own: lib/db's client is the
  // run's database, shared by the e2e files (one worker, vitest.config.mts), and the environment
  // is left as it was for them.
  db = createDb(database.databaseUrl);
  [server, browser] = await Promise.all([startAppServer({ ...env, SMTP_URL: smtp.url }, SERVER_LOG), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.$disconnect();
  await smtp?.stop();
  if (database) removeDir(database.dir);
});

const at = (pathname: string) => new URL(pathname, server.baseUrl).toString();
// Links in emails are absolute from SITE_URL (here http://localhost:<port>): the same path on the server.
const onServer = (link: string) => {
  const url = new URL(link);
  return at(`${url.pathname}${url.search}`);
};
const isEdition = (mail: ReceivedMail) => mail.header("list-unsubscribe-post") !== undefined && !/\/newsletter\/confirm\?/.test(mail.parsed.text ?? "");
const editionsTo = (address: string) => smtp.to(address).filter(isEdition);

// The block is a form (email address, the consent text, "Sign up"); with JavaScript it answers inline.
async function signUpFromModelStory(page: Page, address: string): Promise<void> {
  await page.goto(at(MODEL_STORY_PATH));
  const email = page.getByRole("textbox", { name: /email/i });
  const form = page.locator("form").filter({ has: email });
  await email.fill(address);
  for (const checkbox of await form.getByRole("checkbox").all()) await checkbox.check();
  await form.getByRole("button", { name: /sign up|subscribe/i }).click();
  await page
    .getByText(/check your (inbox|email)/i)
    .first()
    .waitFor({ timeout: 15_000 });
}

// The confirmation email's text part holds the /newsletter/confirm link; the page it opens asks
// for one press of a button (mail scanners open links: only a person confirms).
async function confirmFromEmail(page: Page, address: string): Promise<void> {
  const mail = await smtp.waitFor(address, MAIL_TIMEOUT_MS, (m) => /\/newsletter\/confirm\?token=/.test(m.parsed.text ?? ""));
  const link = /https?:\/\/\S+\/newsletter\/confirm\?token=[^\s<>"')\]]+/.exec(mail.parsed.text ?? "")?.[0];
  expect(link, "the confirmation email has a confirm link").toBeTruthy();
  expect(link!.startsWith(`http://localhost:${new URL(server.baseUrl).port}/`), "links are absolute from SITE_URL").toBe(true);
  await page.goto(onServer(link!));
  await page.getByRole("button", { name: "Yes, subscribe me" }).click();
  await page.getByRole("heading", { name: "You are subscribed" }).waitFor({ timeout: 15_000 });
  await expect.poll(async () => (await db.subscriber.findUnique({ where: { email: address } }))?.status).toBe("CONFIRMED");
}

async function signInAsEditor(): Promise<Page> {
  return (await signIn(browser, EDITOR, at)).page;
}

// From the Newsletters screen to the edition editor: "Assemble next edition" makes the edition and
// opens /newsroom/newsletters/<id>/editions/<editionId>.
async function assembleNextBriefing(page: Page): Promise<string> {
  await page.goto(at("/newsroom/newsletters"));
  await page
    .getByRole("row", { name: /Morning briefing/ })
    .getByRole("link", { name: "Editions" })
    .click();
  await page.waitForURL(/\/newsroom\/newsletters\/[^/]+\/editions$/);
  await page.getByRole("button", { name: "Assemble next edition" }).click();
  await page.waitForURL(/\/newsroom\/newsletters\/[^/]+\/editions\/[^/?]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

// "Send now…" opens a confirm step whose "Yes, send it now" queues the edition (its "Queued"
// message gives way to the progress as soon as the page refreshes: the database says it left).
async function sendNow(page: Page, editionId: string): Promise<void> {
  await page.getByRole("button", { name: "Send now…" }).click();
  await page.getByRole("button", { name: "Yes, send it now" }).click();
  await expect.poll(async () => (await db.edition.findUniqueOrThrow({ where: { id: editionId } })).status, { timeout: 15_000 }).not.toBe("DRAFT");
}

async function editionStories(editionId: string) {
  const edition = await db.edition.findUniqueOrThrow({
    where: { id: editionId },
    include: { items: { orderBy: { position: "asc" }, include: { article: { select: { headline: true, slug: true, section: { select: { slug: true } } } } } } },
  });
  const paths = edition.items.map(({ article }) => `/${article.section?.slug}/${article.slug}`);
  return { subject: edition.subject, headlines: edition.items.map((item) => item.article.headline), paths };
}

describe("newsletter: sign up, confirm, send, unsubscribe", () => {
  it("takes a reader from the story's sign-up block to the briefing in her inbox and out again", { timeout: 300_000 }, async () => {
    const readerPage = await browser.newPage();
    const readerErrors = collectPageErrors(readerPage);
    for (const address of [READER, SECOND_READER]) {
      await signUpFromModelStory(readerPage, address);
      await confirmFromEmail(readerPage, address);
    }
    expect(readerErrors).toEqual([]);

    const editor = await signInAsEditor();
    const editorErrors = collectPageErrors(editor);
    const firstId = await assembleNextBriefing(editor);
    const first = await editionStories(firstId);
    expect(first.headlines.length, "the assembled edition has stories").toBeGreaterThan(0);
    await editor.getByRole("button", { name: "Send a test to me" }).click();
    const test = await smtp.waitFor(EDITOR.email, MAIL_TIMEOUT_MS);
    expect(test.parsed.subject).toContain(first.subject);
    expect(editionsTo(READER), "a test goes to the editor only").toEqual([]);

    await sendNow(editor, firstId);
    const copy = await smtp.waitFor(READER, 60_000, (mail) => isEdition(mail) && mail.parsed.subject === first.subject);
    await screenshot(editor, "newsletter-flow-sent");
    const text = copy.parsed.text ?? "";
    const positions = first.headlines.map((headline) => text.indexOf(headline));
    expect(
      positions.every((position) => position >= 0),
      `every story of the edition is in the email: ${first.headlines.join(" | ")}`,
    ).toBe(true);
    expect(
      [...positions].sort((a, b) => a - b),
      "in the edition's order",
    ).toEqual(positions);
    for (const storyPath of first.paths) expect(copy.parsed.html || "", "the HTML part links every story").toContain(storyPath);
    expect(copy.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(editionsTo(READER), "exactly one copy").toHaveLength(1);

    // The one-click unsubscribe, as a mail client sends it: a POST, no cookie, no page.
    const oneClick = /<(https?:\/\/[^>]+)>/.exec(copy.header("list-unsubscribe") ?? "")?.[1];
    expect(oneClick).toMatch(/\/api\/newsletter\/unsubscribe\?/);
    const left = await fetch(onServer(oneClick!), { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(left.status).toBeLessThan(300);
    const reader = await db.subscriber.findUniqueOrThrow({ where: { email: READER }, include: { subscriptions: true } });
    expect(reader.subscriptions.map((subscription) => subscription.status)).toEqual(["UNSUBSCRIBED"]);

    // Two stories published since the first edition, so the next one has something to say.
    const published = await db.article.findMany({ where: { status: "PUBLISHED", editionItems: { none: { editionId: firstId } } }, orderBy: { publishedAt: "desc" }, take: 2, select: { id: true } });
    await db.article.updateMany({ where: { id: { in: published.map((article) => article.id) } }, data: { publishedAt: new Date() } });
    const secondId = await assembleNextBriefing(editor);
    expect(secondId).not.toBe(firstId);
    await sendNow(editor, secondId);
    await expect.poll(() => editionsTo(SECOND_READER).length, { timeout: 60_000 }).toBe(2);
    // The sender finished the edition (the second reader's copy is its last): nothing for her.
    await expect.poll(async () => await db.delivery.count({ where: { editionId: secondId, status: { in: ["QUEUED", "SENDING"] } } }), { timeout: 30_000 }).toBe(0);
    expect(editionsTo(READER)).toHaveLength(1);
    // The sender may record her as skipped; it never sends to her.
    expect(await db.delivery.count({ where: { editionId: secondId, subscriber: { email: READER }, status: "SENT" } })).toBe(0);
    expect(editorErrors).toEqual([]);
  });
});
