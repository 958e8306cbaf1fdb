// Hostile input, called directly: fast-check properties over every exported server action and
// every route handler, signed in as an admin so permission is never what refuses them. Each input
// is a valid one with one thing broken (a wrong type, a missing field, text too long, a malformed
// or unknown id, a bad number, date or enum value, deep nesting, a malformed Tiptap body, a body
// that is not JSON or not the content type it claims) plus noise that must not matter (extra and
// prototype-polluting fields, control characters, mass-assignment keys). Every input must be
// refused with a 4xx and a message, never a 500 or a throw, and leave every table of the database
// and the media folder exactly as they were. The last test sends each action and route its
// unbroken input and sees it accepted, so the refusals come from the breaks, not from the base.
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "../../lib/action-result";
import type { FakeRequest } from "../fixtures/accounts";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { dataVersion, digest, tableDigests } from "./support/table-digests";
import { HTML_PAGE, jpegHtmlPolyglot, pixelBombPng, pngHtmlPolyglot, SVG_WITH_SCRIPT, truncatedJpeg } from "../fixtures/hostile-images";
import { makeImage } from "../fixtures/images";
import { readSportsMlSample } from "../fixtures/sports-samples";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.61" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const SEED = 20_260_707;
// Runs per action or route (128 cases, so about 127 × RUNS hostile inputs), sized to the suite's
// time budget; HOSTILE_INPUT_RUNS=500 makes a long soak.
const RUNS = Number(process.env.HOSTILE_INPUT_RUNS ?? 30);
const SECRET = "pressbox-hostile-inputs-secret-not-for-production";
const ORIGIN = "http://localhost:3000";

// ---------------------------------------------------------------------------------------------
// Values. `Lazy` keeps huge or deeply nested values short in fast-check's counterexample report.

class Lazy {
  constructor(
    readonly label: string,
    readonly make: () => unknown,
  ) {}
  [fc.toStringMethod](): string {
    return `Lazy(${this.label})`;
  }
}
const MISSING = Symbol("missing");

function materialize(value: unknown): unknown {
  if (value instanceof Lazy) return value.make();
  if (Array.isArray(value)) return value.map(materialize);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) Object.defineProperty(copy, key, { value: materialize(inner), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return value;
}

const repeat = (char: string, length: number) => new Lazy(`${JSON.stringify(char)} × ${length}`, () => char.repeat(length));
// Deeper than any parser should follow; JSON.stringify of the deepest ones overflows the stack.
const deep = fc
  .integer({ min: 30, max: 12_000 })
  .chain((depth) => fc.constantFrom(new Lazy(`{a:{a:…}} depth ${depth}`, () => nest(depth, (inner) => ({ a: inner }))), new Lazy(`[[…]] depth ${depth}`, () => nest(depth, (inner) => [inner]))));
function nest(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = wrap(value);
  return value;
}
const polluted = fc.constantFrom(
  new Lazy("{__proto__:{polluted}}", () => JSON.parse('{"__proto__": {"polluted": "yes", "isAdmin": true}}')),
  new Lazy("{constructor:{prototype:{polluted}}}", () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}')),
);

const CONTROL = ["\u0000", "\u0007", "\u0008", "\u001b[31m", "\u007f", "\u202e", "\u200b", "\ufeff", "\ud800", "\r\n", "\u2028", "🏒", "Ω≈ç√", "ﷺ", "Z̴̡͎a̷l̸g̶o̷"];
const INJECTIONS = ["<script>alert(1)</script>", '\'; DROP TABLE "User"; --', "${7*7}", "{{7*7}}", "%00", "../../etc/passwd", "javascript:alert(1)", "\\u0000", "null", "undefined", "NaN", "[object Object]"];
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...CONTROL, ...INJECTIONS),
  fc.array(fc.constantFrom(...CONTROL), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")),
);
const hostileNumber = fc.constantFrom(NaN, Infinity, -Infinity, -0, -1, 0, 0.5, 1.5, 2 ** 31, 2 ** 53 + 2, 1e21, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false),
  hostileNumber,
  fc.integer(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  hostileText,
  fc.date({ noInvalidDate: false }),
  fc.array(fc.oneof(fc.integer(), hostileText), { maxLength: 4 }),
  fc.dictionary(hostileText, fc.oneof(fc.integer(), hostileText), { maxKeys: 3 }),
  polluted,
  deep,
);
const notA = (type: "string" | "number" | "object" | "array", allow: { nullish?: boolean } = {}) =>
  anyValue.filter((value) => {
    if (allow.nullish === false && value == null) return false;
    if (type === "array") return !Array.isArray(value);
    if (type === "object") return value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date;
    return typeof value !== type;
  });
const tooLong = (max: number) =>
  fc.tuple(fc.constantFrom("x", "é", "🏒", "\u0000", "<", "ß"), fc.oneof(fc.integer({ min: 1, max: 3_000 }), fc.constant(1_000_000))).map(([char, extra]) => repeat(char, max + extra));
const unknownId = fc.stringMatching(/^[a-z0-9]{25}$/);
const malformedId = fc.oneof(
  fc.constantFrom(
    "not-an-id",
    "../../etc/passwd",
    "' OR '1'='1",
    "%",
    "*",
    "ABCDEFGHIJKLMNOPQRSTUVWXY",
    "a".repeat(19),
    "a".repeat(33),
    `c${"0".repeat(23)}\u0000`,
    "__proto__",
    "constructor",
    "toString",
    "[object Object]",
  ),
  fc.string({ minLength: 1, maxLength: 19 }).filter((text) => text.trim() !== ""),
  fc.constant(repeat("a", 50_000)),
);
const badIdString = fc.oneof(fc.constantFrom("", " "), malformedId, unknownId);

// ---------------------------------------------------------------------------------------------
// The database dump: every row of every table, and every file in the media folder.

type Dump = Map<string, string>;

function mediaFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? mediaFiles(full, `${prefix}${name}/`) : [`${prefix}${name} ${statSync(full).size}`];
  });
}

function dump(excluded: readonly string[] = []): Dump {
  const result: Dump = tableDigests(sqlite, excluded);
  result.set("(media files)", digest(mediaFiles(database.mediaDir)));
  return result;
}

// SQLite bumps data_version on this connection whenever another one commits: when it has not
// moved, no table can have changed and the full dump is skipped (the media folder is read anyway).
let seenVersion = -1;
let lastDump: Dump = new Map();

function dumpIfWritten(excluded: readonly string[] = []): Dump {
  const version = dataVersion(sqlite);
  if (version === seenVersion && lastDump.size) {
    const files = digest(mediaFiles(database.mediaDir));
    if (files === lastDump.get("(media files)")) return lastDump;
  }
  seenVersion = version;
  lastDump = dump(excluded);
  return lastDump;
}

function changedTables(before: Dump, after: Dump): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key));
}

// ---------------------------------------------------------------------------------------------
// The code under test, loaded once the database exists (lib/db reads DATABASE_URL when loaded).

type Modules = Awaited<ReturnType<typeof loadModules>>;

async function loadModules() {
  return {
    db: (await import("../../lib/db")).db,
    accounts: await import("../fixtures/accounts"),
    ensureDemoNewsroom: (await import("../fixtures/ensure-demo-newsroom")).ensureDemoNewsroom,
    articleInput: await import("../fixtures/article-input"),
    createArticle: (await import("../../lib/articles/create-article")).createArticle,
    saveArticle: (await import("../../lib/articles/save/save-article")).saveArticle,
    workflow: await import("../../lib/articles/workflow"),
    preview: await import("../../lib/articles/preview"),
    createMedia: (await import("../../lib/media/commands")).createMedia,
    storage: await import("../../lib/media/file/storage"),
    signRefresh: (await import("../../lib/internal-refresh")).signRefresh,
    signPush: (await import("../../lib/wire/push")).signPush,
    actions: {
      stories: await import("../../app/(newsroom)/newsroom/stories/actions"),
      bylines: await import("../../app/(newsroom)/newsroom/admin/bylines/actions"),
      credits: await import("../../app/(newsroom)/newsroom/admin/credits/actions"),
      sections: await import("../../app/(newsroom)/newsroom/admin/sections/actions"),
      users: await import("../../app/(newsroom)/newsroom/admin/users/actions"),
      signOut: await import("../../app/(auth)/sign-out/actions"),
      media: await import("../../app/(newsroom)/newsroom/media/actions"),
      wire: await import("../../app/(newsroom)/newsroom/wire/actions"),
      sportsEvents: await import("../../app/(newsroom)/newsroom/sports/actions-events"),
      live: await import("../../app/(newsroom)/newsroom/stories/[id]/live/actions"),
      sportsRecords: await import("../../app/(newsroom)/newsroom/sports/actions-records"),
      newsletters: await import("../../app/(newsroom)/newsroom/newsletters/actions"),
      editions: await import("../../app/(newsroom)/newsroom/newsletters/[newsletterId]/editions/actions"),
      sending: await import("../../app/(newsroom)/newsroom/newsletters/[newsletterId]/editions/[editionId]/actions-send"),
    },
    newsletters: await import("../../lib/newsletters/commands"),
    closeMailer: (await import("../../lib/newsletters/mailer")).closeMailer,
    links: await import("../../lib/newsletters/links"),
    competitionRevision: (await import("../../lib/sports/desk/competitions")).competitionRevision,
    live: await import("../../lib/live/commands"),
    importWireItem: (await import("../../lib/wire/import")).importWireItem,
    routes: {
      uploads: await import("../../app/api/media/uploads/route"),
      wireUploads: await import("../../app/api/wire/uploads/route"),
      sportsUploads: await import("../../app/api/newsroom/sports/uploads/route"),
      refresh: await import("../../app/api/internal/refresh/route"),
      wirePush: await import("../../app/api/wire/push/[agency]/route"),
      auth: await import("../../app/api/auth/[...nextauth]/route"),
      mediaFile: await import("../../app/media/[...key]/route"),
      sectionFeed: await import("../../app/(site)/[section]/feed.xml/route"),
      liveChanges: await import("../../app/(site)/[section]/[slug]/changes/route"),
      liveEvents: await import("../../app/(site)/[section]/[slug]/events/route"),
      liveFeed: await import("../../app/(site)/[section]/[slug]/feed.xml/route"),
      authorFeed: await import("../../app/(site)/author/[slug]/feed.xml/route"),
      siteFeed: await import("../../app/(site)/feed.xml/route"),
      sitemap: await import("../../app/sitemap.xml/route"),
      newsSitemap: await import("../../app/news-sitemap.xml/route"),
      robots: await import("../../app/robots.txt/route"),
      readyz: await import("../../app/readyz/route"),
      sportsRecords: await import("../../app/api/newsroom/sports/records/route"),
      sportsLinks: await import("../../app/api/newsroom/sports/links/route"),
      relatedSuggestions: await import("../../app/api/newsroom/stories/[id]/related-suggestions/route"),
      subscriberExport: await import("../../app/api/newsroom/newsletters/subscribers/export/route"),
      editionProgress: await import("../../app/api/newsroom/editions/[editionId]/progress/route"),
      editionPreview: await import("../../app/(newsroom)/newsroom/newsletters/[newsletterId]/editions/[editionId]/preview/route"),
      newsletterChoices: await import("../../app/api/newsroom/newsletters/route"),
      subscribe: await import("../../app/api/newsletter/subscribe/route"),
      confirm: await import("../../app/api/newsletter/confirm/route"),
      preferences: await import("../../app/api/newsletter/preferences/route"),
      unsubscribe: await import("../../app/api/newsletter/unsubscribe/route"),
    },
    NextRequest: (await import("next/server")).NextRequest,
  };
}

// next-auth's route handler reads cookies() and headers() through require("next/headers"), which
// vi.mock cannot reach (next-auth is plain CommonJS outside Vite): the same fake request goes into
// Node's module cache for it, and comes out again in afterAll.
const requireFromNextAuth = createRequire(createRequire(import.meta.url).resolve("next-auth/next"));
const nextHeadersPath = requireFromNextAuth.resolve("next/headers");
const previousNextHeaders = requireFromNextAuth.cache[nextHeadersPath];

async function fakeNextHeadersForNextAuth(): Promise<void> {
  const exports = (await import("../fixtures/accounts")).nextHeadersMock(request);
  requireFromNextAuth.cache[nextHeadersPath] = { id: nextHeadersPath, filename: nextHeadersPath, loaded: true, exports } as NodeJS.Module;
}

// ---------------------------------------------------------------------------------------------
// Records the actions and routes work on: real ones, so an unbroken input would be accepted.

type Versioned = { id: string; version: number };
type Targets = Awaited<ReturnType<typeof readTargets>>;
let ids: Awaited<ReturnType<typeof createTargets>>;
let t: Targets;
let admin: { id: string };
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

async function completeStory(headline: string): Promise<string> {
  const actor = { id: admin.id, role: "ADMIN" as const, name: "Hostile admin" };
  const { id } = await m.createArticle(actor, { headline });
  const { version, article } = await m.articleInput.currentInput(id);
  const section = await m.db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  const profile = await m.db.bylineProfile.findFirstOrThrow({ orderBy: { slug: "asc" } });
  await m.saveArticle(actor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline,
      standfirst: "A standfirst.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      body: { type: "doc", content: [m.articleInput.paragraph("Body text.")] },
    },
  });
  return id;
}

async function createTargets() {
  const actor = { id: admin.id, role: "ADMIN" as const, name: "Hostile admin" };
  const draft = await completeStory("Hostile input draft");
  const review = await completeStory("Hostile input review");
  await m.workflow.submitForReview(actor, { articleId: review, expectedVersion: (await m.articleInput.currentInput(review)).version });
  // Deleted to the trash and restored by the unbroken calls of those two actions.
  const trash = await completeStory("Hostile input trash");
  const published = await completeStory("Hostile input published");
  await m.workflow.publishArticle(actor, { articleId: published, expectedVersion: (await m.articleInput.currentInput(published)).version });
  // Embargoed (readTargets puts the embargo back after an unbroken lift).
  const embargoed = await completeStory("Hostile input embargoed");
  const changed = await completeStory("Hostile input live with a working copy");
  await m.workflow.publishArticle(actor, { articleId: changed, expectedVersion: (await m.articleInput.currentInput(changed)).version });
  const bytes = await makeImage({ seed: "hostile-inputs-unused", width: 320, height: 200, format: "jpeg" });
  const media = await m.createMedia(m.db, { bytes, originalName: "unused.jpg", altText: "Alt", defaultCaption: "Caption" }, { actor: null });
  const user = await m.accounts.createTestUser("CONTRIBUTOR");
  const profiles = await m.db.bylineProfile.findMany({ orderBy: { slug: "asc" }, take: 3, select: { id: true } });
  const tags = await m.db.tag.findMany({ orderBy: { slug: "asc" }, take: 3, select: { id: true } });
  const team = await m.db.team.create({ data: { name: "Hostile United", nameKey: "hostile united" }, select: { id: true } });
  const newsletter = { slug: "hostile-briefing", name: "Hostile briefing", senderName: "Desk", senderAddress: "desk@example.org", consentText: "Yes." };
  const edition = await m.db.edition.create({ data: { newsletter: { create: newsletter }, subject: "Hostile edition", scheduledFor: new Date() }, select: { id: true } });
  return {
    team: team.id,
    edition: edition.id,
    draft,
    review,
    trash,
    published,
    changed,
    embargoed,
    media: media.id,
    user: user.id,
    profiles: profiles.map((p) => p.id),
    tags: tags.map((tag) => tag.id),
    wire: await createWireTargets(),
    live: await createLiveTargets(),
    sports: await createSportsTargets(),
    editions: await createEditionTargets(),
  };
}

// A published live coverage with two entries (one for the unbroken delete), and a published story
// the unbroken "Make live coverage" turns into one.
async function createLiveTargets() {
  const actor = { id: admin.id, role: "ADMIN" as const, name: "Hostile admin" };
  const publish = async (headline: string) => {
    const id = await completeStory(headline);
    await m.workflow.publishArticle(actor, { articleId: id, expectedVersion: (await m.articleInput.currentInput(id)).version });
    return id;
  };
  const story = await publish("Hostile input live coverage");
  await m.live.makeLiveCoverage(actor, { articleId: story, match: { home: "City", away: "United" } });
  const entry = await m.live.postEntry(actor, { articleId: story, body: doc(para("An entry.")) });
  const doomed = await m.live.postEntry(actor, { articleId: story, body: doc(para("An entry to delete.")) });
  return { story, plain: await publish("Hostile input not live yet"), entry: entry.id, doomed: doomed.id };
}

// Sports records for the record screens' actions: a team and an athlete to edit and one of each to
// delete (the unbroken delete uses it up), a competition with a season holding a complete standings
// table and an entered medal table, and a spare season without a medal table.
async function createSportsRecordTargets() {
  const named = (name: string) => ({ name, nameKey: name.toLowerCase() });
  const team = await m.db.team.create({ data: named("Hostile Team"), select: { id: true } });
  const doomedTeam = await m.db.team.create({ data: named("Hostile Doomed Team"), select: { id: true } });
  const athlete = await m.db.athlete.create({ data: named("Hostile Athlete"), select: { id: true } });
  const doomedAthlete = await m.db.athlete.create({ data: named("Hostile Doomed Athlete"), select: { id: true } });
  const competition = await m.db.competition.create({ data: { ...named("Hostile League"), seasons: { create: [{ name: "2025" }, { name: "Spare" }] } }, include: { seasons: { orderBy: { name: "asc" } } } });
  const [season, spare] = competition.seasons;
  const row = { teamId: team.id, position: 0, won: 1, drawn: 0, lost: 0, goalsFor: 2, goalsAgainst: 0 };
  const standings = await m.db.standings.create({ data: { competitionSeasonId: season.id, name: "Hostile table", rows: { create: [row] } }, select: { id: true } });
  const medals = await m.db.medalTable.create({ data: { competitionSeasonId: season.id }, select: { id: true } });
  return {
    team: team.id,
    doomedTeam: doomedTeam.id,
    athlete: athlete.id,
    doomedAthlete: doomedAthlete.id,
    competition: competition.id,
    season: season.id,
    spare: spare.id,
    standings: standings.id,
    medals: medals.id,
  };
}

async function readSportsRecordTargets() {
  const s = ids.sports;
  const loadedAt = async (delegate: { findUnique: (args: never) => Promise<unknown> }, id: string) =>
    ((await delegate.findUnique({ where: { id }, select: { updatedAt: true } } as never)) as { updatedAt: Date } | null)?.updatedAt.toISOString() ?? "2000-01-01T00:00:00.000Z";
  const competition = await m.db.competition.findUniqueOrThrow({ where: { id: s.competition } });
  const spare = await m.db.competitionSeason.findUniqueOrThrow({ where: { id: s.spare } });
  const standings = await m.db.standings.findUniqueOrThrow({ where: { id: s.standings }, select: { version: true } });
  const medals = await m.db.medalTable.findUniqueOrThrow({ where: { id: s.medals }, select: { version: true } });
  return {
    ...s,
    teamLoadedAt: await loadedAt(m.db.team, s.team),
    doomedTeamLoadedAt: await loadedAt(m.db.team, s.doomedTeam),
    athleteLoadedAt: await loadedAt(m.db.athlete, s.athlete),
    doomedAthleteLoadedAt: await loadedAt(m.db.athlete, s.doomedAthlete),
    revision: m.competitionRevision(competition),
    spareName: spare.name,
    standingsVersion: standings.version,
    medalsVersion: medals.version,
  };
}

// A sport with two teams, a match the event form corrects and a race a results table is pasted into.
async function createSportsEventTargets() {
  const sport = await m.db.sport.create({ data: { name: "Hostile Soccer", nameKey: "hostile soccer" } });
  const team = (name: string) => m.db.team.create({ data: { name, nameKey: name.toLowerCase(), sportId: sport.id } });
  const [home, away] = [await team("Hostile Home"), await team("Hostile Away")];
  const event = (name: string) => m.db.sportsEvent.create({ data: { identity: `hostile:${name}`, name, sportId: sport.id } });
  return { sport: sport.id, home: home.id, away: away.id, match: (await event("Hostile match")).id, race: (await event("Hostile race")).id };
}

async function readSportsEventTargets() {
  const versionOf = async (id: string) => (await m.db.sportsEvent.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  return { ...ids.sports, matchVersion: await versionOf(ids.sports.match), raceVersion: await versionOf(ids.sports.race) };
}

// Both screens' targets in one object (their keys differ).
async function createSportsTargets() {
  return { ...(await createSportsRecordTargets()), ...(await createSportsEventTargets()) };
}

async function readSportsTargets() {
  return { ...(await readSportsRecordTargets()), ...(await readSportsEventTargets()) };
}

// Wire items for the Wire screen's actions: one held without a draft, two with a pending update
// (apply and dismiss each use one up), one canceled whose story is published.
const wireDoc = (guid: string, version = 1, pubStatus = "usable") =>
  JSON.stringify({ uri: guid, version: String(version), pubStatus, headlines: [{ value: `Hostile wire ${version}` }], bodies: [{ contentType: "text/plain", value: "Body." }] });

async function createWireTargets() {
  const actor = { id: admin.id, role: "ADMIN" as const, name: "Hostile admin" };
  await m.db.agency.create({ data: { name: "Zz Hostile Held Agency", shortCredit: "ZzH", creditFormat: "{agency}", wireAutoDraft: false } });
  const held = await m.importWireItem(actor, { source: wireDoc("urn:hostile:held"), agency: "Zz Hostile Held Agency" });
  const second = async (guid: string, state: "pending" | "canceled") => {
    const first = await m.importWireItem(actor, { source: wireDoc(guid), agency: "Zz Hostile Wire Agency" });
    const changes = state === "pending" ? { headline: "Edited by the desk" } : { status: "PUBLISHED" as const, publishedAt: new Date() };
    await m.db.article.update({ where: { id: first.articleId! }, data: { ...changes, version: { increment: 1 } } });
    await m.importWireItem(actor, { source: wireDoc(guid, 2, state === "pending" ? "usable" : "canceled"), agency: "Zz Hostile Wire Agency" });
    return first.wireItemId;
  };
  return {
    held: held.wireItemId,
    applyPending: await second("urn:hostile:apply", "pending"),
    dismissPending: await second("urn:hostile:dismiss", "pending"),
    canceled: await second("urn:hostile:canceled", "canceled"),
  };
}

// Current versions of the target records (read again before each unbroken call of the last test).
async function readTargets() {
  // A record merged away by an earlier unbroken call keeps its id and reads as version 0.
  const version = async (delegate: { findUnique: (args: never) => Promise<unknown> }, id: string): Promise<Versioned> => ({
    id,
    version: ((await delegate.findUnique({ where: { id }, select: { version: true } } as never)) as { version: number } | null)?.version ?? 0,
  });
  const revisions = await m.db.revision.findMany({ where: { articleId: ids.published }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const agency = await m.db.agency.findFirstOrThrow({ orderBy: { name: "asc" }, select: { id: true } });
  const photographer = await m.db.photographer.findFirstOrThrow({ orderBy: { name: "asc" }, select: { id: true } });
  const section = await m.db.section.findFirstOrThrow({ where: { slug: "tennis" }, select: { id: true } });
  // An unbroken "Update live story" or "Discard changes" uses the working copy up, and an unbroken
  // revoke uses the preview link up: both are made again for the next case.
  if ((await m.db.workingCopy.count({ where: { articleId: ids.changed } })) === 0) {
    const { version: current, article } = await m.articleInput.currentInput(ids.changed);
    await m.saveArticle(
      { id: admin.id, role: "ADMIN", name: "Hostile admin" },
      { articleId: ids.changed, expectedVersion: current, article: { ...article, standfirst: `A working-copy standfirst ${unique()}.` } },
    );
  }
  await m.db.article.updateMany({ where: { id: ids.embargoed, embargoUntil: null }, data: { embargoUntil: new Date(Date.now() + 10 * 86_400_000) } });
  const previewLink =
    (await m.db.previewLink.findFirst({ where: { articleId: ids.draft, revokedAt: null }, select: { id: true } }))?.id ??
    (await m.preview.createPreviewLink({ id: admin.id, role: "ADMIN", name: "Hostile admin" }, ids.draft)).id;
  return {
    changed: await version(m.db.article, ids.changed),
    previewLink,
    draft: await version(m.db.article, ids.draft),
    embargoed: await version(m.db.article, ids.embargoed),
    draftArticle: (await m.articleInput.currentInput(ids.draft)).article,
    review: await version(m.db.article, ids.review),
    trash: await version(m.db.article, ids.trash),
    published: await version(m.db.article, ids.published),
    revisions: revisions.map((r) => r.id),
    media: await version(m.db.media, ids.media),
    user: await version(m.db.user, ids.user),
    profiles: await Promise.all(ids.profiles.map((id) => version(m.db.bylineProfile, id))),
    tags: await Promise.all(ids.tags.map((id) => version(m.db.tag, id))),
    agency: await version(m.db.agency, agency.id),
    photographer: await version(m.db.photographer, photographer.id),
    section: await version(m.db.section, section.id),
    wire: await readWireTargets(),
    live: await readLiveTargets(),
    sports: await readSportsTargets(),
    newsletters: await readNewsletterTargets(),
    editions: await readEditionTargets(),
    readers: await readReaderTargets(),
  };
}

// Two newsletters of this file's own (found by their slugs, which never change): one the update
// and archive cases change, one only ever made main (an archived one cannot be). And a subscriber
// for the erase case, made again after each unbroken erase.
async function readNewsletterTargets() {
  const actor = { id: admin.id, role: "ADMIN" as const, name: "Hostile admin" };
  const fields = { senderName: "Desk", senderAddress: "desk@pressbox.example", consentText: "Yes.", scheduleDays: "mon", scheduleTime: "06:30" };
  const ensure = async (name: string, slug: string) => {
    const found = await m.db.newsletter.findUnique({ where: { slug }, select: { id: true, version: true } });
    if (found) return found;
    const { id } = await m.newsletters.createNewsletter(actor, { ...fields, name });
    return { id, version: 1 };
  };
  const subscriber =
    (await m.db.subscriber.findFirst({ where: { email: { startsWith: "hostile-erase-" } }, select: { id: true } })) ??
    (await m.db.subscriber.create({ data: { email: `hostile-erase-${unique()}@example.org`, consentText: "Yes.", consentAt: new Date() }, select: { id: true } }));
  return { letter: await ensure("Hostile inputs letter", "hostile-inputs-letter"), candidate: await ensure("Hostile inputs candidate", "hostile-inputs-candidate"), subscriberId: subscriber.id };
}

// The edition screens' and the send panel's newsletter (another, with no editions, is assembled)
// and three published stories: two in the edited edition, one to add to it.
async function createEditionTargets() {
  const actor = { id: admin.id, role: "ADMIN" as const, name: "Hostile admin" };
  const sender = { senderName: "Desk", senderAddress: "desk@pressbox.example", consentText: "Yes." };
  const letter = await m.db.newsletter.create({ data: { slug: "hostile-inputs-editions", name: "Hostile editions", ...sender }, select: { id: true } });
  const assembly = await m.db.newsletter.create({ data: { slug: "hostile-inputs-assembly", name: "Hostile assembly", ...sender }, select: { id: true } });
  const stories: string[] = [];
  for (const headline of ["Hostile edition lead", "Hostile edition second", "Hostile edition extra"]) {
    const id = await completeStory(headline);
    await m.workflow.publishArticle(actor, { articleId: id, expectedVersion: (await m.articleInput.currentInput(id)).version });
    stories.push(id);
  }
  return { letter: letter.id, assembly: assembly.id, stories };
}

// An edition for each use, found by its subject's start and status, and made again once an
// unbroken call used it up: one edited (both first stories in it, the extra one not), one to
// cancel, one to send now, one to schedule and a scheduled one whose schedule is cancelled.
async function readEditionTargets() {
  const { letter, stories } = ids.editions;
  const [lead, second, extra] = stories;
  const ensure = async (subject: string, status: "DRAFT" | "SCHEDULED") =>
    (await m.db.edition.findFirst({ where: { newsletterId: letter, subject: { startsWith: subject }, status }, select: { id: true, version: true } })) ??
    (await m.db.edition.create({
      data: { newsletterId: letter, subject, status, scheduledFor: new Date(Date.now() + 7 * 86_400_000), items: { create: [{ articleId: lead, position: 0 }] } },
      select: { id: true, version: true },
    }));
  const edited = await ensure("Hostile edited", "DRAFT");
  await m.db.editionItem.deleteMany({ where: { editionId: edited.id, articleId: extra } });
  for (const articleId of [lead, second]) {
    const position = await m.db.editionItem.count({ where: { editionId: edited.id } });
    await m.db.editionItem.upsert({ where: { editionId_articleId: { editionId: edited.id, articleId } }, create: { editionId: edited.id, articleId, position }, update: {} });
  }
  const [first] = await m.db.editionItem.findMany({ where: { editionId: edited.id }, orderBy: [{ position: "asc" }, { articleId: "asc" }], select: { articleId: true } });
  return {
    ...ids.editions,
    edited: { ...(await m.db.edition.findUniqueOrThrow({ where: { id: edited.id }, select: { id: true, version: true } })), first: first.articleId, extra },
    doomed: await ensure("Hostile cancelled", "DRAFT"),
    sendable: await ensure("Hostile sent now", "DRAFT"),
    unscheduled: await ensure("Hostile to schedule", "DRAFT"),
    scheduled: await ensure("Hostile unscheduled", "SCHEDULED"),
  };
}

// Two readers of the editions' newsletter: one with a sign-up waiting to be confirmed (confirming
// again is "confirmed" again), one confirmed whose manage link changes and leaves the list.
async function readReaderTargets() {
  const newsletterId = ids.editions.letter;
  const reader = async (email: string, status: "PENDING" | "CONFIRMED") =>
    (await m.db.subscriber.findUnique({ where: { email }, select: { id: true, tokenVersion: true } })) ??
    (await m.db.subscriber.create({
      data: { email, status, consentText: "Yes.", consentAt: new Date(), subscriptions: { create: { newsletterId, status, consentText: "Yes.", consentAt: new Date() } } },
      select: { id: true, tokenVersion: true },
    }));
  const pending = await reader("hostile-pending-reader@example.org", "PENDING");
  const confirmed = await reader("hostile-confirmed-reader@example.org", "CONFIRMED");
  const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";
  return { newsletterId, confirmToken: tokenOf(m.links.confirmLink(pending, newsletterId)), manageToken: tokenOf(m.links.manageLink(confirmed)) };
}

async function readLiveTargets() {
  const entryVersion = async (id: string) => (await m.db.liveEntry.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  const coverage = await m.db.liveCoverage.findUniqueOrThrow({ where: { articleId: ids.live.story }, select: { version: true } });
  return { ...ids.live, coverageVersion: coverage.version, entryVersion: await entryVersion(ids.live.entry), doomedVersion: await entryVersion(ids.live.doomed) };
}

async function readWireTargets() {
  const articleVersion = async (wireItemId: string) => (await m.db.wireItem.findUniqueOrThrow({ where: { id: wireItemId }, select: { article: { select: { version: true } } } })).article?.version ?? 0;
  const { held, applyPending, dismissPending, canceled } = ids.wire;
  return { held, applyPending, dismissPending, canceled, applyVersion: await articleVersion(applyPending), canceledVersion: await articleVersion(canceled) };
}

// ---------------------------------------------------------------------------------------------
// Malformed Tiptap bodies: a valid document with one thing wrong.

const para = (text: string, marks?: unknown) => ({ type: "paragraph", content: [{ type: "text", text, ...(marks === undefined ? {} : { marks }) }] });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const HOSTILE_HREFS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\nscript:alert(1)",
  "java\tscript:alert(1)",
  "\u0000javascript:alert(1)",
  "javascript&colon;alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "//evil.example/",
  "/\\evil.example",
  "",
  "x".repeat(2100),
];

const badBody: fc.Arbitrary<unknown> = fc.oneof(
  notA("object"),
  fc.constantFrom("<p>client-made HTML</p>", { type: "paragraph" }, { content: [] }, { type: "doc", content: "text" }, { type: "doc", content: [{ type: "text", text: "bare text" }] }),
  fc.constantFrom("script", "iframe", "image", "html", "__proto__", "constructor", "toString", "hasOwnProperty", "").map((type) => doc({ type, content: [] })),
  fc.constantFrom("script", "__proto__", "constructor", "underline", "strike", "code").map((type) => doc(para("marked", [{ type }]))),
  fc.constantFrom<unknown>("bold", null, {}, [null], [{}], [{ type: "bold", attrs: { onclick: "alert(1)" } }]).map((marks) => doc(para("marked", marks))),
  fc.constantFrom(...HOSTILE_HREFS).map((href) => doc(para("link", [{ type: "link", attrs: { href } }]))),
  fc.constantFrom<unknown>(0, 1, 5, 6, 7, -1, 99, "2", null).map((level) => doc({ type: "heading", attrs: { level }, content: [{ type: "text", text: "Heading" }] })),
  fc.constant(doc({ type: "paragraph", content: [{ type: "text", text: "" }] })),
  fc.constant(doc({ type: "paragraph", attrs: { style: "color:red", onclick: { evil: true } }, content: [{ type: "text", text: "attrs" }] })),
  fc
    .constantFrom<unknown>(
      { type: "figure", attrs: { mediaId: "not-an-id" } },
      { type: "figure", attrs: { mediaId: "c00000000000000000000000x" } },
      { type: "pullQuote", attrs: { quoteId: "c00000000000000000000000q" } },
      { type: "relatedStory", attrs: { articleId: "javascript:alert(1)" } },
      { type: "relatedStory", attrs: { articleId: "c00000000000000000000000r" } },
      { type: "relatedStory", attrs: { articleId: "c00000000000000000000000r", label: "x".repeat(500) } },
      { type: "sidebar", attrs: { sidebarId: "../../x" } },
    )
    .map((node) => doc(node)),
  fc
    .integer({ min: 25, max: 3_000 })
    .map((depth) => new Lazy(`bulletList nested ${depth}`, () => doc(nest(depth, (inner) => ({ type: "bulletList", content: [{ type: "listItem", content: [para("deep"), inner] }] }))))),
  fc.constant(new Lazy("paragraph of 600 KB", () => doc(para("x".repeat(600 * 1024))))),
  fc.constant(new Lazy("20,001 paragraphs", () => doc(...Array.from({ length: 20_001 }, () => ({ type: "paragraph" }))))),
);

// ---------------------------------------------------------------------------------------------
// Cases: an action or route, its unbroken input, and the ways to break it.

type Outcome = { status: number; message: string; cookie?: string | null };
type Break = [path: string, value: unknown][];
type JsonInput = { breaks: Break; noise: [at: string, key: string, value: unknown][] };
type Case<I> = {
  name: string;
  // "refuse": every input must be refused. "tolerate": the input may be valid (a search query, a
  // route that takes no input): any answer but an error on our side, and nothing may change.
  expect: "refuse" | "tolerate";
  inputs: () => fc.Arbitrary<I>;
  call: (input: I) => Promise<Outcome>;
  valid: () => Promise<Outcome>;
  // Tables a refusal may legitimately change (each justified where it is used).
  mayChange?: readonly string[];
  runs?: number;
};

const fromResult = (result: ActionResult<unknown>): Outcome => (result.ok ? { status: 200, message: "ok" } : { status: result.status, message: result.message });

function setPath(target: unknown, keys: string[], value: unknown): void {
  const [key, ...rest] = keys;
  const holder = target as Record<string, unknown>;
  if (rest.length) return setPath(holder[key], rest, value);
  if (value === MISSING) delete holder[key];
  else holder[key] = materialize(value);
}

function getPath(target: unknown, at: string): unknown {
  return at === "" ? target : at.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], target);
}

// Noise first (never replacing a declared field), then the break.
function buildArgs(base: unknown[], input: JsonInput): unknown[] {
  const args = structuredClone(base);
  for (const [at, key, value] of input.noise) {
    const holder = getPath(args, at);
    if (holder && typeof holder === "object" && !Object.hasOwn(holder, key)) Object.defineProperty(holder, key, { value: materialize(value), enumerable: true, writable: true, configurable: true });
  }
  for (const [at, value] of input.breaks) setPath(args, at.split("."), value);
  return args;
}

const NOISE_KEYS = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "isAdmin", "role", "status", "createdById", "publishedAt", "version", "id", "$$typeof", "then"),
  fc.string({ maxLength: 12 }),
);
const noiseAt = (places: string[]) => fc.array(fc.tuple(fc.constantFrom(...places), NOISE_KEYS, anyValue), { maxLength: 3 });

function jsonCase(
  name: string,
  options: { call: (args: unknown[]) => Promise<ActionResult<unknown>>; base: () => unknown[]; breaks: [string, fc.Arbitrary<unknown>][]; noise?: string[]; expect?: "tolerate" },
): Case<JsonInput> {
  const oneBreak = () => fc.oneof(...options.breaks.map(([at, values]) => values.map((value): Break => [[at, value]])));
  return {
    name,
    expect: options.expect ?? "refuse",
    inputs: () => fc.record({ breaks: oneBreak(), noise: noiseAt(options.noise ?? ["0"]) }),
    call: async (input) => fromResult(await options.call(buildArgs(options.base(), input))),
    valid: async () => fromResult(await options.call(options.base())),
  };
}

// Server-action arguments (JSON-ish: what React can send).
const badJsonId = fc.oneof(badIdString, notA("string"));
const badJsonVersion = fc.oneof(notA("number"), hostileNumber, fc.integer({ min: 100_000, max: 2 ** 30 }));
const badStep = fc.oneof(fc.constantFrom("delete", "PUBLISH", "publish ", "returntodraft", "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", ""), notA("string"));

// A save checks that the records the story names exist; a comparison only reads the fields, so
// there only malformed ids (not well-formed unknown ones) are broken.
const malformedJsonId = fc.oneof(fc.constantFrom("", " "), malformedId, notA("string"));
const articleBreaks = (prefix: string, badId: fc.Arbitrary<unknown>): [string, fc.Arbitrary<unknown>][] => [
  [prefix.slice(0, -1), notA("object")],
  ...["kicker", "agencyLine"].map((field): [string, fc.Arbitrary<unknown>] => [`${prefix}${field}`, fc.oneof(tooLong(200), notA("string", { nullish: false }))]),
  [`${prefix}headline`, fc.oneof(tooLong(200), notA("string", { nullish: false }))],
  [`${prefix}standfirst`, fc.oneof(tooLong(600), notA("string", { nullish: false }))],
  [
    `${prefix}slug`,
    fc.oneof(fc.constant(MISSING), notA("string"), fc.constantFrom("Has Capitals", "two--hyphens", "-leading", "trailing-", "emoji-🏒", "a/b", "../x", "under_score", "dot.slug", "", "x\u0000y"), tooLong(120)),
  ],
  [`${prefix}sectionId`, fc.oneof(badId.filter((id) => id != null))],
  [
    `${prefix}tagNames`,
    fc.oneof(
      notA("array", { nullish: false }),
      fc.constant(Array.from({ length: 21 }, (_, i) => `tag ${i}`)),
      fc.constantFrom([""], ["   "], [null], [42], [{}]),
      tooLong(60).map((name) => [name]),
    ),
  ],
  // A story's teams, athletes and events: ids of records that exist, each once, at most 20.
  ...["teamIds", "athleteIds", "eventIds"].map((field): [string, fc.Arbitrary<unknown>] => [
    `${prefix}${field}`,
    fc.oneof(
      notA("array", { nullish: false }),
      fc.constantFrom([null], [42], [{}], [""]),
      badId.filter((id) => id != null).map((id) => [id]),
      unknownId.map((id) => [id, id]),
      fc.constant(new Lazy("21 ids", () => Array.from({ length: 21 }, (_, i) => `c${String(i).padStart(24, "0")}`))),
    ),
  ]),
  [
    `${prefix}bylines`,
    fc.oneof(
      notA("array", { nullish: false }),
      fc.constantFrom([null], ["profile"], [{}]),
      badId.map((profileId) => [{ profileId, role: "REPORTER" }]),
      fc.constantFrom("AUTHOR", "reporter", "__proto__", 1).map((role) => [{ profileId: ids.profiles[0], role }]),
      fc.constant(new Lazy("13 bylines", () => Array.from({ length: 13 }, () => ({ profileId: ids.profiles[0], role: "REPORTER" })))),
    ),
  ],
  [
    `${prefix}hero`,
    fc.oneof(
      notA("object", { nullish: false }),
      fc.record({ mediaId: badId, caption: fc.constant("Caption") }),
      fc.oneof(tooLong(1000), notA("string")).map((caption) => ({ mediaId: ids.media, caption })),
    ),
  ],
  [`${prefix}body`, badBody],
  [
    `${prefix}quotes`,
    fc.oneof(
      notA("array", { nullish: false }),
      fc.record({ id: malformedJsonId, text: fc.constant("Words"), speaker: fc.constant("Speaker") }).map((quote) => [quote]),
      fc.record({ id: unknownId, text: tooLong(2000), speaker: fc.constant("Speaker") }).map((quote) => [quote]),
    ),
  ],
  [
    `${prefix}captions`,
    fc.oneof(
      notA("array", { nullish: false }),
      fc.record({ id: malformedJsonId, mediaId: badId, text: fc.constant("Caption") }).map((caption) => [caption]),
    ),
  ],
  [
    `${prefix}sidebars`,
    fc.oneof(
      notA("array", { nullish: false }),
      fc.record({ id: malformedJsonId, heading: fc.constant("Box"), body: fc.constant(doc(para("x"))) }).map((sidebar) => [sidebar]),
      fc.record({ id: unknownId, heading: tooLong(200), body: badBody }).map((sidebar) => [sidebar]),
    ),
  ],
];

function storyCases(): Case<JsonInput>[] {
  const a = m.actions.stories;
  const future = () => new Date(Date.now() + 86_400_000).toISOString();
  return [
    jsonCase("stories/saveStoryAction", {
      call: (args) => a.saveStoryAction(args[0]),
      base: () => [{ articleId: t.draft.id, expectedVersion: t.draft.version, article: { ...t.draftArticle, kicker: `Changed ${unique()}` } }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
        ["0.isAutosave", anyValue.filter((value) => typeof value !== "boolean" && value !== undefined)],
        ...articleBreaks("0.article.", badJsonId),
      ],
      noise: ["0", "0.article"],
    }),
    jsonCase("stories/transitionAction", {
      call: (args) => a.transitionAction(args[0] as "publish", args[1]),
      base: () => ["publish", { articleId: t.review.id, expectedVersion: t.review.version }],
      breaks: [
        ["0", badStep],
        ["1", notA("object")],
        ["1.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["1.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
      ],
      noise: ["1"],
    }),
    jsonCase("stories/transitionAction (schedule)", {
      call: (args) => a.transitionAction(args[0] as "schedule", args[1]),
      base: () => ["schedule", { articleId: t.draft.id, expectedVersion: t.draft.version, publishAt: future() }],
      breaks: [
        [
          "1.publishAt",
          fc.oneof(
            fc.constant(MISSING),
            fc.constantFrom("not a date", "2024-13-45", "yesterday", "", "2001-01-01T00:00:00Z", "+275760-09-14T00:00:00Z", -1, NaN, 8.64e15 + 1, {}, [], true),
            fc.date({ max: new Date() }),
          ),
        ],
      ],
      noise: ["1"],
    }),
    // Each unbroken call moves the embargo later (an earlier one would be lifting it).
    jsonCase("stories/setEmbargoAction", {
      call: (args) => a.setEmbargoAction(args[0]),
      base: () => [{ articleId: t.embargoed.id, expectedVersion: t.embargoed.version, embargoUntil: new Date(Date.now() + 40 * 86_400_000).toISOString() }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
        ["0.embargoUntil", fc.constantFrom(MISSING, null, "not a date", "2024-13-45", "", "2001-01-01T00:00:00Z", new Date(Date.now() + 86_400_000).toISOString(), {}, [], true, -1)],
      ],
    }),
    jsonCase("stories/liftEmbargoAction", {
      call: (args) => a.liftEmbargoAction(args[0]),
      base: () => [{ articleId: t.embargoed.id, expectedVersion: t.embargoed.version, reason: "The agency lifted it early." }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
        ["0.reason", fc.oneof(fc.constantFrom(MISSING, "", "   \t\n ", "\u0000"), tooLong(1000), notA("string"))],
      ],
    }),
    jsonCase("stories/addNoteAction", {
      call: (args) => a.addNoteAction(args[0]),
      base: () => [{ articleId: t.published.id, kind: "CORRECTION", text: "A name was misspelt in the third paragraph." }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.kind", fc.oneof(fc.constant(MISSING), fc.constantFrom("correction", "DELETE", "", "__proto__", "UPDATE "), notA("string"))],
        ["0.text", fc.oneof(fc.constant(MISSING), fc.constantFrom("", "    ", "four", "\u0000"), tooLong(1000), notA("string"))],
      ],
    }),
    // The editor's presence ping: for a story that does not exist it answers "nobody else has it
    // open" (documented leniency, the screen ignores it) and writes nothing; it must never fail.
    jsonCase("stories/checkInAction", { expect: "tolerate", call: (args) => a.checkInAction(args[0] as string), base: () => [t.draft.id], breaks: [["0", badJsonId]] }),
    jsonCase("stories/reloadStoryAction", { call: (args) => a.reloadStoryAction(args[0] as string), base: () => [t.draft.id], breaks: [["0", badJsonId]] }),
    jsonCase("stories/listRevisionsAction", { call: (args) => a.listRevisionsAction(args[0] as string), base: () => [t.published.id], breaks: [["0", badJsonId]] }),
    jsonCase("stories/compareRevisionsAction", {
      call: (args) => a.compareRevisionsAction(...(args as [string, string, string])),
      base: () => [t.published.id, t.revisions[0], t.revisions.at(-1)],
      breaks: [
        ["0", badJsonId],
        ["1", badJsonId],
        ["2", badJsonId],
      ],
    }),
    jsonCase("stories/restoreRevisionAction", {
      call: (args) => a.restoreRevisionAction(args[0]),
      base: () => [{ articleId: t.published.id, revisionId: t.revisions[0], expectedVersion: t.published.version }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.revisionId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
      ],
    }),
    jsonCase("stories/previewLinkAction", { call: (args) => a.previewLinkAction(args[0] as string), base: () => [t.draft.id], breaks: [["0", badJsonId]] }),
    jsonCase("stories/listPreviewLinksAction", { call: (args) => a.listPreviewLinksAction(args[0] as string), base: () => [t.draft.id], breaks: [["0", badJsonId]] }),
    jsonCase("stories/revokePreviewLinkAction", {
      call: (args) => a.revokePreviewLinkAction(args[0]),
      base: () => [{ articleId: t.draft.id, linkId: t.previewLink }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.linkId", fc.oneof(fc.constant(MISSING), badJsonId)],
      ],
    }),
    jsonCase("stories/updateLiveAction", {
      call: (args) => a.updateLiveAction(args[0]),
      base: () => [{ articleId: t.changed.id, expectedVersion: t.changed.version }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
        ["0.note", fc.constantFrom("a correction", 42, [], { kind: "RETRACTION", text: "No such kind of note." }, { kind: "CORRECTION", text: "" })],
      ],
    }),
    jsonCase("stories/discardChangesAction", {
      call: (args) => a.discardChangesAction(args[0]),
      base: () => [{ articleId: t.changed.id, expectedVersion: t.changed.version }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
      ],
    }),
    jsonCase("stories/scheduleLiveUpdateAction", {
      call: (args) => a.scheduleLiveUpdateAction(args[0]),
      base: () => [{ articleId: t.changed.id, expectedVersion: t.changed.version, updateAt: new Date(Date.now() + 86_400_000).toISOString() }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
        ["0.updateAt", fc.constantFrom(MISSING, "next tuesday", "2001-01-01T00:00:00Z", "", {}, [])],
      ],
    }),
    jsonCase("stories/compareWithLiveAction", { call: (args) => a.compareWithLiveAction(args[0] as string), base: () => [t.changed.id], breaks: [["0", badJsonId]] }),
    jsonCase("stories/liveStateAction", { call: (args) => a.liveStateAction(args[0] as string), base: () => [t.changed.id], breaks: [["0", badJsonId]] }),
    // Any text is a valid search (anything else searches for nothing in particular).
    jsonCase("stories/searchMediaAction", {
      expect: "tolerate",
      call: (args) => a.searchMediaAction(args[0] as string),
      base: () => ["skater"],
      breaks: [
        ["0", anyValue],
        ["0", tooLong(100)],
      ],
    }),
    jsonCase("stories/searchStoriesAction", {
      expect: "tolerate",
      call: (args) => a.searchStoriesAction(args[0] as string, args[1] as string),
      base: () => ["the", t.draft.id],
      breaks: [
        ["0", anyValue],
        ["1", anyValue],
        ["0", tooLong(100)],
      ],
    }),
    // Well-formed unknown ids are no refusal here: a photo deleted meanwhile is simply left out.
    jsonCase("stories/readMediaAction", {
      call: (args) => a.readMediaAction(args[0]),
      base: () => [[t.media.id]],
      breaks: [
        ["0", notA("array")],
        ["0.0", fc.oneof(fc.constantFrom("", " "), malformedId, notA("string"))],
        ["0", fc.constant(new Lazy("201 ids", () => Array.from({ length: 201 }, () => ids.media)))],
      ],
    }),
    // The same for embeds: an id with no snapshot yet is left out.
    jsonCase("stories/readEmbedsAction", {
      call: (args) => a.readEmbedsAction(args[0]),
      base: () => [["cembed000000000000000001"]],
      breaks: [
        ["0", notA("array")],
        ["0.0", fc.oneof(fc.constantFrom("", " "), malformedId, notA("string"))],
        ["0", fc.constant(new Lazy("201 ids", () => Array.from({ length: 201 }, () => ids.media)))],
      ],
    }),
    // A field left out is left as it is; null clears a credit id or the override.
    jsonCase("stories/updateMediaDetailsAction", {
      call: (args) => a.updateMediaDetailsAction(args[0] as never),
      base: () => [{ id: t.media.id, version: t.media.version, altText: `New alt text ${unique()}` }],
      breaks: [
        ["0", notA("object")],
        ["0.id", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.version", fc.oneof(fc.constant(MISSING), badJsonVersion)],
        [
          "0.altText",
          fc.oneof(
            tooLong(1000),
            notA("string").filter((value) => value !== undefined),
          ),
        ],
        ["0.defaultCaption", tooLong(2000)],
        ["0.creditOverride", tooLong(300)],
        ["0.photographerId", fc.oneof(malformedId, unknownId)],
        ["0.agencyId", fc.oneof(malformedId, unknownId)],
      ],
    }),
    jsonCase("stories/deleteStoryAction", {
      call: (args) => a.deleteStoryAction(args[0]),
      base: () => [{ articleId: t.trash.id, expectedVersion: t.trash.version }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
      ],
    }),
    jsonCase("stories/compareWithCurrentAction", {
      call: (args) => a.compareWithCurrentAction(args[0] as string, args[1]),
      base: () => [t.draft.id, { ...t.draftArticle, kicker: "Mine" }],
      breaks: [["0", badJsonId], ...articleBreaks("1.", malformedJsonId).filter(([at]) => !at.endsWith(".body") && !at.endsWith(".sidebars"))],
      noise: ["1"],
    }),
  ];
}

// The live desk's actions (JSON arguments). A score or a minute alone, a future time and an
// entry body a story could not have (or an entry may not: pull quotes, sidebars) are refused.
function liveCases(): Case<JsonInput>[] {
  const a = m.actions.live;
  const badScore = fc.oneof(hostileNumber, notA("number", { nullish: false }), fc.constantFrom(-1, 1000, 1.5));
  // A goal count is a whole number from 0 to 999 (a score update needs both).
  const badGoals = badScore.filter((value) => !(Number.isInteger(value) && Number(value) >= 0 && Number(value) <= 999));
  const badTime = fc.constantFrom(MISSING, "not a date", "2024-13-45", "", {}, new Date(Date.now() + 86_400_000).toISOString());
  const entryBreaks = (idField: string): [string, fc.Arbitrary<unknown>][] => [
    ["0", notA("object")],
    [`0.${idField}`, fc.oneof(fc.constant(MISSING), badJsonId)],
    ["0.body", fc.oneof(fc.constant(MISSING), badBody)],
    ["0.type", fc.oneof(fc.constantFrom("goal", "PENALTY", "", "__proto__"), notA("string", { nullish: false }))],
    ["0.keyEvent", anyValue.filter((value) => typeof value !== "boolean" && value !== undefined)],
    ["0.homeScore", badScore],
    ["0.minuteOrPeriod", fc.oneof(tooLong(40), notA("string", { nullish: false }))],
    [
      "0.authorIds",
      fc.oneof(
        notA("array", { nullish: false }),
        badJsonId.map((id) => [id]),
        fc.constant(new Lazy("7 authors", () => Array.from({ length: 7 }, () => ids.profiles[0]))),
      ),
    ],
  ];
  const entryRef = (extra: [string, fc.Arbitrary<unknown>][] = []): [string, fc.Arbitrary<unknown>][] => [
    ["0", notA("object")],
    ["0.entryId", fc.oneof(fc.constant(MISSING), badJsonId)],
    ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
    ...extra,
  ];
  const badValue: [string, fc.Arbitrary<unknown>] = ["0.value", anyValue.filter((value) => typeof value !== "boolean")];
  return [
    jsonCase("live/readLiveDeskAction", { call: (args) => a.readLiveDeskAction(args[0] as string), base: () => [t.live.story], breaks: [["0", badJsonId]] }),
    jsonCase("live/makeLiveCoverageAction", {
      call: (args) => a.makeLiveCoverageAction(args[0]),
      base: () => [{ articleId: t.live.plain, match: { home: "City", away: "United" }, keyPoints: ["Kick-off at three"] }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.match", fc.oneof(notA("object", { nullish: false }), fc.constantFrom({ home: "City" }, { home: "", away: "United" }))],
        [
          "0.keyPoints",
          fc.oneof(
            notA("array", { nullish: false }),
            fc.constantFrom(
              [""],
              [null],
              Array.from({ length: 11 }, (_, i) => `Point ${i}`),
            ),
            tooLong(280).map((point) => [point]),
          ),
        ],
        ["0.endsAt", fc.constantFrom("not a date", {}, "")],
      ],
      noise: ["0", "0.match"],
    }),
    jsonCase("live/updateCoverageAction", {
      call: (args) => a.updateCoverageAction(args[0]),
      base: () => [{ articleId: t.live.story, expectedVersion: t.live.coverageVersion, status: "LIVE" }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)],
        ["0.status", fc.oneof(fc.constantFrom("live", "PAUSED", "", "__proto__"), notA("string", { nullish: false }))],
      ],
    }),
    jsonCase("live/postEntryAction", {
      call: (args) => a.postEntryAction(args[0]),
      base: () => [{ articleId: t.live.story, body: doc(para(`An entry ${unique()}.`)), type: "UPDATE" }],
      breaks: [...entryBreaks("articleId"), ["0.postedAt", badTime.filter((value) => value !== MISSING)]],
    }),
    jsonCase("live/postScoreAction", {
      call: (args) => a.postScoreAction(args[0]),
      base: () => [{ articleId: t.live.story, homeScore: 1, awayScore: 0, minuteOrPeriod: "12'" }],
      breaks: [
        ["0", notA("object")],
        ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId)],
        ["0.homeScore", fc.oneof(fc.constant(MISSING), badGoals)],
        ["0.awayScore", fc.oneof(fc.constant(MISSING), badGoals)],
        ["0.minuteOrPeriod", tooLong(40)],
      ],
    }),
    jsonCase("live/editEntryAction", {
      call: (args) => a.editEntryAction(args[0]),
      base: () => [{ entryId: t.live.entry, expectedVersion: t.live.entryVersion, postedAt: new Date(Date.now() - 60_000).toISOString(), body: doc(para(`Edited ${unique()}.`)) }],
      breaks: [...entryBreaks("entryId"), ["0.expectedVersion", fc.oneof(fc.constant(MISSING), badJsonVersion)], ["0.postedAt", badTime]],
    }),
    jsonCase("live/deleteEntryAction", { call: (args) => a.deleteEntryAction(args[0]), base: () => [{ entryId: t.live.doomed, expectedVersion: t.live.doomedVersion }], breaks: entryRef() }),
    jsonCase("live/setPinnedAction", { call: (args) => a.setPinnedAction(args[0]), base: () => [{ entryId: t.live.entry, expectedVersion: t.live.entryVersion, value: true }], breaks: entryRef([badValue]) }),
    jsonCase("live/setKeyEventAction", {
      call: (args) => a.setKeyEventAction(args[0]),
      base: () => [{ entryId: t.live.entry, expectedVersion: t.live.entryVersion, value: true }],
      breaks: entryRef([badValue]),
    }),
    jsonCase("live/promoteEntryAction", { call: (args) => a.promoteEntryAction(args[0]), base: () => [{ entryId: t.live.entry, expectedVersion: t.live.entryVersion }], breaks: entryRef() }),
  ];
}

// Form actions: every value is a string (or a file, which the actions ignore); a hostile caller
// may also send something that is not a form at all.
type FormInput = { state: unknown; form: unknown; extra: [string, unknown][] };
type Field = { valid: () => string; breaks: fc.Arbitrary<unknown>; isText?: boolean };

const reqText = (max: number, valid: () => string): Field => ({ valid, isText: true, breaks: fc.oneof(fc.constantFrom(MISSING, "", "   \t\n "), tooLong(max)) });
const optText = (max: number, valid: () => string = () => ""): Field => ({ valid, isText: true, breaks: tooLong(max) });
const reqId = (valid: () => string): Field => ({ valid, breaks: fc.oneof(fc.constant(MISSING), badIdString) });
const optId = (valid: () => string = () => ""): Field => ({ valid, breaks: fc.oneof(malformedId, unknownId) });
const version = (valid: () => number): Field => ({
  valid: () => String(valid()),
  breaks: fc.oneof(
    fc.constantFrom(MISSING, "", "abc", "0", "-1", "1.5", "NaN", "Infinity", "-Infinity", "1e21", "9007199254740993", "2147483648", "1_0", "[object Object]"),
    fc.integer({ min: 100_000, max: 2 ** 31 - 1 }).map(String),
  ),
});
const enumField = (valid: () => string, bad: string[]): Field => ({ valid, breaks: fc.constantFrom(MISSING, "", "__proto__", "constructor", "toString", ...bad) });
const slugField: Field = {
  valid: () => "",
  breaks: fc.oneof(fc.constantFrom("has spaces", "two--hyphens", "-leading", "trailing-", "emoji-🏒", "a/b", "../x", "under_score", "dot.slug", "x\u0000y", "newsroom/../admin"), tooLong(80)),
};
const picked = (source: () => Versioned, target: () => Versioned): Field => ({
  valid: () => `${target().id}:${target().version}`,
  breaks: fc.oneof(
    fc.constantFrom(MISSING, "", "nonsense", ":", "::", "__proto__:1"),
    malformedId.map((id) => `${id}:1`),
    unknownId.map((id) => `${id}:1`),
    fc.constant(new Lazy("source id:version", () => `${source().id}:${source().version}`)),
    fc.constantFrom("abc", "0", "-1", "1.5", "NaN").map((v) => new Lazy(`target id:${v}`, () => `${target().id}:${v}`)),
  ),
});
// A checkbox: "on" when ticked, absent when not; anything else is a broken request.
const checkboxField = (valid: () => string): Field => ({ valid, breaks: fc.oneof(fc.constantFrom("", "yes", "1", "off", "ON", "__proto__"), tooLong(10)) });
const password: Field = { valid: () => "a-long-enough-password", breaks: fc.constantFrom(MISSING, "", "short", "123456789", "é".repeat(37), "x".repeat(73), "🏒".repeat(19)) };
const email = (valid: () => string): Field => ({
  valid,
  isText: true,
  breaks: fc.oneof(
    fc.constantFrom(MISSING, "", "not-an-email", "a@", "@b.example", "a b@c.example", "a@b@c.example", "<script>@x.example", "a@b.example\u0000"),
    tooLong(320).map((long) => new Lazy("320+ char email", () => `${materialize(long) as string}@x.example`)),
  ),
});

// Also something that is not a FormData: a plain object (with valid fields), nothing, a string…
const notAForm = (fields: () => Record<string, string>) =>
  fc.oneof(fc.constantFrom<unknown>(null, undefined, 0, true, "name=x", []), polluted, deep, fc.constant(new Lazy("plain object with valid fields", fields)));

function formCase(name: string, action: (state: never, form: FormData) => Promise<ActionResult<unknown>>, fields: Record<string, Field>): Case<FormInput> {
  const names = Object.keys(fields);
  const validFields = () => Object.fromEntries(names.map((field) => [field, fields[field].valid()]));
  const oneBreak = fc.oneof(...names.map((field) => fields[field].breaks.map((value) => ({ [field]: value }))));
  const textNames = names.filter((field) => fields[field].isText);
  const textNoise = textNames.length ? fc.dictionary(fc.constantFrom(...textNames), hostileText, { maxKeys: 2 }) : fc.constant({});
  const extra = fc.array(
    fc.tuple(
      fc.oneof(NOISE_KEYS, fc.constantFrom("$ACTION_ID_deadbeef", "$ACTION_REF_1", "$ACTION_KEY")).filter((key) => !names.includes(key)),
      fc.oneof(hostileText, fc.constant(new Lazy("a File", () => new File(["<svg onload=alert(1)>"], "x.svg")))),
    ),
    { maxLength: 3 },
  );
  const broken = fc.record({ state: anyValue, form: fc.tuple(textNoise, oneBreak).map(([noise, broke]) => ({ ...noise, ...broke })), extra });
  const notFormAtAll = fc.record({ state: anyValue, form: notAForm(validFields), extra: fc.constant<[string, unknown][]>([]) });
  const toForm = (input: FormInput): unknown => {
    if (input.form === null || input.form instanceof Lazy || typeof input.form !== "object" || Array.isArray(input.form)) return materialize(input.form);
    const changes = input.form as Record<string, unknown>;
    const form = new FormData();
    const values = { ...validFields(), ...changes };
    for (const [key, value] of Object.entries(values)) if (value !== MISSING) form.append(key, materialize(value) as string);
    for (const [key, value] of input.extra) form.append(key, materialize(value) as string);
    return form;
  };
  return {
    name,
    expect: "refuse",
    inputs: () => fc.oneof({ arbitrary: broken, weight: 5 }, { arbitrary: notFormAtAll, weight: 1 }),
    call: async (input) => fromResult(await action(materialize(input.state) as never, toForm(input) as FormData)),
    valid: async () => fromResult(await action(null as never, toForm({ state: null, form: {}, extra: [] }) as FormData)),
  };
}

const positionBreaks: Field = { valid: () => "", breaks: fc.constantFrom("-1", "1.5", "abc", "10001", "NaN", "Infinity", "1e21", "0x", "--1") };
const fraction: Field = { valid: () => "0.25", breaks: fc.constantFrom("-0.1", "1.01", "abc", "NaN", "Infinity", "2", "1e21", "0.5.5") };
const rightsDate: Field = { valid: () => "2031-06-30", breaks: fc.constantFrom("not a date", "2024-13-01", "2024-02-30", "31/12/2030", "<script>", "0000-00-00", "2030-01-01T99:00", "+275760-09-14") };
const creditFormat: Field = {
  valid: () => "{photographer}/{agency}",
  isText: true,
  breaks: fc.oneof(fc.constantFrom(MISSING, "", "   ", "{camera}", "{__proto__}", "{constructor}", "{}", "{Photographer}", "{agency}{toString}"), tooLong(300)),
};
const socialLinks: Field = {
  valid: () => "",
  breaks: fc.constantFrom(
    "javascript:alert(1)",
    "Label javascript:alert(1)",
    "ftp://files.example/x",
    "data:text/html,<script>",
    "not a url",
    Array.from({ length: 9 }, (_, i) => `https://example.com/${i}`).join("\n"),
    `Label https://example.com/${"x".repeat(600)}`,
  ),
};
const role = (valid: () => string): Field => enumField(valid, ["admin", "Admin", "SUPERADMIN", "ADMIN ", "OWNER", "1"]);

function adminCases(): Case<FormInput>[] {
  const { bylines, credits, sections, users, media } = m.actions;
  const [profileA, profileB, profileC] = [() => t.profiles[0], () => t.profiles[1], () => t.profiles[2]];
  const [tagA, tagB, tagC] = [() => t.tags[0], () => t.tags[1], () => t.tags[2]];
  const bylineFields = { name: reqText(120, () => `Hostile Byline ${unique()}`), slug: slugField, jobTitle: optText(120), bio: optText(2000), photoMediaId: optId(), socialLinks, userId: optId() };
  const agencyFields = { name: reqText(120, () => `Hostile Agency ${unique()}`), shortCredit: reqText(60, () => "HA"), creditFormat, distributor: optText(120) };
  const sectionFields = { name: reqText(60, () => `Hostile ${unique()}`), slug: slugField, description: optText(300), position: positionBreaks };
  return [
    formCase("bylines/createBylineAction", bylines.createBylineAction, bylineFields),
    formCase("bylines/updateBylineAction", bylines.updateBylineAction, { ...bylineFields, id: reqId(() => profileA().id), version: version(() => profileA().version) }),
    formCase("bylines/mergeBylinesAction", bylines.mergeBylinesAction, { sourceId: reqId(() => profileB().id), sourceVersion: version(() => profileB().version), target: picked(profileB, profileC) }),
    formCase("credits/createAgencyAction", credits.createAgencyAction, agencyFields),
    formCase("credits/updateAgencyAction", credits.updateAgencyAction, { ...agencyFields, id: reqId(() => t.agency.id), version: version(() => t.agency.version) }),
    formCase("credits/updateAgencyWireRulesAction", credits.updateAgencyWireRulesAction, { id: reqId(() => t.agency.id), version: version(() => t.agency.version), wireAutoDraft: checkboxField(() => "on") }),
    formCase("wire/createDraftAction", m.actions.wire.createDraftAction, { wireItemId: reqId(() => t.wire.held) }),
    formCase("wire/applyWireUpdateAction", m.actions.wire.applyWireUpdateAction, {
      wireItemId: reqId(() => t.wire.applyPending),
      expectedVersion: version(() => t.wire.applyVersion),
      pendingVersion: version(() => 2),
      // One ticked box (the action joins them); none, an unknown field or more than three is refused.
      fields: enumField(() => "headline", ["Headline", "all", "body,body,body,body"]),
    }),
    formCase("wire/dismissWireUpdateAction", m.actions.wire.dismissWireUpdateAction, { wireItemId: reqId(() => t.wire.dismissPending), pendingVersion: version(() => 2) }),
    formCase("wire/unpublishCanceledAction", m.actions.wire.unpublishCanceledAction, { wireItemId: reqId(() => t.wire.canceled), expectedVersion: version(() => t.wire.canceledVersion) }),
    formCase("credits/generatePushSecretAction", credits.generatePushSecretAction, { id: reqId(() => t.agency.id), version: version(() => t.agency.version) }),
    formCase("credits/revokePushSecretAction", credits.revokePushSecretAction, { id: reqId(() => t.agency.id), version: version(() => t.agency.version) }),
    formCase("credits/createPhotographerAction", credits.createPhotographerAction, { name: reqText(120, () => `Hostile Photographer ${unique()}`), agencyId: optId() }),
    formCase("credits/updatePhotographerAction", credits.updatePhotographerAction, {
      name: reqText(120, () => `Hostile Photographer ${unique()}`),
      agencyId: optId(),
      id: reqId(() => t.photographer.id),
      version: version(() => t.photographer.version),
    }),
    formCase("sections/createSectionAction", sections.createSectionAction, sectionFields),
    formCase("sections/updateSectionAction", sections.updateSectionAction, { ...sectionFields, id: reqId(() => t.section.id), version: version(() => t.section.version) }),
    formCase("sections/createTagAction", sections.createTagAction, { name: reqText(60, () => `hostile tag ${unique()}`) }),
    formCase("sections/renameTagAction", sections.renameTagAction, { name: reqText(60, () => `renamed tag ${unique()}`), id: reqId(() => tagA().id), version: version(() => tagA().version) }),
    formCase("sections/mergeTagsAction", sections.mergeTagsAction, { sourceId: reqId(() => tagB().id), sourceVersion: version(() => tagB().version), target: picked(tagB, tagC) }),
    formCase("users/createUserAction", users.createUserAction, { name: reqText(120, () => "Hostile New User"), email: email(() => `new-${unique()}@pressbox.test`), role: role(() => "EDITOR"), password }),
    formCase("users/updateUserAction", users.updateUserAction, {
      id: reqId(() => t.user.id),
      version: version(() => t.user.version),
      name: reqText(120, () => "Renamed Contributor"),
      email: email(() => `renamed-${unique()}@pressbox.test`),
    }),
    formCase("users/signOutEverywhereAction", users.signOutEverywhereAction, { userId: reqId(() => t.user.id) }),
    formCase("users/changeUserRoleAction", users.changeUserRoleAction, { id: reqId(() => t.user.id), version: version(() => t.user.version), role: role(() => "EDITOR") }),
    formCase("users/setUserDisabledAction", users.setUserDisabledAction, {
      id: reqId(() => t.user.id),
      version: version(() => t.user.version),
      isDisabled: enumField(() => "true", ["yes", "1", "TRUE", "on", "false "]),
    }),
    // Hashes a valid new password (bcrypt, ~0.2 s) before it finds the id or version wrong: fewer runs.
    { ...formCase("users/resetUserPasswordAction", users.resetUserPasswordAction, { id: reqId(() => t.user.id), version: version(() => t.user.version), password }), runs: Math.ceil(RUNS / 3) },
    formCase("media/updateMediaAction", media.updateMediaAction, {
      id: reqId(() => t.media.id),
      version: version(() => t.media.version),
      altText: optText(1000, () => "New alt text"),
      defaultCaption: optText(2000),
      photographerId: optId(),
      agencyId: optId(),
      creditOverride: optText(300, () => "Hostile Credit"),
      copyright: optText(300),
      usageTerms: optText(2000),
      rightsExpireAt: rightsDate,
      sourceReference: optText(300),
      focalX: fraction,
      focalY: fraction,
    }),
    formCase("media/deleteMediaAction", media.deleteMediaAction, { id: reqId(() => t.media.id), version: version(() => t.media.version) }),
    // After deleteStoryAction's unbroken call (story cases run first), the story is in the trash.
    formCase("stories/restoreStoryAction", m.actions.stories.restoreStoryAction, { articleId: reqId(() => t.trash.id), expectedVersion: version(() => t.trash.version) }),
  ];
}

// The sports record screens: teams and athletes name the updatedAt their form loaded (a stale one
// is a 409), competitions a revision digest, seasons the name shown; tables send rows as
// "rows.<n>.<field>". Optional fields are broken only in ways that are not "none".
const loadedAt = (valid: () => string): Field => ({
  valid,
  breaks: fc.constantFrom(MISSING, "", "yesterday", "2025-13-01T00:00:00Z", "2025-02-30T00:00:00Z", "2000-01-01T00:00:00.000Z", "1e21", "__proto__"),
});
const countryCode: Field = { valid: () => "NOR", breaks: fc.oneof(fc.constantFrom("NO", "NORW", "N0R", "12", "ÆØÅ", "n r", "<b>", "\u0000OR"), tooLong(3)) };
const count = (valid = "1"): Field => ({ valid: () => valid, breaks: fc.constantFrom("-1", "1.5", "abc", "1e21", "Infinity", "NaN", "100001", "--1", "1_0") });
const tieBreaker: Field = { valid: () => "goalDifference", breaks: fc.constantFrom("headToHead", "points", "goaldifference", "__proto__", "constructor", "toString", "x".repeat(300)) };
const asOf: Field = { valid: () => "", breaks: fc.constantFrom("not a date", "2025-13-01", "2025-02-30", "17/05/2025", "0000-01-01", "+275760-09-14", "2025-05-17T25:00", "<script>") };
const formString: Field = { valid: () => "WDL", breaks: fc.oneof(fc.constantFrom("WWX", "W W", "1", "WWWWWWWWWWW", "<b>"), tooLong(10)) };
const medalSource = (valid: string): Field => enumField(() => valid, ["Computed", "both", "computed ", "true"]);

// A sender name or address that could end a mail header, a schedule that is not HH:MM on mon..sun.
const HEADER_BREAKS = ["Desk\r\nBcc: victim@example.org", "Desk\nX-Injected: 1", "Desk\u2028Bcc: x@evil.test", "Desk\u0000"];
const senderName: Field = { valid: () => "Pressbox Desk", isText: true, breaks: fc.oneof(fc.constantFrom(MISSING, "", "   ", ...HEADER_BREAKS), tooLong(80)) };
const senderAddress: Field = {
  valid: () => "desk@pressbox.example",
  breaks: fc.oneof(
    fc.constantFrom(MISSING, "", "desk@pressbox.example\r\nBcc: x@evil.test", "desk@pressbox.example,x@evil.test", "<desk@pressbox.example>", '"Desk" <desk@pressbox.example>', "desk@", "desk"),
    tooLong(254).map((long) => new Lazy("254+ char address", () => `${materialize(long) as string}@x.example`)),
  ),
};
const scheduleTime: Field = { valid: () => "06:30", breaks: fc.constantFrom(MISSING, "", "6:30", "24:00", "06:60", "aa:bb", "06:30:00", "__proto__") };
const scheduleDays: Field = { valid: () => "mon,fri", breaks: fc.oneof(fc.constantFrom("", "funday", "mon,funday", "__proto__", "mon;tue", "0"), tooLong(100)) };

const importedAddresses: Field = {
  valid: () => `imported-${unique()}@example.org`,
  breaks: fc.oneof(
    fc.constantFrom(MISSING, "", "\n\n", "address", "not an address", "ok@example.org\nBcc: x@evil.test", "ok@example.org\n<x@evil.test>", "ok@example.org\n\u0000@x.example"),
    fc.constant(new Lazy("5,001 addresses", () => Array.from({ length: 5_001 }, (_, i) => `many-${i}@example.org`).join("\n"))),
    tooLong(1_000_000),
  ),
};

function newsletterCases(): Case<FormInput>[] {
  const { newsletters } = m.actions;
  const letter = () => t.newsletters.letter;
  const candidate = () => t.newsletters.candidate;
  const fields = { name: reqText(80, () => `Hostile letter ${unique()}`), description: optText(500), senderName, senderAddress, consentText: reqText(1000, () => "Yes, email me."), scheduleDays, scheduleTime };
  return [
    formCase("newsletters/createNewsletterAction", newsletters.createNewsletterAction, fields),
    formCase("newsletters/updateNewsletterAction", newsletters.updateNewsletterAction, { ...fields, id: reqId(() => letter().id), version: version(() => letter().version) }),
    formCase("newsletters/setNewsletterArchivedAction", newsletters.setNewsletterArchivedAction, {
      id: reqId(() => letter().id),
      version: version(() => letter().version),
      isArchived: enumField(() => "true", ["yes", "1", "TRUE", "on"]),
    }),
    formCase("newsletters/makeMainNewsletterAction", newsletters.makeMainNewsletterAction, { id: reqId(() => candidate().id), version: version(() => candidate().version) }),
    formCase("newsletters/eraseSubscriberAction", newsletters.eraseSubscriberAction, { id: reqId(() => t.newsletters.subscriberId) }),
    // Into the newsletter that is never archived (an archived one refuses imports).
    formCase("newsletters/importSubscribersAction", newsletters.importSubscribersAction, { newsletterId: reqId(() => candidate().id), addresses: importedAddresses }),
  ];
}

// An edition's subject is one mail header line; "Send now" and the schedule name the version seen.
const SUBJECT_BREAKS = ["Subject\r\nBcc: victim@example.org", "Subject\nX-Injected: 1", "Subject\rBcc: x@evil.test", "Subject\u0000"];
const subject: Field = { valid: () => `Hostile edited ${unique()}`, isText: true, breaks: fc.oneof(fc.constantFrom(MISSING, "", "   ", ...SUBJECT_BREAKS), tooLong(150)) };
const sendAt: Field = {
  valid: () => new Date(Date.now() + 2 * 86_400_000).toISOString(),
  // Not a date, or one already past ("0" and "-1" parse as years).
  breaks: fc.oneof(fc.constantFrom(MISSING, "", "not a date", "2024-13-01T10:00", "2000-01-01T00:00", "0", "-1", "1e21", "+275760-09-14T00:00", "__proto__", "<script>"), tooLong(40)),
};

function editionCases(): Case<FormInput>[] {
  const a = m.actions.editions;
  const e = () => t.editions;
  const ref = (edition: () => Versioned) => ({ editionId: reqId(() => edition().id), version: version(() => edition().version) });
  return [
    // Into a newsletter of its own: the unbroken call assembles its next edition.
    formCase("editions/assembleEditionAction", a.assembleEditionAction, { newsletterId: reqId(() => e().assembly) }),
    formCase("editions/updateEditionTextAction", a.updateEditionTextAction, { ...ref(() => e().edited), subject, intro: optText(2000, () => "An introduction.") }),
    formCase("editions/addEditionStoryAction", a.addEditionStoryAction, { ...ref(() => e().edited), articleId: reqId(() => e().edited.extra) }),
    formCase(
      "editions/cancelEditionAction",
      a.cancelEditionAction,
      ref(() => e().doomed),
    ),
  ];
}

// The story list's buttons send { editionId, version, articleId, direction }: also a story that is
// not in the edition, and moving the first story up.
function editionItemCases(): Case<JsonInput>[] {
  const a = m.actions.editions;
  const edited = () => t.editions.edited;
  const itemBreaks: [string, fc.Arbitrary<unknown>][] = [
    ["0", notA("object")],
    ["0.editionId", fc.oneof(fc.constant(MISSING), badJsonId)],
    ["0.version", fc.oneof(fc.constant(MISSING), badJsonVersion)],
    ["0.articleId", fc.oneof(fc.constant(MISSING), badJsonId, fc.constant(new Lazy("a story not in the edition", () => edited().extra)))],
  ];
  const direction = fc.oneof(fc.constant(MISSING), fc.constantFrom("up", "UP", "Down", "left", "", "__proto__", "toString"), notA("string"));
  return [
    jsonCase("editions/moveEditionItemAction", {
      call: (args) => a.moveEditionItemAction(args[0]),
      base: () => [{ editionId: edited().id, version: edited().version, articleId: edited().first, direction: "down" }],
      breaks: [...itemBreaks, ["0.direction", direction]],
    }),
    jsonCase("editions/removeEditionItemAction", {
      call: (args) => a.removeEditionItemAction(args[0]),
      base: () => [{ editionId: edited().id, version: edited().version, articleId: edited().first }],
      breaks: itemBreaks,
    }),
  ];
}

// The send panel. Without SMTP_URL it refuses everything ("email is not configured"), so it is
// fuzzed with a mail server: what refuses a broken input is then the break.
function sendingCases(): Case<FormInput>[] {
  const a = m.actions.sending;
  const e = () => t.editions;
  const ref = (edition: () => Versioned) => ({ editionId: reqId(() => edition().id), version: version(() => edition().version) });
  return [
    formCase("[editionId]/sendTestEditionAction", a.sendTestEditionAction, { editionId: reqId(() => e().edited.id) }),
    formCase(
      "[editionId]/sendEditionNowAction",
      a.sendEditionNowAction,
      ref(() => e().sendable),
    ),
    formCase("[editionId]/scheduleEditionAction", a.scheduleEditionAction, { ...ref(() => e().unscheduled), at: sendAt }),
    formCase(
      "[editionId]/cancelScheduleAction",
      a.cancelScheduleAction,
      ref(() => e().scheduled),
    ),
  ].map(withEmail);
}

let smtp: TestSmtp;

function withEmail<I>(testCase: Case<I>): Case<I> {
  const emailing = async (run: () => Promise<Outcome>): Promise<Outcome> => {
    const previous = process.env.SMTP_URL;
    process.env.SMTP_URL = smtp.url;
    try {
      return await run();
    } finally {
      if (previous === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = previous;
    }
  };
  return { ...testCase, call: (input) => emailing(() => testCase.call(input)), valid: () => emailing(testCase.valid) };
}

function sportsRecordCases(): Case<FormInput>[] {
  const a = m.actions.sportsRecords;
  const s = () => t.sports;
  const teamFields = { name: reqText(120, () => `Hostile Team ${unique()}`), country: countryCode, sport: optText(60, () => "Football"), key: optText(200) };
  const athleteFields = { ...teamFields, name: reqText(120, () => `Hostile Athlete ${unique()}`), teamId: optId(() => s().team), photoId: optId() };
  const competitionFields = {
    name: reqText(120, () => `Hostile League ${unique()}`),
    sport: optText(60),
    key: optText(200),
    "tieBreakers.0": tieBreaker,
    pointsWin: count("3"),
    pointsDraw: count("1"),
    pointsLoss: count("0"),
  };
  const row = {
    "rows.0.teamId": reqId(() => s().team),
    "rows.0.played": count("3"),
    "rows.0.won": count("2"),
    "rows.0.drawn": count("1"),
    "rows.0.lost": count("0"),
    "rows.0.goalsFor": count("3"),
    "rows.0.goalsAgainst": count("1"),
    "rows.0.form": formString,
  };
  const medalRow = {
    "rows.0.country": { ...countryCode, breaks: fc.oneof(countryCode.breaks, fc.constantFrom(MISSING, "")) },
    "rows.0.name": reqText(120, () => "Norway"),
    "rows.0.gold": count("2"),
    "rows.0.silver": count("0"),
    "rows.0.bronze": count(),
  };
  return [
    formCase("sports/createTeamAction", a.createTeamAction, teamFields),
    formCase("sports/updateTeamAction", a.updateTeamAction, { ...teamFields, id: reqId(() => s().team), updatedAt: loadedAt(() => s().teamLoadedAt) }),
    formCase("sports/deleteTeamAction", a.deleteTeamAction, { id: reqId(() => s().doomedTeam), updatedAt: loadedAt(() => s().doomedTeamLoadedAt) }),
    formCase("sports/createAthleteAction", a.createAthleteAction, athleteFields),
    formCase("sports/updateAthleteAction", a.updateAthleteAction, { ...athleteFields, id: reqId(() => s().athlete), updatedAt: loadedAt(() => s().athleteLoadedAt) }),
    formCase("sports/deleteAthleteAction", a.deleteAthleteAction, { id: reqId(() => s().doomedAthlete), updatedAt: loadedAt(() => s().doomedAthleteLoadedAt) }),
    formCase("sports/createCompetitionAction", a.createCompetitionAction, competitionFields),
    formCase("sports/updateCompetitionAction", a.updateCompetitionAction, {
      ...competitionFields,
      name: reqText(120, () => "Hostile League"),
      id: reqId(() => s().competition),
      revision: { valid: () => s().revision, breaks: fc.constantFrom(MISSING, "", "abc", "0000000000000000", "ABCDEF0123456789", "x".repeat(17)) },
    }),
    formCase("sports/addSeasonAction", a.addSeasonAction, { competitionId: reqId(() => s().competition), name: reqText(60, () => `Season ${unique()}`) }),
    formCase("sports/renameSeasonAction", a.renameSeasonAction, {
      id: reqId(() => s().spare),
      name: reqText(60, () => `Spare ${unique()}`),
      loadedName: { valid: () => s().spareName, breaks: fc.oneof(fc.constantFrom(MISSING, "Another name", "2025"), tooLong(200)) },
    }),
    formCase("sports/createStandingsAction", a.createStandingsAction, { seasonId: reqId(() => s().season), name: optText(120), asOf }),
    formCase("sports/updateStandingsAction", a.updateStandingsAction, { id: reqId(() => s().standings), version: version(() => s().standingsVersion), name: optText(120, () => "Hostile table"), asOf, ...row }),
    formCase("sports/rankStandingsAction", a.rankStandingsAction, { id: reqId(() => s().standings), version: version(() => s().standingsVersion) }),
    // The unbroken call gives the spare season its medal table (once, in the last test).
    formCase("sports/createMedalTableAction", a.createMedalTableAction, { seasonId: reqId(() => s().spare), source: medalSource("computed") }),
    formCase("sports/updateMedalTableAction", a.updateMedalTableAction, { id: reqId(() => s().medals), version: version(() => s().medalsVersion), source: medalSource("entered"), ...medalRow }),
  ];
}

// The sports event desk (app/(newsroom)/newsroom/sports/actions-events.ts): a score that is not a
// whole number of 0 or more, a date that does not parse, the same team on both sides, an unknown
// team or sport, a status the schema does not have, a results table with a bad row.
function sportsDeskCases(): Case<FormInput>[] {
  const a = m.actions.sportsEvents;
  const badNumber = fc.constantFrom("-1", "1.5", "abc", "NaN", "Infinity", "1e3", "0x10", "99999999999", "--1");
  const score: Field = { valid: () => "2", breaks: badNumber };
  const teamId = (valid: () => string): Field => ({ valid, breaks: fc.oneof(badIdString, fc.constant(new Lazy("the other side's team", () => (valid() === t.sports.home ? t.sports.away : t.sports.home)))) });
  const eventFields = {
    // A match may go unnamed (it is labelled by its sides), so only a too-long name is refused here.
    name: optText(200, () => `Hostile match ${unique()}`),
    stage: optText(200),
    venue: optText(200),
    period: optText(40),
    minute: optText(20),
    sportId: optId(() => t.sports.sport),
    competitionSeasonId: optId(),
    startsAt: {
      valid: () => "2026-03-01T19:45",
      breaks: fc.oneof(fc.constantFrom("not a date", "2024-13-01", "2024-02-30T10:00", "31/12/2030", "<script>", "0000-00-00", "2030-01-01T99:00", "+275760-09-14"), tooLong(40)),
    },
    status: { valid: () => "FINAL", breaks: fc.constantFrom("final", "DONE", "LIVE ", "__proto__", "constructor", "toString", "1") },
    attendance: { valid: () => "32964", breaks: badNumber },
    homeTeamId: teamId(() => t.sports.home),
    awayTeamId: teamId(() => t.sports.away),
    homeScore: score,
    awayScore: score,
    periodScores: {
      valid: () => "1st half: 1-0",
      isText: true,
      breaks: fc.oneof(
        fc.constantFrom("nonsense", "1st half: -1-0", "1st half: a-b", "1st half 1-0", ": 1-0", "1st half: 1.5-0"),
        fc.constant(Array.from({ length: 31 }, (_, i) => `P${i}: 0-0`).join("\n")),
        tooLong(40),
      ),
    },
  } satisfies Record<string, Field>;
  const pasteText = (valid: () => string): Field => ({
    valid,
    isText: true,
    breaks: fc.oneof(fc.constantFrom(MISSING, "", "Rank,Name\nx,Somebody", "Rank,Name\n1,", 'Rank,Name\n1,"Open', "Rank,Name,Record\n1,A,world", "Rank,Name\n1,A\n2,a"), tooLong(100_000)),
  });
  const kind = enumField(() => "athlete", ["Athlete", "person", "teams", "athletes"]);
  return [
    formCase("sports/createEventAction", a.createEventAction, eventFields),
    formCase("sports/updateEventAction", a.updateEventAction, { ...eventFields, id: reqId(() => t.sports.match), version: version(() => t.sports.matchVersion) }),
    // A preview writes nothing; only a table it cannot take at all (too long, missing) is refused.
    formCase("sports/previewPasteAction", a.previewPasteAction, {
      eventId: reqId(() => t.sports.race),
      kind,
      text: { valid: () => "Rank\tName\n1\tHostile Skier", isText: true, breaks: fc.oneof(fc.constant(MISSING), tooLong(100_000)) },
    }),
    formCase("sports/applyPasteAction", a.applyPasteAction, {
      eventId: reqId(() => t.sports.race),
      kind,
      text: pasteText(() => `Rank\tName\tNOC\tTime\n1\tHostile Skier ${unique()}\tNOR\t22:10.5`),
      version: version(() => t.sports.raceVersion),
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Route handlers, called as functions with real Requests.

async function outcomeOf(response: Response): Promise<Outcome> {
  const text = await response.text();
  let message = text.trim();
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    try {
      const body = JSON.parse(text) as { error?: unknown; url?: unknown };
      message = String(body.error ?? body.url ?? "");
    } catch {
      message = "";
    }
  }
  const location = response.headers.get("location");
  return { status: response.status, message: location ? `redirect to ${location}` : message, cookie: response.headers.get("set-cookie") };
}

type Bytes = Record<string, Buffer>;
let files: Bytes;
type UploadInput = { contentType?: string; body?: unknown; file?: string; name?: unknown; altText?: unknown; defaultCaption?: unknown; declared?: string };

const uploadInputs = (): fc.Arbitrary<UploadInput> =>
  fc.oneof(
    fc.record({
      contentType: fc.constantFrom(
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "image/png",
        "multipart/mixed; boundary=x",
        "",
      ),
      body: fc.oneof(hostileText, fc.constantFrom('{"file":"x"}', "file=x.png")),
    }),
    fc.record({
      contentType: fc.constant("multipart/form-data; boundary=hostile"),
      body: fc.oneof(
        hostileText,
        fc.constantFrom(
          '--hostile\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG',
          "--hostile--",
          '--hostile\r\nContent-Disposition: form-data; name="file"\r\n\r\n<script>\r\n--hostile--',
        ),
        fc.constant(repeat("-", 300_000)),
      ),
    }),
    fc.record({
      file: fc.constantFrom("html", "svg", "empty", "random", "truncated", "pngPolyglot", "pngTail", "jpegPolyglot", "pixelBomb", "duplicate"),
      name: fc.constantFrom("photo.jpg", "photo.png", "photo.svg", "x.html"),
    }),
    fc.record({
      file: fc.constant("fresh"),
      name: fc.oneof(
        fc.constantFrom("../x.png", "..\\..\\x.png", "a\u0000b.png", "a\u001fb.png", "dir/../../x.png", ".."),
        tooLong(255).map((long) => new Lazy("a name over 255 characters", () => `${materialize(long) as string}.png`)),
      ),
    }),
    fc.record({ file: fc.constant("fresh"), name: fc.constant("fresh.png"), altText: tooLong(1000) }),
    fc.record({ file: fc.constant("fresh"), name: fc.constant("fresh.png"), defaultCaption: tooLong(2000) }),
    fc.record({ file: fc.constantFrom("none", "as-text"), name: fc.constant("x.png"), altText: hostileText }),
    fc.record({ file: fc.constant("fresh"), name: fc.constant("fresh.png"), declared: fc.constantFrom("999999999999", "27000000") }),
  );

function uploadRequest(input: UploadInput): Request {
  const url = `${ORIGIN}/api/media/uploads`;
  if (input.contentType !== undefined) {
    const headers = input.contentType ? { "content-type": input.contentType } : undefined;
    return new Request(url, { method: "POST", headers, body: materialize(input.body) as string });
  }
  const form = new FormData();
  const name = materialize(input.name) as string;
  if (input.file === "as-text") form.set("file", "not a file");
  else if (input.file !== "none") form.set("file", new File([new Uint8Array(files[input.file!])], name));
  if (input.altText !== undefined) form.set("altText", materialize(input.altText) as string);
  if (input.defaultCaption !== undefined) form.set("defaultCaption", materialize(input.defaultCaption) as string);
  const request = new Request(url, { method: "POST", body: form });
  if (!input.declared) return request;
  // A body that says it is larger than the limit is refused before it is read.
  return new Request(url, { method: "POST", body: request.body, headers: { "content-type": request.headers.get("content-type")!, "content-length": input.declared }, duplex: "half" } as RequestInit);
}

// Wire documents that must be refused whole: not JSON or XML that parses, schema-invalid, an XML
// bomb, an external entity, a document over the size limit, an empty drop, the wrong content type.
type WireUploadInput = { files?: readonly unknown[]; contentType?: string; body?: unknown; declared?: string; name?: unknown };
const XML_BOMB = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><newsItem guid="x" version="1"><x>&lol2;</x></newsItem>`;
const XXE = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><newsItem guid="x" version="1"><x>&xxe;</x></newsItem>`;
const wireUploadInputs = (): fc.Arbitrary<WireUploadInput> =>
  fc.oneof(
    fc.record({
      files: fc.array(
        fc.oneof(
          fc.constantFrom("{", "[1,2", '{"uri": 5}', '{"uri": "x", "version": "-3"}', '{"uri": "x", "headlines": "not an array", "version": "1"}', "<newsItem", XML_BOMB, XXE),
          fc.constant(new Lazy("6 MB of JSON", () => `{"uri": "x", "pad": "${"x".repeat(6 * 1024 * 1024)}"}`)),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      name: fc.constantFrom("../../etc/passwd.json", "a\u0000b.json", "x.json", "..", "<script>.xml"),
    }),
    fc.record({ files: fc.constant([]) }),
    fc.record({ contentType: fc.constantFrom("", "application/json", "text/plain", "multipart/form-data"), body: fc.oneof(hostileText, fc.constant('{"uri":"x"}')) }),
    fc.record({ files: fc.constant(["{}"]), declared: fc.constantFrom("999999999999", "27000000") }),
  );

function wireUploadRequest(input: WireUploadInput): Request {
  const url = `${ORIGIN}/api/wire/uploads`;
  if (input.contentType !== undefined) {
    const headers = input.contentType ? { "content-type": input.contentType } : undefined;
    return new Request(url, { method: "POST", headers, body: materialize(input.body) as string });
  }
  const form = new FormData();
  for (const file of input.files ?? []) form.append("file", new File([materialize(file) as string], (materialize(input.name) as string | undefined) ?? "item.json"));
  const request = new Request(url, { method: "POST", body: form });
  if (!input.declared) return request;
  return new Request(url, { method: "POST", body: request.body, headers: { "content-type": request.headers.get("content-type")!, "content-length": input.declared }, duplex: "half" } as RequestInit);
}

// SportsML files that must be refused whole (the same shape as the wire's): not XML or JSON that
// parses, no sports-content, an entity bomb, an external entity, over the size limit, no file.
const sportsMlDoc = (key: string) => readSportsMlSample("soccer-match-g2-generic", "xml").replace(/(<event-metadata\b[^>]*?\bkey=")([^"]+)"/g, `$1$2:${key}"`);
const sportsUploadInputs = (): fc.Arbitrary<WireUploadInput> =>
  fc.oneof(
    fc.record({
      files: fc.array(
        fc.oneof(
          fc.constantFrom("{", "[1,2", '{"sports-content": 5}', "<sports-content><sports-event>", "<html><body>x</body></html>", XML_BOMB, XXE, "", "\u0000"),
          fc.constant(new Lazy("6 MB of XML", () => `<sports-content>${" ".repeat(6 * 1024 * 1024)}</sports-content>`)),
          fc.constant(new Lazy("JSON nested 5,000 deep", () => `${"[".repeat(5_000)}${"]".repeat(5_000)}`)),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      name: fc.constantFrom("../../etc/passwd.xml", "a\u0000b.json", "x.xml", "..", "<script>.json"),
    }),
    fc.record({ files: fc.constant([]) }),
    fc.record({ contentType: fc.constantFrom("", "application/json", "application/xml", "multipart/form-data"), body: fc.oneof(hostileText, fc.constant("<sports-content/>")) }),
    fc.record({ files: fc.constant(["<sports-content/>"]), declared: fc.constantFrom("999999999999", "27000000") }),
  );

function sportsUploadRequest(input: WireUploadInput): Request {
  const url = `${ORIGIN}/api/newsroom/sports/uploads`;
  if (input.contentType !== undefined) {
    const headers = input.contentType ? { "content-type": input.contentType } : undefined;
    return new Request(url, { method: "POST", headers, body: materialize(input.body) as string });
  }
  const form = new FormData();
  for (const file of input.files ?? []) form.append("file", new File([materialize(file) as string], (materialize(input.name) as string | undefined) ?? "match.xml"));
  const request = new Request(url, { method: "POST", body: form });
  if (!input.declared) return request;
  return new Request(url, { method: "POST", body: request.body, headers: { "content-type": request.headers.get("content-type")!, "content-length": input.declared }, duplex: "half" } as RequestInit);
}

type RefreshInput = { signature: "none" | "garbage" | "other-secret" | "other-body" | "valid"; body: unknown };
const refreshBodies = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "not json",
    "{'articleIds': []}",
    "\u0000",
    "[1,2",
    "{}",
    "[]",
    "null",
    "42",
    '"text"',
    '{"articleIds": []}',
    '{"articleIds": "x"}',
    '{"articleIds": [1]}',
    '{"articleIds": [""]}',
    '{"articleIds": null}',
    '{"__proto__": {"articleIds": ["a"]}}',
  ),
  fc.constant(new Lazy("41-char id", () => JSON.stringify({ articleIds: ["x".repeat(41)] }))),
  fc.constant(new Lazy("501 ids", () => JSON.stringify({ articleIds: Array.from({ length: 501 }, (_, i) => `id${i}`) }))),
  fc.constant(new Lazy("body over 100 KB", () => JSON.stringify({ articleIds: Array.from({ length: 3_000 }, () => "x".repeat(39)) }))),
  fc.constant(new Lazy("nested 5,000 deep", () => `${"[".repeat(5_000)}${"]".repeat(5_000)}`)),
  hostileText,
);
const refreshInputs = (): fc.Arbitrary<RefreshInput> =>
  fc.oneof(
    fc.record({
      signature: fc.constantFrom("none", "garbage", "other-secret", "other-body") as fc.Arbitrary<RefreshInput["signature"]>,
      body: fc.oneof(refreshBodies, fc.constant(new Lazy("a valid notice", () => JSON.stringify({ articleIds: [ids.published] })))),
    }),
    fc.record({ signature: fc.constant("valid" as const), body: refreshBodies }),
  );

function refreshRequest(input: RefreshInput): Request {
  const body = materialize(input.body) as string;
  const signatures = { none: null, garbage: "zz", "other-secret": m.signRefresh(body, "another-secret"), "other-body": m.signRefresh(`${body} `), valid: m.signRefresh(body) };
  const signature = signatures[input.signature];
  return new Request(`${ORIGIN}/api/internal/refresh`, { method: "POST", body, headers: signature ? { "x-pressbox-signature": signature } : {} });
}

// A wire push (lib/wire/push.ts): a valid document with a broken signature, to an unknown agency or
// with a content type that is no wire document; or a correctly signed body that is no valid
// document (malformed, an entity bomb, an external entity, over the size limit, a NUL).
type PushInput = { agency: string | null; signature: "none" | "garbage" | "other-secret" | "other-body" | "stale" | "valid"; contentType: string; body: unknown };
const validPush = () => new Lazy("a valid ninjs item", () => JSON.stringify({ uri: `urn:hostile:push:${unique()}`, version: "1", headlines: [{ value: "A pushed story" }] }));
const brokenPushBodies = fc.oneof(
  fc.constantFrom("", "   ", "{", "[1,2", "[]", "{}", '{"uri": 1}', '{"uri":"urn:x","version":"x","headlines":[{"value":"h"}]}', "<newsItem>", "<html><body><p>x</p></body></html>", "text\u0000nul"),
  fc.constant('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><newsItem>&lol3;</newsItem>'),
  fc.constant('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><newsItem guid="g" version="1">&e;</newsItem>'),
  fc.constant('<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]><newsItem guid="g" version="1">&e;</newsItem>'),
  fc.constant(new Lazy("nested 5,000 deep", () => `${"[".repeat(5_000)}${"]".repeat(5_000)}`)),
  fc.constant(new Lazy("6 MB body", () => " ".repeat(6 * 1024 * 1024))),
);
const pushInputs = (): fc.Arbitrary<PushInput> =>
  fc.oneof(
    fc.record({
      agency: fc.constant(null),
      signature: fc.constantFrom("none", "garbage", "other-secret", "other-body", "stale") as fc.Arbitrary<PushInput["signature"]>,
      contentType: fc.constant("application/json"),
      body: fc.constant(null).map(validPush),
    }),
    fc.record({ agency: fc.constant(null), signature: fc.constant("valid" as const), contentType: fc.constantFrom("application/json", "application/xml", "text/plain"), body: brokenPushBodies }),
    fc.record({
      agency: fc.constant(null),
      signature: fc.constant("valid" as const),
      contentType: fc.constantFrom("", "text/html", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/jpeg", "application/jsonx"),
      body: fc.constant(null).map(validPush),
    }),
    // Agency slugs are lower-case words joined by hyphens: none of these can name one.
    fc.record({
      agency: hostileSegment.filter((segment) => !/^[a-z0-9-]*$/.test(segment)),
      signature: fc.constant("valid" as const),
      contentType: fc.constant("application/json"),
      body: fc.constant(null).map(validPush),
    }),
  );

async function pushRequest(input: PushInput): Promise<[Request, { params: Promise<{ agency: string }> }]> {
  const body = materialize(input.body) as string;
  const secret = (await m.db.agency.findUniqueOrThrow({ where: { id: t.agency.id }, select: { pushSecret: true } })).pushSecret ?? "no-secret";
  const now = Math.floor(Date.now() / 1000);
  const timestamp = String(input.signature === "stale" ? now - 3600 : now);
  const signatures = {
    none: null,
    garbage: "sha256=zz",
    "other-secret": m.signPush("another-secret", timestamp, body),
    "other-body": m.signPush(secret, timestamp, `${body} `),
    stale: m.signPush(secret, timestamp, body),
    valid: m.signPush(secret, timestamp, body),
  };
  const signature = signatures[input.signature];
  const headers: Record<string, string> = { "x-pressbox-timestamp": timestamp, ...(input.contentType ? { "content-type": input.contentType } : {}), ...(signature ? { "x-pressbox-signature": signature } : {}) };
  return [new Request(`${ORIGIN}/api/wire/push/x`, { method: "POST", body, headers }), { params: Promise.resolve({ agency: input.agency ?? t.agency.id }) }];
}

type AuthInput = { method: "GET" | "POST"; action: readonly string[]; csrf: "none" | "wrong" | "valid"; contentType: string | null; body: unknown };
let csrf: { cookie: string; token: string };
const credentialBodies = fc.oneof(
  fc.record({ email: fc.oneof(hostileText, tooLong(320), fc.constant(MISSING)), password: fc.oneof(hostileText, tooLong(1000), fc.constant(MISSING)) }),
  fc.record({ email: fc.constant("nobody@pressbox.invalid"), password: fc.oneof(hostileText, tooLong(1000)) }),
  fc.record({ email: anyValue, password: anyValue }),
);
const authInputs = (): fc.Arbitrary<AuthInput> =>
  fc.oneof(
    fc.record({
      method: fc.constant("GET" as const),
      action: fc.constantFrom(["nonsense"], ["__proto__"], ["constructor"], ["toString"], ["SESSION"], ["callback", "nonexistent"], ["signin", "nonexistent"]),
      csrf: fc.constant("none" as const),
      contentType: fc.constant(null),
      body: fc.constant(null),
    }),
    fc.record({
      method: fc.constant("POST" as const),
      action: fc.constantFrom(["callback", "credentials"], ["callback", "nonexistent"], ["nonsense"], ["__proto__"], ["signin", "nonexistent"]),
      csrf: fc.constantFrom("none", "wrong", "valid") as fc.Arbitrary<AuthInput["csrf"]>,
      contentType: fc.constantFrom("application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data; boundary=x", null),
      body: fc.oneof(credentialBodies, hostileText, fc.constantFrom("{", "not json", "email=a&password", "%E0%A4%A", "[1,2"), deep),
    }),
  );

function authRequest(input: AuthInput): Request {
  const url = `${ORIGIN}/api/auth/${input.action.join("/")}`;
  request.cookies = input.csrf === "none" ? [] : [{ name: "next-auth.csrf-token", value: input.csrf === "valid" ? csrf.cookie : "forged|forged" }];
  if (input.method === "GET") return new m.NextRequest(url);
  const raw = materialize(input.body);
  const fields = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>), csrfToken: input.csrf === "valid" ? csrf.token : "forged", json: "true" } : null;
  const encode = (): string => {
    if (!fields) return String(raw);
    if (input.contentType === "application/json") {
      try {
        return JSON.stringify(fields, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value)) ?? "";
      } catch {
        return "{";
      }
    }
    return new URLSearchParams(
      Object.entries(fields)
        .filter(([, value]) => (value as unknown) !== MISSING)
        .map(([key, value]) => [key, String(value)]),
    ).toString();
  };
  return new m.NextRequest(url, { method: "POST", body: encode(), headers: input.contentType ? { "content-type": input.contentType } : {} });
}

function isSignInRefusal(outcome: Outcome): boolean {
  // next-auth refuses a sign-in by sending the browser back to the sign-in page with the reason.
  const target = outcome.message.replace(/^redirect to /, "");
  return /^(http:\/\/localhost:3000)?\/(sign-in|api\/auth\/(signin|error))\?(.*&)?(error|csrf)=/.test(target);
}

const hostileSegment = fc
  .oneof(hostileText, malformedId, fc.constantFrom("..", ".", "%2e%2e", "%00", "feed.xml", "__proto__", "constructor", "../../etc/passwd", "o", "r", "newsroom"), tooLong(300))
  .map((value) => materialize(value) as string);

type ParamInput = { segments: string[]; query: string };
function paramRoute(
  name: string,
  path: string,
  handler: (request: Request, context: never) => Promise<Response>,
  segment: fc.Arbitrary<string[]>,
  params: (segments: string[]) => Record<string, unknown>,
  validSegments: () => string[],
): Case<ParamInput> {
  const run = async (segments: string[], query = "") => outcomeOf(await handler(new Request(`${ORIGIN}${path}${query}`), { params: Promise.resolve(params(segments)) } as never));
  return {
    name,
    expect: "refuse",
    inputs: () => fc.record({ segments: segment, query: fc.constantFrom("", "?page=-1", "?__proto__[x]=1", "?q=%00") }),
    call: (input) => run(input.segments, input.query),
    valid: () => run(validSegments()),
  };
}

let known: {
  sectionSlugs: Set<string>;
  authorSlugs: Set<string>;
  section: string;
  author: string;
  rendition: string;
  original: string;
  // The address of the published live coverage (t.live.story): [section, slug].
  live: string[];
};

// What the live routes (…/changes, …/events) are sent: a story address nobody may follow, or the
// live story's own with a cursor that is not a whole number of 0 or more, in the query or (events)
// as the Last-Event-ID a reconnecting browser sends.
type LiveRouteInput = { segments: string[]; cursor: string | null; lastEventId: string | null };
const badCursor = fc.constantFrom("-1", "abc", "1.5", "1e3", "0x10", "+1", "99999999999999999999999", "%00", "__proto__", "NaN", "Infinity", "1,2", "[]", "１");
const liveRouteInputs = (withHeader: boolean): fc.Arbitrary<LiveRouteInput> =>
  fc.oneof(
    fc.record({
      segments: fc.tuple(hostileSegment, hostileSegment),
      cursor: fc.option(fc.oneof(badCursor, fc.constantFrom("0", "5"))),
      lastEventId: fc.constant(null),
    }),
    fc
      .record({
        segments: fc.constant(null).map(() => known.live),
        cursor: withHeader ? fc.option(badCursor) : badCursor,
        lastEventId: withHeader ? fc.option(badCursor.filter((value) => /^[\x20-\x7e]*$/.test(value))) : fc.constant(null),
      })
      .filter((input) => input.cursor !== null || input.lastEventId !== null),
  );

// What the sports record picker (GET /api/newsroom/sports/records) is sent: a query string with
// one thing wrong (no kind or an unknown one, a search too long or holding a NUL, an id that is not
// one or names nothing, both a search and an id, a parameter twice), plus noise that must not matter.
// URLSearchParams encodes what encodeURIComponent would throw on (half an emoji).
const PICKER_KINDS = ["event", "standings", "medalTable", "season"];
const pickerKind = fc.constantFrom(...PICKER_KINDS);
const unknownRecordId = "c" + "0".repeat(24);
const sportsRecordQueries: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc
        .string({ maxLength: 30 })
        .filter((kind) => !PICKER_KINDS.includes(kind))
        .map((kind) => new URLSearchParams({ kind, q: "villa" }).toString()),
      fc.constantFrom("q=villa", "", "kind=__proto__&q=x", "kind=Event&q=x", "kind[]=event&q=x", "kind=event&kind=season&q=x", "kind=event&q=a&q=b"),
      pickerKind.chain((kind) =>
        fc.oneof(
          fc.integer({ min: 101, max: 5000 }).map((length) => `kind=${kind}&q=${"x".repeat(length)}`),
          fc.constantFrom(`kind=${kind}&q=a%00b`, `kind=${kind}&id=${unknownRecordId}`, `kind=${kind}&id=`, `kind=${kind}&q=x&id=${unknownRecordId}`),
          hostileSegment.filter((id) => !/^[a-z0-9]{20,32}$/.test(id)).map((id) => new URLSearchParams({ kind, id }).toString()),
        ),
      ),
    ),
    fc.constantFrom("", "&__proto__[polluted]=1", "&callbackUrl=javascript:alert(1)", "&page=-1"),
  )
  .map(([query, noise]) => `?${query}${noise}`);

function liveRequest(route: string, { segments, cursor, lastEventId }: LiveRouteInput, signal?: AbortSignal): [Request, never] {
  const query = cursor === null ? "" : `?cursor=${encodeURIComponent(cursor)}`;
  const headers = lastEventId === null ? undefined : { "Last-Event-ID": lastEventId };
  const request = new Request(`${ORIGIN}/x/y/${route}${query}`, { headers, signal });
  return [request, { params: Promise.resolve({ section: segments[0], slug: segments[1] }) } as never];
}

// An open event stream never ends by itself: the unbroken call reads its first event and hangs up.
async function firstEventOf(response: Response, controller: AbortController): Promise<Outcome> {
  const reader = response.body!.getReader();
  const first = await reader.read();
  controller.abort();
  await reader.cancel();
  return { status: response.status, message: new TextDecoder().decode(first.value).trim(), cookie: null };
}

// The editor's sports-link picker: a kind that is not team/athlete/event, or a search that is too
// long or holds a character no database stores.
// (A lone surrogate cannot travel in a URL: its bytes arrive as U+FFFD.)
const hostileQueryText = fc.oneof(tooLong(100), fc.constantFrom("\u0000", "a\u0000b", "\u0000\u0000"));
const encodeHostile = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
const sportsLinkQueries = () =>
  fc.oneof(
    fc.constantFrom("", "?q=villa", "?kind=", "?kind=TEAM", "?kind=venue", "?kind=__proto__", "?kind=team%00", "?kind[]=team", "?kind=constructor&q=a"),
    hostileText.map((kind) => `?kind=${encodeHostile(String(kind))}`).filter((query) => !/^\?kind=(team|athlete|event)$/.test(query)),
    fc.tuple(fc.constantFrom("team", "athlete", "event"), hostileQueryText).map(([kind, q]) => `?kind=${kind}&q=${encodeHostile(String(materialize(q)))}`),
  );

// Related-story suggestions: a story that is not there (or an id that is no id), or the draft's own
// story named with links that are no ids, too many of them, or a tag no database stores.
type SuggestionRequest = { id: string; query: string };
const suggestionRequests = () =>
  fc.oneof(
    fc.record({ id: hostileSegment, query: fc.constantFrom("", "?team=x", "?__proto__[x]=1") }),
    fc.record({
      id: fc.constant(null).map(() => ids.draft),
      query: fc.oneof(
        fc.tuple(fc.constantFrom("team", "athlete", "event"), malformedId).map(([kind, id]) => `?${kind}=${encodeHostile(String(materialize(id)))}`),
        fc.constantFrom("team", "athlete", "event").map((kind) => `?${Array.from({ length: 21 }, (_, i) => `${kind}=c${String(i).padStart(24, "0")}`).join("&")}`),
        hostileQueryText.map((tag) => `?tag=${encodeHostile(String(materialize(tag)))}`),
      ),
    }),
  );
function suggestionsFor({ id, query }: SuggestionRequest): Promise<Response> {
  const request = new Request(`${ORIGIN}/api/newsroom/stories/x/related-suggestions${query}`);
  return m.routes.relatedSuggestions.GET(request, { params: Promise.resolve({ id }) });
}

function progressFor(editionId: string): Promise<Response> {
  return m.routes.editionProgress.GET(new Request(`${ORIGIN}/api/newsroom/editions/x/progress`), { params: Promise.resolve({ editionId }) });
}

// The editor's preview of an edition's email: ids from the path, html or text from the query (an
// edition asked for under another newsletter's path is not found either).
type PreviewInput = { newsletterId: unknown; editionId: unknown; format: unknown };
const previewInputs = () =>
  fc.oneof(
    fc.record({ newsletterId: badIdString, editionId: fc.constant(null), format: fc.constant("html") }),
    fc.record({ newsletterId: fc.constant(null), editionId: badIdString, format: fc.constant("text") }),
    fc.record({ newsletterId: fc.constant(new Lazy("another newsletter", () => t.newsletters.candidate.id)), editionId: fc.constant(null), format: fc.constant("html") }),
    fc.record({ newsletterId: fc.constant(null), editionId: fc.constant(null), format: fc.oneof(fc.constantFrom("", "HTML", "pdf", "html ", "__proto__", "text\u0000", "<script>"), tooLong(40)) }),
  );
function previewFor(input: PreviewInput): Promise<Response> {
  const newsletterId = input.newsletterId === null ? ids.editions.letter : String(materialize(input.newsletterId));
  const editionId = input.editionId === null ? t.editions.edited.id : String(materialize(input.editionId));
  const request = new Request(`${ORIGIN}/newsroom/newsletters/x/editions/y/preview?format=${encodeHostile(String(materialize(input.format)))}`);
  return m.routes.editionPreview.GET(request, { params: Promise.resolve({ newsletterId, editionId }) });
}

// The reader's forms (newsletter-forms.test.ts also sends them the naughty strings over HTTP). A
// form is answered with a redirect to the page that says what happened: one to its "invalid"
// or "error" state is the refusal. Each input breaks the form's envelope (content type, size) or
// the one thing that authorises it (the signed token; the sign-up's address or list).
type ReaderInput = { contentType: string; fields: Record<string, unknown> };
const FORM = "application/x-www-form-urlencoded";

async function readerOutcome(response: Response): Promise<Outcome> {
  const outcome = await outcomeOf(response);
  return /[?&](result=invalid|error=)/.test(outcome.message) ? { ...outcome, status: 422 } : outcome;
}

function readerRequest(route: string, input: ReaderInput): Request {
  const fields = materialize(input.fields) as Record<string, unknown>;
  const present = Object.entries(fields).filter(([, value]) => value !== MISSING);
  const body = input.contentType === "application/json" ? JSON.stringify(Object.fromEntries(present)) : new URLSearchParams(present.map(([key, value]) => [key, String(value)])).toString();
  return new Request(`${ORIGIN}${route}`, { method: "POST", headers: { "content-type": input.contentType, "x-forwarded-for": "198.51.100.61" }, body });
}

function readerInputs(valid: () => Record<string, string>, breaks: Record<string, fc.Arbitrary<unknown>>, accepts: string[] = [FORM]): fc.Arbitrary<ReaderInput> {
  const validFields = fc.constant(null).map(() => valid());
  const wrongTypes = ["text/plain", "", "application/xml", "multipart/mixed; boundary=x", "application/json", "multipart/form-data; boundary=x"].filter((type) => !accepts.includes(type));
  return fc.oneof(
    fc.record({ contentType: fc.constantFrom(...wrongTypes), fields: validFields }),
    fc.record({ contentType: fc.constant(FORM), fields: validFields.map((fields) => ({ ...fields, padding: repeat("x", 9 * 1024) })) }),
    fc.record({
      contentType: fc.constantFrom(...accepts),
      fields: fc.tuple(validFields, fc.oneof(...Object.entries(breaks).map(([key, values]) => values.map((value) => [key, value] as const)))).map(([fields, [key, value]]) => ({ ...fields, [key]: value })),
    }),
  );
}

// A token that is not one: forged, cut, of another purpose, expired, or not text at all (JSON).
const brokenToken = (purpose: "confirm" | "manage") =>
  fc.oneof(
    fc.constantFrom(MISSING, "", "preview", "a.b", "a.b.c", "x".repeat(601), "__proto__"),
    hostileText,
    fc.constantFrom(1, true, null, ["a", "b"], { s: "x" }),
    fc.constant(
      new Lazy("the token with its last character changed", () => {
        const token = purpose === "confirm" ? t.readers.confirmToken : t.readers.manageToken;
        return `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
      }),
    ),
    fc.constant(new Lazy("a token made for the other purpose", () => (purpose === "confirm" ? t.readers.manageToken : t.readers.confirmToken))),
    fc.constant(new Lazy("an expired confirm token", () => m.links.signLinkToken("confirm", { s: "c00000000000000000000000e", v: 0, n: ids.editions.letter, e: 1 }))),
  );
const readerAddress = fc.constantFrom(
  MISSING,
  "",
  "not-an-email",
  "a@",
  "@b.example",
  "a b@c.example",
  "a@b@c.example",
  "<script>@x.example",
  "a@b.example\u0000",
  "reader@example.org\r\nBcc: victim@example.net",
  42,
  null,
);

function routeCases(): Case<never>[] {
  const r = m.routes;
  // These take no input today; they are sent hostile query strings in case they ever read one.
  const noInput = (name: string, route: string, handler: (request: Request) => Response | Promise<Response>): Case<string> => ({
    name,
    expect: "tolerate",
    inputs: () => fc.constantFrom("?page=-1", "?__proto__[polluted]=1", "?q=%00%ff", `?x=${"y".repeat(5000)}`, "?callbackUrl=javascript:alert(1)"),
    call: async (query) => outcomeOf(await handler(new Request(`${ORIGIN}${route}${query}`))),
    valid: async () => outcomeOf(await handler(new Request(`${ORIGIN}${route}`))),
  });
  const cases: Case<never>[] = [
    {
      name: "POST /api/media/uploads",
      expect: "refuse",
      inputs: uploadInputs,
      call: async (input: UploadInput) => outcomeOf(await r.uploads.POST(uploadRequest(input))),
      valid: async () => outcomeOf(await r.uploads.POST(uploadRequest({ file: "valid", name: "valid.png" }))),
    } as Case<UploadInput>,
    {
      name: "POST /api/wire/uploads",
      expect: "refuse",
      inputs: wireUploadInputs,
      call: async (input: WireUploadInput) => outcomeOf(await r.wireUploads.POST(wireUploadRequest(input))),
      valid: async () => outcomeOf(await r.wireUploads.POST(wireUploadRequest({ files: [new Lazy("a new ninjs item", () => wireDoc(`urn:hostile:upload:${unique()}`))] }))),
    } as Case<WireUploadInput>,
    {
      name: "POST /api/newsroom/sports/uploads",
      expect: "refuse",
      inputs: sportsUploadInputs,
      call: async (input: WireUploadInput) => outcomeOf(await r.sportsUploads.POST(sportsUploadRequest(input))),
      valid: async () => outcomeOf(await r.sportsUploads.POST(sportsUploadRequest({ files: [new Lazy("a new SportsML match", () => sportsMlDoc(`hostile-${unique()}`))], name: "match.xml" }))),
    } as Case<WireUploadInput>,
    {
      name: "POST /api/internal/refresh",
      expect: "refuse",
      inputs: refreshInputs,
      call: async (input: RefreshInput) => outcomeOf(await r.refresh.POST(refreshRequest(input))),
      valid: async () => outcomeOf(await r.refresh.POST(refreshRequest({ signature: "valid", body: JSON.stringify({ articleIds: [ids.published] }) }))),
    } as Case<RefreshInput>,
    {
      name: "POST /api/wire/push/[agency]",
      expect: "refuse",
      inputs: pushInputs,
      call: async (input: PushInput) => outcomeOf(await r.wirePush.POST(...(await pushRequest(input)))),
      valid: async () => {
        // An unbroken "Turn off pushes" before this removed the agency's secret: an admin makes a new one.
        const agency = await m.db.agency.findUniqueOrThrow({ where: { id: t.agency.id }, select: { pushSecret: true } });
        if (!agency.pushSecret) await m.db.agency.update({ where: { id: t.agency.id }, data: { pushSecret: `pbx_hostile_${unique()}` } });
        return outcomeOf(await r.wirePush.POST(...(await pushRequest({ agency: null, signature: "valid", contentType: "application/json", body: validPush() }))));
      },
    } as Case<PushInput>,
    {
      name: "GET|POST /api/auth/[...nextauth]",
      expect: "refuse",
      // Every sign-in attempt that gets as far as a password check is recorded in LoginAttempt
      // before the check (so concurrent guesses see each other): that is the throttle, not a write
      // the refused input made. Nothing else may change.
      mayChange: ["LoginAttempt"],
      inputs: authInputs,
      call: async (input: AuthInput) => {
        const handler = input.method === "GET" ? r.auth.GET : r.auth.POST;
        return outcomeOf(await handler(authRequest(input), { params: Promise.resolve({ nextauth: input.action }) } as never));
      },
      valid: async () => {
        // From another address: the fuzzing above used up this one's sign-in attempts.
        const headers = request.headers;
        request.headers = new Headers({ "x-forwarded-for": "198.51.100.62" });
        const body = { email: validAdmin.email, password: validAdmin.password };
        try {
          return outcomeOf(
            await r.auth.POST(authRequest({ method: "POST", action: ["callback", "credentials"], csrf: "valid", contentType: "application/x-www-form-urlencoded", body }), {
              params: Promise.resolve({ nextauth: ["callback", "credentials"] }),
            } as never),
          );
        } finally {
          request.headers = headers;
        }
      },
    } as Case<AuthInput>,
    paramRoute(
      "GET /media/[...key]",
      "/media/x",
      r.mediaFile.GET,
      fc.oneof(
        fc.array(hostileSegment, { minLength: 0, maxLength: 4 }),
        fc.constant(null).map(() => known.original.split("/")),
        hostileSegment.map((name) => ["r", name]),
      ),
      (key) => ({ key }),
      () => known.rendition.split("/"),
    ),
    paramRoute(
      "GET /[section]/feed.xml",
      "/x/feed.xml",
      r.sectionFeed.GET,
      hostileSegment.filter((slug) => !known.sectionSlugs.has(slug)).map((slug) => [slug]),
      ([section]) => ({ section }),
      () => [known.section],
    ),
    {
      name: "GET /[section]/[slug]/changes",
      expect: "refuse",
      inputs: () => liveRouteInputs(false),
      call: async (input: LiveRouteInput) => outcomeOf(await r.liveChanges.GET(...liveRequest("changes", input))),
      valid: async () => outcomeOf(await r.liveChanges.GET(...liveRequest("changes", { segments: known.live, cursor: "1", lastEventId: null }))),
    } as Case<LiveRouteInput>,
    {
      name: "GET /[section]/[slug]/events",
      expect: "refuse",
      inputs: () => liveRouteInputs(true),
      call: async (input: LiveRouteInput) => {
        const controller = new AbortController();
        const response = await r.liveEvents.GET(...liveRequest("events", input, controller.signal));
        return response.status === 200 ? firstEventOf(response, controller) : outcomeOf(response);
      },
      valid: async () => {
        const controller = new AbortController();
        return firstEventOf(await r.liveEvents.GET(...liveRequest("events", { segments: known.live, cursor: null, lastEventId: "1" }, controller.signal)), controller);
      },
    } as Case<LiveRouteInput>,
    paramRoute(
      "GET /[section]/[slug]/feed.xml",
      "/x/y/feed.xml",
      r.liveFeed.GET,
      fc.tuple(hostileSegment, hostileSegment),
      ([section, slug]) => ({ section, slug }),
      () => known.live,
    ),
    paramRoute(
      "GET /author/[slug]/feed.xml",
      "/author/x/feed.xml",
      r.authorFeed.GET,
      hostileSegment.filter((slug) => !known.authorSlugs.has(slug)).map((slug) => [slug]),
      ([slug]) => ({ slug }),
      () => [known.author],
    ),
    {
      // Its filters come from the address bar: an unknown status or newsletter is ignored, a
      // search holding a NUL is refused. Each export that runs is audited (who took the list):
      // that line is the only change allowed.
      name: "GET /api/newsroom/newsletters/subscribers/export",
      expect: "tolerate",
      mayChange: ["AuditEntry"],
      inputs: () => fc.constantFrom("?status=BOGUS", "?newsletter=__proto__", "?q=%00", `?q=${"x".repeat(5000)}`, "?page=-1&status[]=CONFIRMED", "?newsletter=../../etc/passwd&q=%E2%80%AE", "?q=%0D%0ABcc:%20x"),
      call: async (query: string) => outcomeOf(await r.subscriberExport.GET(new Request(`${ORIGIN}/api/newsroom/newsletters/subscribers/export${query}`))),
      valid: async () => outcomeOf(await r.subscriberExport.GET(new Request(`${ORIGIN}/api/newsroom/newsletters/subscribers/export`))),
    } as Case<string>,
    {
      name: "GET /api/newsroom/sports/records",
      expect: "refuse",
      inputs: () => sportsRecordQueries,
      call: async (query: string) => outcomeOf(await r.sportsRecords.GET(new Request(`${ORIGIN}/api/newsroom/sports/records${query}`))),
      valid: async () => outcomeOf(await r.sportsRecords.GET(new Request(`${ORIGIN}/api/newsroom/sports/records?kind=standings&q=Bayern`))),
    } as Case<string>,
    {
      name: "GET /api/newsroom/sports/links",
      expect: "refuse",
      inputs: sportsLinkQueries,
      call: async (query: string) => outcomeOf(await r.sportsLinks.GET(new Request(`${ORIGIN}/api/newsroom/sports/links${query}`))),
      valid: async () => outcomeOf(await r.sportsLinks.GET(new Request(`${ORIGIN}/api/newsroom/sports/links?kind=team&q=a`))),
    } as Case<string>,
    {
      name: "GET /api/newsroom/stories/[id]/related-suggestions",
      expect: "refuse",
      inputs: suggestionRequests,
      call: async (input: SuggestionRequest) => outcomeOf(await suggestionsFor(input)),
      valid: async () => outcomeOf(await suggestionsFor({ id: ids.draft, query: `?team=${ids.team}&tag=Football` })),
    } as Case<SuggestionRequest>,
    {
      name: "GET /api/newsroom/editions/[editionId]/progress",
      expect: "refuse",
      inputs: () => badIdString,
      call: async (id: unknown) => outcomeOf(await progressFor(String(materialize(id)))),
      valid: async () => outcomeOf(await progressFor(ids.edition)),
    } as Case<unknown>,
    {
      name: "GET /newsroom/newsletters/[newsletterId]/editions/[editionId]/preview",
      expect: "refuse",
      inputs: previewInputs,
      call: async (input: PreviewInput) => outcomeOf(await previewFor(input)),
      valid: async () => outcomeOf(await previewFor({ newsletterId: null, editionId: null, format: "text" })),
    } as Case<PreviewInput>,
    {
      name: "POST /api/newsletter/subscribe",
      expect: "refuse",
      inputs: () =>
        readerInputs(() => ({ email: `hostile-reader-${unique()}@example.org`, newsletterId: t.readers.newsletterId }), { email: readerAddress, newsletterId: fc.oneof(malformedId, unknownId) }, [
          FORM,
          "application/json",
        ]),
      call: async (input: ReaderInput) => readerOutcome(await r.subscribe.POST(readerRequest("/api/newsletter/subscribe", input))),
      valid: async () => {
        // From another address: the fuzzing above used up this one's sign-ups (a 429).
        const valid = readerRequest("/api/newsletter/subscribe", { contentType: FORM, fields: { email: `hostile-reader-${unique()}@example.org`, newsletterId: t.readers.newsletterId } });
        valid.headers.set("x-forwarded-for", "198.51.100.63");
        return readerOutcome(await r.subscribe.POST(valid));
      },
    } as Case<ReaderInput>,
    {
      name: "POST /api/newsletter/confirm",
      expect: "refuse",
      inputs: () => readerInputs(() => ({ token: t.readers.confirmToken }), { token: brokenToken("confirm") }),
      call: async (input: ReaderInput) => readerOutcome(await r.confirm.POST(readerRequest("/api/newsletter/confirm", input))),
      valid: async () => readerOutcome(await r.confirm.POST(readerRequest("/api/newsletter/confirm", { contentType: FORM, fields: { token: t.readers.confirmToken } }))),
    } as Case<ReaderInput>,
    {
      name: "POST /api/newsletter/preferences",
      expect: "refuse",
      inputs: () => readerInputs(() => ({ token: t.readers.manageToken, newsletter: t.readers.newsletterId }), { token: brokenToken("manage") }),
      call: async (input: ReaderInput) => readerOutcome(await r.preferences.POST(readerRequest("/api/newsletter/preferences", input))),
      valid: async () =>
        readerOutcome(await r.preferences.POST(readerRequest("/api/newsletter/preferences", { contentType: FORM, fields: { token: t.readers.manageToken, newsletter: t.readers.newsletterId } }))),
    } as Case<ReaderInput>,
    {
      // RFC 8058's one-click POST: a broken token is a 400; the page's own button is sent back to it.
      name: "POST /api/newsletter/unsubscribe",
      expect: "refuse",
      inputs: () =>
        readerInputs(() => ({ "List-Unsubscribe": "One-Click", token: t.readers.manageToken, list: t.readers.newsletterId }), { token: brokenToken("manage") }, [FORM, "multipart/form-data; boundary=x"]),
      call: async (input: ReaderInput) => readerOutcome(await r.unsubscribe.POST(readerRequest("/api/newsletter/unsubscribe", input))),
      valid: async () =>
        readerOutcome(
          await r.unsubscribe.POST(readerRequest("/api/newsletter/unsubscribe", { contentType: FORM, fields: { "List-Unsubscribe": "One-Click", token: t.readers.manageToken, list: t.readers.newsletterId } })),
        ),
    } as Case<ReaderInput>,
    // It only sends the browser on to the unsubscribe page (a GET never unsubscribes).
    noInput("GET /api/newsletter/unsubscribe", "/api/newsletter/unsubscribe", r.unsubscribe.GET),
    noInput("GET /api/newsroom/newsletters", "/api/newsroom/newsletters", r.newsletterChoices.GET),
    noInput("GET /feed.xml", "/feed.xml", r.siteFeed.GET),
    noInput("GET /sitemap.xml", "/sitemap.xml", r.sitemap.GET),
    noInput("GET /news-sitemap.xml", "/news-sitemap.xml", r.newsSitemap.GET),
    noInput("GET /robots.txt", "/robots.txt", r.robots.GET),
    noInput("GET /readyz", "/readyz", r.readyz.GET),
  ] as unknown as Case<never>[];
  return cases;
}

let validAdmin: { id: string; email: string; password: string };

async function liveAddress(articleId: string): Promise<string[]> {
  const story = await m.db.article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true, section: { select: { slug: true } } } });
  return [story.section?.slug ?? "", story.slug];
}

// ---------------------------------------------------------------------------------------------

const counts = { inputs: 0, refused: 0, tolerated: 0, notRefused: 0, serverErrors: 0, changed: 0 };

async function settle(call: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await call();
  } catch (error) {
    const digest = (error as { digest?: string } | null)?.digest;
    return { status: 500, message: `threw ${digest ?? String(error).slice(0, 300)}` };
  }
}

function isRefusal(testCase: Case<never>, outcome: Outcome): boolean {
  if (testCase.name.includes("/api/auth/") && isSignInRefusal(outcome)) return true;
  return outcome.status >= 400 && outcome.status <= 499 && outcome.message.trim().length > 0;
}

function tally(testCase: Case<never>, outcome: Outcome, changed: string[]): void {
  counts.inputs += 1;
  if (outcome.status >= 500) counts.serverErrors += 1;
  if (changed.length) counts.changed += 1;
  if (testCase.expect === "tolerate") counts.tolerated += 1;
  else if (isRefusal(testCase, outcome)) counts.refused += 1;
  else counts.notRefused += 1;
}

async function fuzz(testCase: Case<never>): Promise<void> {
  lastDump = new Map();
  let baseline = dumpIfWritten(testCase.mayChange);
  const property = fc.asyncProperty(testCase.inputs(), async (input) => {
    const outcome = await settle(() => testCase.call(input));
    const after = dumpIfWritten(testCase.mayChange);
    const changed = changedTables(baseline, after);
    // Compared run by run, so a shrinking run is judged on its own change.
    baseline = after;
    tally(testCase, outcome, changed);
    expect(outcome.status, `answered ${outcome.status}: ${outcome.message}`).toBeLessThan(500);
    expect(changed, "tables changed").toEqual([]);
    if (testCase.expect === "refuse") expect(isRefusal(testCase, outcome), `not refused: ${outcome.status} ${outcome.message}`).toBe(true);
    expect(outcome.cookie ?? "", "a session was handed out").not.toMatch(/session-token=[^;]/);
    expect(Object.keys(Object.prototype), "Object.prototype was polluted").toEqual([]);
  });
  const before = counts.inputs;
  const started = Date.now();
  try {
    await fc.assert(property, { seed: SEED, numRuns: testCase.runs ?? RUNS });
  } finally {
    request.cookies = adminCookies;
    console.log(`inputs: ${testCase.name}: ${counts.inputs - before} runs in ${Date.now() - started} ms`);
  }
}

let adminCookies: FakeRequest["cookies"] = [];

// The database and the modules are set up while the file is collected, so each case is its own
// test; the demo newsroom and the records the cases use are made in beforeAll.
const database: TestDatabase = await createSqliteDatabase("hostile-inputs");
Object.assign(process.env, { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir, NEXTAUTH_SECRET: SECRET, AUTH_SECRET: SECRET, NEXTAUTH_URL: ORIGIN });
await fakeNextHeadersForNextAuth();
const m: Modules = await loadModules();
const sqlite: Database.Database = new Database(database.databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
const CASES = [
  ...storyCases(),
  ...liveCases(),
  ...adminCases(),
  ...newsletterCases(),
  ...editionCases(),
  ...editionItemCases(),
  ...sendingCases(),
  ...sportsRecordCases(),
  ...sportsDeskCases(),
  ...routeCases(),
] as Case<never>[];

beforeAll(async () => {
  smtp = await startTestSmtp();
  await m.ensureDemoNewsroom();
  const user = await m.accounts.createTestUser("ADMIN");
  admin = user;
  validAdmin = user;
  ids = await createTargets();
  t = await readTargets();
  // The agency the wire push case signs for has a push secret (set here, not by the case: a
  // refused push may change nothing).
  await m.db.agency.update({ where: { id: t.agency.id }, data: { pushSecret: "pbx_hostile_inputs_secret" } });
  const photo = await m.db.media.findFirstOrThrow({ where: { id: { not: ids.media } }, include: { renditions: { take: 1 } } });
  const sections = await m.db.section.findMany({ select: { slug: true } });
  const authors = await m.db.bylineProfile.findMany({ select: { slug: true } });
  known = {
    sectionSlugs: new Set(sections.map((s) => s.slug)),
    authorSlugs: new Set(authors.map((a) => a.slug)),
    section: "tennis",
    author: authors[0].slug,
    rendition: photo.renditions[0].storageKey,
    original: photo.storageKey,
    live: await liveAddress(ids.live.story),
  };
  files = {
    html: HTML_PAGE,
    svg: SVG_WITH_SCRIPT,
    empty: Buffer.alloc(0),
    random: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    truncated: await truncatedJpeg(),
    pngPolyglot: await pngHtmlPolyglot("text-chunk"),
    pngTail: await pngHtmlPolyglot("after-end"),
    jpegPolyglot: await jpegHtmlPolyglot(),
    pixelBomb: pixelBombPng(),
    duplicate: (await m.storage.getMediaStorage().read(photo.storageKey))!,
    fresh: await makeImage({ seed: "hostile-inputs-fresh", width: 300, height: 200, format: "png" }),
    valid: await makeImage({ seed: "hostile-inputs-valid", width: 300, height: 200, format: "png" }),
  };
  const csrfResponse = await m.routes.auth.GET(new m.NextRequest(`${ORIGIN}/api/auth/csrf`), { params: Promise.resolve({ nextauth: ["csrf"] }) } as never);
  const cookie = /next-auth\.csrf-token=([^;]+)/.exec(csrfResponse.headers.get("set-cookie") ?? "")?.[1];
  csrf = { cookie: decodeURIComponent(cookie ?? ""), token: ((await csrfResponse.json()) as { csrfToken: string }).csrfToken };
  await m.accounts.signInAs(request, admin);
  adminCookies = request.cookies;
});

afterAll(async () => {
  m.closeMailer();
  await smtp?.stop();
  sqlite.close();
  await m.db.$disconnect();
  if (previousNextHeaders) requireFromNextAuth.cache[nextHeadersPath] = previousNextHeaders;
  else delete requireFromNextAuth.cache[nextHeadersPath];
  removeDir(database.dir);
  const { inputs, refused, tolerated, notRefused, serverErrors, changed } = counts;
  console.log(
    `inputs: ${inputs} hostile inputs over ${CASES.length} cases: ${refused} refused with a 4xx, ${tolerated} tolerated (queries, no-input routes), ${notRefused} not refused, ${serverErrors} server errors, ${changed} database changes`,
  );
});

function appFiles(name: string | RegExp, dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const isMatch = typeof name === "string" ? entry.name === name : name.test(entry.name);
    return entry.isDirectory() ? appFiles(name, full) : isMatch ? [full] : [];
  });
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
// createStoryAction (it makes an empty draft and redirects), listCreditOptionsAction (the
// admin's photographer and agency lists) and sign-out/signOutEverywhereAction (it ends the
// caller's own sessions) take no input at all: there is nothing to malform. Every other export
// is fuzzed.
const NO_INPUT_ACTIONS = ["stories/createStoryAction", "stories/listCreditOptionsAction", "sign-out/signOutEverywhereAction"];

describe("hostile input to every server action and route handler", () => {
  it("covers every exported server action and every route handler", async () => {
    const exported: string[] = [];
    // actions.ts, and a screen's actions split by topic (sports/actions-records.ts, actions-events.ts).
    for (const file of appFiles(/^actions(-[a-z-]+)?\.ts$/)) {
      const actions = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      exported.push(...Object.keys(actions).map((name) => `${path.basename(path.dirname(file))}/${name}`));
    }
    const routes: string[] = [];
    for (const file of appFiles("route.ts")) {
      const handlers = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      const route = `/${path
        .dirname(path.relative("app", file))
        .split(path.sep)
        .filter((part) => !/^\(.*\)$/.test(part))
        .join("/")}`;
      routes.push(...HTTP_METHODS.filter((method) => typeof handlers[method] === "function").map((method) => `${method} ${route}`));
    }
    const fuzzedActions = CASES.map((c) => c.name.replace(/ \(.*\)$/, "")).filter((name) => !name.includes(" "));
    expect(new Set([...fuzzedActions, ...NO_INPUT_ACTIONS])).toEqual(new Set(exported));
    const fuzzedRoutes = CASES.filter((c) => c.name.includes(" /")).flatMap((c) => {
      const [methods, route] = c.name.split(" ");
      return methods.split("|").map((method) => `${method} ${route}`);
    });
    expect(new Set(fuzzedRoutes)).toEqual(new Set(routes));
  });

  for (const testCase of CASES) {
    const what = testCase.expect === "refuse" ? "refuses every broken input with a 4xx" : "answers any input without an error";
    it(`${testCase.name} ${what} and changes nothing`, () => fuzz(testCase));
  }

  it("accepts each action's and route's unbroken input (so the refusals came from the breaks)", async () => {
    const refused: string[] = [];
    for (const testCase of CASES) {
      t = await readTargets();
      request.cookies = adminCookies;
      const outcome = await settle(() => testCase.valid());
      const isAccepted = outcome.status < 400 && !(testCase.name.includes("/api/auth/") && isSignInRefusal(outcome));
      if (!isAccepted) refused.push(`${testCase.name}: ${outcome.status} ${outcome.message}`);
    }
    expect(refused).toEqual([]);
  });
});
