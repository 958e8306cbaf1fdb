// Permissions over HTTP, called directly rather than through the UI: every newsroom screen, API
// route and server action of the production server, as anonymous, contributor, editor and admin,
// with no Origin, the same Origin, a foreign one and "null", and with x-middleware-subrequest
// headers (the header that once let a request skip Next.js middleware). Each answer is compared
// with what lib/permissions.ts allows: anonymous visitors are sent to sign in (screens) or get 401;
// a role without the permission gets 403, the "not available to your role" panel, or 404 for a
// story it may not read (what the screens document today). A post from another site never
// succeeds, and a refused call leaves every table of the database as it was.
import { readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Action, Actor, ArticleRef, LiveRef, Role } from "../../lib/permissions";
import { makeImage } from "../fixtures/images";
import { readSportsMlSample } from "../fixtures/sports-samples";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";
import { startAppServer, type RunningServer } from "../setup/next-server";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { dataVersion, tableDigests } from "./support/table-digests";
import { actionTargets, type ActionTarget } from "./support/action-targets";

// The secret startAppServer gives the server (tests/setup/next-server.ts authEnv): session
// tokens made here must be signed with it.
const SERVER_SECRET = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? "pressbox-e2e-secret-not-for-production";
const SERVER_LOG = path.join("test-results", "hostile-permissions-server.log");
const FOREIGN = "https://evil.example";
const SUBREQUEST_HEADERS = ["proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware"];

type Caller = Role | "ANONYMOUS";
const CALLERS: Caller[] = ["ANONYMOUS", "CONTRIBUTOR", "EDITOR", "ADMIN"];
type Variant = { name: string; origin?: string; subrequest?: string };
const sameOrigin = () => server.baseUrl;
const VARIANTS = (): Variant[] => [
  { name: "no Origin" },
  { name: "same Origin", origin: sameOrigin() },
  { name: "foreign Origin", origin: FOREIGN },
  { name: "Origin: null", origin: "null" },
  ...SUBREQUEST_HEADERS.map((value) => ({ name: `x-middleware-subrequest ${value.split(":")[0]}`, subrequest: value })),
];
const isCrossSite = (variant: Variant) => variant.origin === FOREIGN || variant.origin === "null";

let database: TestDatabase;
let server: RunningServer;
// Sending an edition (or a test of it) needs email configured: a real SMTP server of this file's.
let smtp: TestSmtp;
let sqlite: Database.Database;
let m: Awaited<ReturnType<typeof loadModules>>;
const users = {} as Record<Role, { id: string; email: string; password: string; cookie: string; actor: Actor }>;

async function loadModules() {
  return {
    db: (await import("../../lib/db")).db,
    permissions: await import("../../lib/permissions"),
    accounts: await import("../fixtures/accounts"),
    articleInput: await import("../fixtures/article-input"),
    ensureDemoNewsroom: (await import("../fixtures/ensure-demo-newsroom")).ensureDemoNewsroom,
    createArticle: (await import("../../lib/articles/create-article")).createArticle,
    saveArticle: (await import("../../lib/articles/save/save-article")).saveArticle,
    workflow: await import("../../lib/articles/workflow"),
    preview: await import("../../lib/articles/preview"),
    trash: await import("../../lib/articles/trash/trash"),
    createMedia: (await import("../../lib/media/commands")).createMedia,
    bylines: await import("../../lib/bylines/commands"),
    tags: await import("../../lib/tags/commands"),
    wire: await import("../../lib/wire/import"),
    live: await import("../../lib/live/commands"),
    competitionRevision: (await import("../../lib/sports/desk/competitions")).competitionRevision,
    newsletters: await import("../../lib/newsletters/commands"),
    links: await import("../../lib/newsletters/links"),
  };
}

// Wire items in the states the Wire screen's actions need, imported by the editor (so the draft is
// the editor's and a contributor's own-draft rule refuses it). HELD_AGENCY keeps items without a draft.
const HELD_AGENCY = "Permissions Held Agency";
const WIRE_AGENCY = "Permissions Wire Agency";
let wireSeed = 0;
const wireDoc = (guid: string, version = 1, pubStatus = "usable") =>
  JSON.stringify({ uri: guid, version: String(version), pubStatus, headlines: [{ value: `Wire ${guid} v${version}` }], bodies: [{ contentType: "text/plain", value: "Body." }] });

async function wireItem(state: "held" | "pending" | "canceled-published"): Promise<{ id: string; articleId: string | null; articleVersion: number; pendingVersion: number }> {
  const guid = `urn:permissions:${Date.now()}:${(wireSeed += 1)}`;
  const editor = users.EDITOR.actor;
  const agency = state === "held" ? HELD_AGENCY : WIRE_AGENCY;
  const first = await m.wire.importWireItem(editor, { source: wireDoc(guid), agency });
  if (state === "held") return { id: first.wireItemId, articleId: null, articleVersion: 0, pendingVersion: 0 };
  const changes = state === "pending" ? { headline: "Edited by the desk" } : { status: "PUBLISHED" as const, publishedAt: new Date() };
  const article = await m.db.article.update({ where: { id: first.articleId! }, data: { ...changes, version: { increment: 1 } }, select: { version: true } });
  await m.wire.importWireItem(editor, { source: wireDoc(guid, 2, state === "pending" ? "usable" : "canceled"), agency });
  return { id: first.wireItemId, articleId: first.articleId, articleVersion: article.version, pendingVersion: 2 };
}

// ---------------------------------------------------------------------------------------------
// Bookkeeping: every call is checked against its expectation; a mismatch is recorded, not thrown,
// so one run lists them all.

const tally = { calls: 0, mismatches: [] as string[] };

function check(what: string, expected: string, actual: string, detail = ""): void {
  tally.calls += 1;
  if (expected !== actual) tally.mismatches.push(`${what}: expected ${expected}, got ${actual}${detail ? ` (${detail})` : ""}`);
}

function cookieOf(caller: Caller): string | undefined {
  return caller === "ANONYMOUS" ? undefined : users[caller].cookie;
}

// A form post (what a browser's form sends without JavaScript), as the caller in the variant.
function formPost(caller: Caller, variant: Variant, fields: Record<string, string>, extra: Record<string, string> = {}): RequestInit {
  return { method: "POST", body: new URLSearchParams(fields), headers: headersFor(caller, variant, { ...extra, "content-type": "application/x-www-form-urlencoded" }) };
}

function headersFor(caller: Caller, variant: Variant, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { ...extra };
  const cookie = cookieOf(caller);
  if (cookie) headers.cookie = headers.cookie ? `${cookie}; ${headers.cookie}` : cookie;
  if (variant.origin) headers.origin = variant.origin;
  if (variant.subrequest) headers["x-middleware-subrequest"] = variant.subrequest;
  return headers;
}

const can = (caller: Caller, action: Action, article?: ArticleRef) => caller !== "ANONYMOUS" && m.permissions.can(users[caller].actor, action, article);

// Every row of every table (SELECT * over sqlite_master's tables), hashed per table.
type Dump = { dataVersion: number; tables: Map<string, string> };

function dump(): Dump {
  return { dataVersion: dataVersion(sqlite), tables: tableDigests(sqlite) };
}

// data_version moves whenever another connection (the server, or this process's Prisma) commits:
// while it stands still no table can have changed, and the second dump is skipped.
function changedSince(before: Dump): string[] {
  if (dataVersion(sqlite) === before.dataVersion) return [];
  const after = dump().tables;
  return [...after.keys()].filter((table) => before.tables.get(table) !== after.get(table));
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(run));
}

// ---------------------------------------------------------------------------------------------
// Stories in each state, written by the editor (so a contributor's own-draft rule refuses them),
// or by the contributor for the own-draft cases.

type Story = { id: string; version: number; ref: ArticleRef };

async function story(state: "DRAFT" | "IN_REVIEW" | "PUBLISHED", owner: Role = "EDITOR"): Promise<Story> {
  const actor = users[owner].actor;
  const { id } = await m.createArticle(actor, { headline: `Permission story ${state}` });
  const { version, article } = await m.articleInput.currentInput(id);
  const section = await m.db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  const profile = await m.db.bylineProfile.findFirstOrThrow({ orderBy: { slug: "asc" } });
  let saved: { version: number } = await m.saveArticle(actor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: `Permission story ${state}`,
      standfirst: "A standfirst.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      body: { type: "doc", content: [m.articleInput.paragraph("Body.")] },
    },
  });
  const desk = users.EDITOR.actor;
  if (state === "IN_REVIEW") saved = await m.workflow.submitForReview(desk, { articleId: id, expectedVersion: saved.version });
  if (state === "PUBLISHED") saved = await m.workflow.publishArticle(desk, { articleId: id, expectedVersion: saved.version });
  return { id, version: saved.version, ref: { createdById: users[owner].id, status: state } };
}

async function trashedStory(owner: Role = "EDITOR"): Promise<Story> {
  const draft = await story("DRAFT", owner);
  const { version } = await m.trash.deleteToTrash(users[owner].actor, { articleId: draft.id, expectedVersion: draft.version });
  return { ...draft, version };
}

// A published story of the editor's turned into live coverage with one entry the editor posted.
// Its byline names none of the callers, so a contributor may neither post nor edit there.
async function liveStory(): Promise<{ id: string; coverageVersion: number; entry: { id: string; version: number }; ref: LiveRef; entryRef: LiveRef }> {
  const s = await story("PUBLISHED");
  const coverage = await m.live.makeLiveCoverage(users.EDITOR.actor, { articleId: s.id, match: { home: "City", away: "United" } });
  const entry = await m.live.postEntry(users.EDITOR.actor, { articleId: s.id, body: { type: "doc", content: [m.articleInput.paragraph("An entry.")] } });
  const ref: LiveRef = { ...s.ref, bylineUserIds: [] };
  return { id: s.id, coverageVersion: coverage.version, entry: { id: entry.id, version: entry.version }, ref, entryRef: { ...ref, entryCreatedById: users.EDITOR.id } };
}

type Live = Awaited<ReturnType<typeof liveStory>>;

function liveCase(name: string, permission: Action, args: (live: Live) => unknown[], ref: (live: Live) => LiveRef = (live) => live.ref): ActionCase {
  return {
    name: `live ${name}`,
    action: `live/${name}`,
    permission,
    prepare: async () => {
      const live = await liveStory();
      return { args: args(live), article: ref(live) };
    },
  };
}

function restoreCase(name: string, owner: Role): ActionCase {
  return {
    name,
    action: "stories/restoreStoryAction",
    permission: "article.restore",
    prepare: async () => {
      const s = await trashedStory(owner);
      return { args: { form: { articleId: s.id, expectedVersion: String(s.version) } }, article: s.ref };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Screens: every page under app/(newsroom), with the permission its page asks for.

type ScreenOutcome = "sign-in" | "screen" | "panel" | "not-found" | "to stories";
type Screen = { page: string; path: () => string; permission: Action; article?: () => ArticleRef; refused?: ScreenOutcome; allowed?: ScreenOutcome };
let fixtures: {
  editorDraft: Story;
  ownDraft: Story;
  mediaId: string;
  userId: string;
  bylineId: string;
  agencyId: string;
  tagId: string;
  wireItemId: string;
  sports: SportsRecords;
  sportsEventId: string;
  newsletterId: string;
  editionId: string;
};

const SCREENS: Screen[] = [
  { page: "newsroom/page", path: () => "/newsroom", permission: "newsroom.enter", allowed: "to stories" },
  { page: "newsroom/stories/page", path: () => "/newsroom/stories", permission: "newsroom.enter" },
  { page: "newsroom/stories/page", path: () => "/newsroom/stories?view=trash", permission: "newsroom.enter" },
  // A story the role may not read answers 404 (the page hides that it exists).
  { page: "newsroom/stories/[id]/page", path: () => `/newsroom/stories/${fixtures.editorDraft.id}`, permission: "article.read", article: () => fixtures.editorDraft.ref, refused: "not-found" },
  { page: "newsroom/stories/[id]/page", path: () => `/newsroom/stories/${fixtures.ownDraft.id}`, permission: "article.read", article: () => fixtures.ownDraft.ref, refused: "not-found" },
  // The live desk follows the story's read rule ("Make live coverage" for a story not yet live).
  { page: "newsroom/stories/[id]/live/page", path: () => `/newsroom/stories/${fixtures.editorDraft.id}/live`, permission: "article.read", article: () => fixtures.editorDraft.ref, refused: "not-found" },
  { page: "newsroom/stories/[id]/live/page", path: () => `/newsroom/stories/${fixtures.ownDraft.id}/live`, permission: "article.read", article: () => fixtures.ownDraft.ref, refused: "not-found" },
  { page: "newsroom/media/page", path: () => "/newsroom/media", permission: "newsroom.enter" },
  { page: "newsroom/media/[id]/page", path: () => `/newsroom/media/${fixtures.mediaId}`, permission: "newsroom.enter" },
  { page: "newsroom/wire/page", path: () => "/newsroom/wire", permission: "article.create" },
  { page: "newsroom/wire/[id]/page", path: () => `/newsroom/wire/${fixtures.wireItemId}`, permission: "article.create" },
  { page: "newsroom/admin/users/page", path: () => "/newsroom/admin/users", permission: "user.manage" },
  { page: "newsroom/admin/users/[id]/page", path: () => `/newsroom/admin/users/${fixtures.userId}`, permission: "user.manage" },
  { page: "newsroom/admin/bylines/page", path: () => "/newsroom/admin/bylines", permission: "byline.manage" },
  { page: "newsroom/admin/bylines/[id]/page", path: () => `/newsroom/admin/bylines/${fixtures.bylineId}`, permission: "byline.manage" },
  { page: "newsroom/admin/credits/page", path: () => "/newsroom/admin/credits", permission: "agency.manage" },
  { page: "newsroom/admin/credits/agencies/[id]/page", path: () => `/newsroom/admin/credits/agencies/${fixtures.agencyId}`, permission: "agency.manage" },
  { page: "newsroom/admin/sections/page", path: () => "/newsroom/admin/sections", permission: "section.manage" },
  { page: "newsroom/admin/sections/tags/[id]/page", path: () => `/newsroom/admin/sections/tags/${fixtures.tagId}`, permission: "tag.manage" },
  { page: "newsroom/admin/audit/page", path: () => "/newsroom/admin/audit", permission: "audit.read" },
  ...(
    [
      ["teams", "teamId"],
      ["athletes", "athleteId"],
      ["competitions", "competitionId"],
      ["standings", "standingsId"],
      ["medal-tables", "medalTableId"],
    ] as const
  ).flatMap(([screen, id]): Screen[] => [
    { page: `newsroom/sports/${screen}/page`, path: () => `/newsroom/sports/${screen}`, permission: "sports.edit" },
    { page: `newsroom/sports/${screen}/new/page`, path: () => `/newsroom/sports/${screen}/new`, permission: "sports.edit" },
    { page: `newsroom/sports/${screen}/[id]/page`, path: () => `/newsroom/sports/${screen}/${fixtures.sports[id]}`, permission: "sports.edit" },
  ]),
  { page: "newsroom/sports/page", path: () => "/newsroom/sports", permission: "sports.edit" },
  { page: "newsroom/sports/events/page", path: () => "/newsroom/sports/events", permission: "sports.edit" },
  { page: "newsroom/sports/events/new/page", path: () => "/newsroom/sports/events/new", permission: "sports.edit" },
  { page: "newsroom/sports/events/[id]/page", path: () => `/newsroom/sports/events/${fixtures.sportsEventId}`, permission: "sports.edit" },
  { page: "newsroom/sports/import/page", path: () => "/newsroom/sports/import", permission: "sports.import" },
  { page: "newsroom/newsletters/page", path: () => "/newsroom/newsletters", permission: "edition.edit" },
  { page: "newsroom/newsletters/new/page", path: () => "/newsroom/newsletters/new", permission: "newsletter.manage" },
  { page: "newsroom/newsletters/[newsletterId]/settings/page", path: () => `/newsroom/newsletters/${fixtures.newsletterId}/settings`, permission: "newsletter.manage" },
  { page: "newsroom/newsletters/[newsletterId]/subscribers/page", path: () => `/newsroom/newsletters/${fixtures.newsletterId}/subscribers`, permission: "subscriber.manage" },
  { page: "newsroom/newsletters/[newsletterId]/editions/page", path: () => `/newsroom/newsletters/${fixtures.newsletterId}/editions`, permission: "edition.edit" },
  {
    page: "newsroom/newsletters/[newsletterId]/editions/[editionId]/page",
    path: () => `/newsroom/newsletters/${fixtures.newsletterId}/editions/${fixtures.editionId}`,
    permission: "edition.edit",
  },
];

// A team, athlete, competition with two seasons (the second without a medal table), standings
// with one complete row and an entered medal table: fresh for each call that may change them.
async function sportsRecords() {
  const named = (name: string) => ({ name: `${name} ${unique()}`, nameKey: `${name.toLowerCase()} ${unique()}` });
  const team = await m.db.team.create({ data: named("Permission Team") });
  const unusedTeam = await m.db.team.create({ data: named("Permission Unused Team") });
  const athlete = await m.db.athlete.create({ data: named("Permission Athlete") });
  const competition = await m.db.competition.create({ data: { ...named("Permission League"), seasons: { create: [{ name: "2025" }, { name: "2026" }] } }, include: { seasons: { orderBy: { name: "asc" } } } });
  const [season, spare] = competition.seasons;
  const standings = await m.db.standings.create({ data: { competitionSeasonId: season.id, rows: { create: [{ teamId: team.id, position: 0, won: 1, drawn: 0, lost: 0, goalsFor: 1, goalsAgainst: 0 }] } } });
  const medals = await m.db.medalTable.create({ data: { competitionSeasonId: season.id } });
  return {
    teamId: team.id,
    teamLoadedAt: team.updatedAt.toISOString(),
    unusedTeamId: unusedTeam.id,
    unusedTeamLoadedAt: unusedTeam.updatedAt.toISOString(),
    athleteId: athlete.id,
    athleteLoadedAt: athlete.updatedAt.toISOString(),
    competitionId: competition.id,
    revision: m.competitionRevision(competition),
    seasonId: season.id,
    spare: spare,
    standingsId: standings.id,
    standingsVersion: String(standings.version),
    medalTableId: medals.id,
    medalTableVersion: String(medals.version),
  };
}
type SportsRecords = Awaited<ReturnType<typeof sportsRecords>>;

function sportsCases(): ActionCase[] {
  const sportsCase = (name: string, form: (r: SportsRecords) => Record<string, string>) => formCase(`sports/${name}`, "sports.edit", async () => form(await sportsRecords()));
  return [
    sportsCase("createTeamAction", () => ({ name: `Team ${unique()}`, country: "NOR" })),
    sportsCase("updateTeamAction", (r) => ({ id: r.teamId, updatedAt: r.teamLoadedAt, name: `Team ${unique()}` })),
    sportsCase("deleteTeamAction", (r) => ({ id: r.unusedTeamId, updatedAt: r.unusedTeamLoadedAt })),
    sportsCase("createAthleteAction", (r) => ({ name: `Athlete ${unique()}`, teamId: r.teamId })),
    sportsCase("updateAthleteAction", (r) => ({ id: r.athleteId, updatedAt: r.athleteLoadedAt, name: `Athlete ${unique()}` })),
    sportsCase("deleteAthleteAction", (r) => ({ id: r.athleteId, updatedAt: r.athleteLoadedAt })),
    sportsCase("createCompetitionAction", () => ({ name: `League ${unique()}`, "tieBreakers.0": "goalDifference" })),
    sportsCase("updateCompetitionAction", (r) => ({ id: r.competitionId, revision: r.revision, name: `League ${unique()}`, "tieBreakers.0": "wins" })),
    sportsCase("addSeasonAction", (r) => ({ competitionId: r.competitionId, name: "2027" })),
    sportsCase("renameSeasonAction", (r) => ({ id: r.spare.id, loadedName: r.spare.name, name: "2026/27" })),
    sportsCase("createStandingsAction", (r) => ({ seasonId: r.spare.id, asOf: "2026-05-01" })),
    sportsCase("updateStandingsAction", (r) => ({ id: r.standingsId, version: r.standingsVersion, "rows.0.teamId": r.teamId, "rows.0.won": "2" })),
    sportsCase("rankStandingsAction", (r) => ({ id: r.standingsId, version: r.standingsVersion })),
    sportsCase("createMedalTableAction", (r) => ({ seasonId: r.spare.id, source: "computed" })),
    sportsCase("updateMedalTableAction", (r) => ({ id: r.medalTableId, version: r.medalTableVersion, source: "entered", "rows.0.country": "NOR", "rows.0.name": "Norway", "rows.0.gold": "1" })),
  ];
}

// A newsletter of its own per call (archiving or making it main must not touch the demo's), and a
// subscriber per erase.
const freshNewsletter = async () => (await m.newsletters.createNewsletter(users.ADMIN.actor, newsletterFields(`Permission letter ${unique()}`))).id;
const newsletterFields = (name: string) => ({ name, senderName: "Desk", senderAddress: "desk@pressbox.example", consentText: "Yes.", scheduleDays: "mon", scheduleTime: "06:30" });

// A reader subscribed to the demo's main newsletter, in the given state: for an erase, and for the
// token routes.
const freshSubscriber = async (status: "PENDING" | "CONFIRMED" = "PENDING") =>
  m.db.subscriber.create({
    data: {
      email: `reader-${unique()}@example.org`,
      status,
      consentText: "Yes.",
      consentAt: new Date(),
      subscriptions: { create: { newsletterId: fixtures.newsletterId, status, consentText: "Yes.", consentAt: new Date() } },
    },
    select: { id: true },
  });

// An edition of the demo's main newsletter holding one published story, per call (each action
// changes or sends it).
const freshEdition = async (status: "DRAFT" | "SCHEDULED" = "DRAFT") => {
  const story = await m.db.article.findFirstOrThrow({ where: { status: "PUBLISHED", deletedAt: null }, orderBy: { publishedAt: "desc" }, select: { id: true } });
  const edition = await m.db.edition.create({
    data: { newsletterId: fixtures.newsletterId, subject: `Permission edition ${unique()}`, status, scheduledFor: new Date(Date.now() + 86_400_000), items: { create: { articleId: story.id, position: 0 } } },
    select: { id: true, version: true },
  });
  return { editionId: edition.id, version: String(edition.version), articleId: story.id };
};

function editionCases(): ActionCase[] {
  const objectCase = (name: string, args: () => Promise<unknown[]>): ActionCase => ({ name, action: `editions/${name}`, permission: "edition.edit", prepare: async () => ({ args: await args() }) });
  const laterStory = async () => (await m.db.article.findFirstOrThrow({ where: { status: "PUBLISHED", deletedAt: null }, orderBy: { publishedAt: "asc" }, select: { id: true } })).id;
  const future = () => new Date(Date.now() + 2 * 86_400_000).toISOString();
  return [
    formCase("editions/assembleEditionAction", "edition.edit", async () => ({ newsletterId: await freshNewsletter() })),
    formCase("editions/updateEditionTextAction", "edition.edit", async () => {
      const { editionId, version } = await freshEdition();
      return { editionId, version, subject: `Subject ${unique()}`, intro: "Good morning." };
    }),
    formCase("editions/addEditionStoryAction", "edition.edit", async () => {
      const { editionId, version } = await freshEdition();
      return { editionId, version, articleId: await laterStory() };
    }),
    formCase("editions/cancelEditionAction", "edition.edit", async () => {
      const { editionId, version } = await freshEdition();
      return { editionId, version };
    }),
    objectCase("moveEditionItemAction", async () => {
      const edition = await freshEdition();
      const other = await laterStory();
      await m.db.editionItem.create({ data: { editionId: edition.editionId, articleId: other, position: 1 } });
      return [{ editionId: edition.editionId, version: Number(edition.version), articleId: other, direction: "up" }];
    }),
    objectCase("removeEditionItemAction", async () => {
      const { editionId, version, articleId } = await freshEdition();
      return [{ editionId, version: Number(version), articleId }];
    }),
    formCase("[editionId]/sendTestEditionAction", "edition.send", async () => ({ editionId: (await freshEdition()).editionId })),
    formCase("[editionId]/sendEditionNowAction", "edition.send", async () => {
      const { editionId, version } = await freshEdition();
      return { editionId, version };
    }),
    formCase("[editionId]/scheduleEditionAction", "edition.send", async () => {
      const { editionId, version } = await freshEdition();
      return { editionId, version, at: future() };
    }),
    formCase("[editionId]/cancelScheduleAction", "edition.send", async () => {
      const { editionId, version } = await freshEdition("SCHEDULED");
      return { editionId, version };
    }),
  ];
}

function newsletterCases(): ActionCase[] {
  const withVersion = async (extra: Record<string, string> = {}) => {
    const id = await freshNewsletter();
    return { id, version: await versionOf(m.db.newsletter, id), ...extra };
  };
  return [
    formCase("newsletters/createNewsletterAction", "newsletter.manage", async () => newsletterFields(`Letter ${unique()}`)),
    formCase("newsletters/updateNewsletterAction", "newsletter.manage", async () => ({ ...(await withVersion()), ...newsletterFields(`Renamed ${unique()}`) })),
    formCase("newsletters/setNewsletterArchivedAction", "newsletter.manage", async () => withVersion({ isArchived: "true" })),
    formCase("newsletters/makeMainNewsletterAction", "newsletter.manage", async () => withVersion()),
    formCase("newsletters/eraseSubscriberAction", "subscriber.manage", async () => ({ id: (await freshSubscriber()).id })),
    formCase("newsletters/importSubscribersAction", "subscriber.manage", async () => ({ newsletterId: await freshNewsletter(), addresses: `imported-${unique()}@example.org` })),
  ];
}

function expectedScreen(screen: Screen, caller: Caller): ScreenOutcome {
  if (caller === "ANONYMOUS") return "sign-in";
  return can(caller, screen.permission, screen.article?.()) ? (screen.allowed ?? "screen") : (screen.refused ?? "panel");
}

async function screenOutcome(response: Response): Promise<string> {
  const location = response.headers.get("location") ?? "";
  const body = await response.text();
  if ([302, 303, 307, 308].includes(response.status)) {
    if (location.startsWith("/sign-in?callbackUrl=")) return "sign-in";
    if (location === "/newsroom/stories") return "to stories";
    return `redirect to ${location}`;
  }
  if (response.status === 404) return "not-found";
  if (response.status !== 200) return `status ${response.status}`;
  return body.includes("Not available to your role") ? "panel" : "screen";
}

// ---------------------------------------------------------------------------------------------
// API routes, posted to. Each case says what success looks like and who may succeed.

type ApiCall = { path: string; init: (caller: Caller, variant: Variant) => Promise<RequestInit> };
let imageSeed = 0;

async function csrfFor(caller: Caller): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${server.baseUrl}/api/auth/csrf`, { headers: headersFor(caller, { name: "csrf" }) });
  const cookie = /next-auth\.csrf-token=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1] ?? "";
  return { cookie: `next-auth.csrf-token=${cookie}`, token: ((await response.json()) as { csrfToken: string }).csrfToken };
}

const signInAs = (caller: Caller): Role => (caller === "ANONYMOUS" ? "CONTRIBUTOR" : caller);

const API_CASES: { route: string; call: ApiCall; expected: (caller: Caller, variant: Variant) => string; outcome: (response: Response) => string }[] = [
  {
    route: "/api/media/uploads",
    call: {
      path: "/api/media/uploads",
      init: async (caller, variant) => {
        const body = new FormData();
        const bytes = await makeImage({ seed: `permissions-upload-${(imageSeed += 1)}`, width: 240, height: 160, format: "png" });
        body.set("file", new File([new Uint8Array(bytes)], "upload.png", { type: "image/png" }));
        return { method: "POST", body, headers: headersFor(caller, variant) };
      },
    },
    expected: (caller, variant) => (isCrossSite(variant) ? "403" : caller === "ANONYMOUS" ? "401" : can(caller, "media.upload") ? "201" : "403"),
    outcome: (response) => String(response.status),
  },
  {
    route: "/api/wire/uploads",
    call: {
      path: "/api/wire/uploads",
      init: async (caller, variant) => {
        const body = new FormData();
        body.set("file", new File([wireDoc(`urn:permissions:upload:${Date.now()}:${(wireSeed += 1)}`)], "item.json", { type: "application/json" }));
        return { method: "POST", body, headers: headersFor(caller, variant) };
      },
    },
    expected: (caller, variant) => (isCrossSite(variant) ? "403" : caller === "ANONYMOUS" ? "401" : can(caller, "article.create") && can(caller, "media.upload") ? "200" : "403"),
    outcome: (response) => String(response.status),
  },
  {
    // The same SportsML file each time: the first import creates, the others find it unchanged.
    route: "/api/newsroom/sports/uploads",
    call: {
      path: "/api/newsroom/sports/uploads",
      init: async (caller, variant) => {
        const body = new FormData();
        body.set("file", new File([readSportsMlSample("soccer-match-g2-generic", "xml")], "match.xml", { type: "application/xml" }));
        return { method: "POST", body, headers: headersFor(caller, variant) };
      },
    },
    expected: (caller, variant) => (isCrossSite(variant) ? "403" : caller === "ANONYMOUS" ? "401" : can(caller, "sports.import") ? "200" : "403"),
    outcome: (response) => String(response.status),
  },
  {
    // A signed notice from another Pressbox process: no role grants it, and nobody can sign it.
    route: "/api/internal/refresh",
    call: {
      path: "/api/internal/refresh",
      init: async (caller, variant) => ({ method: "POST", body: JSON.stringify({ articleIds: [fixtures.editorDraft.id] }), headers: headersFor(caller, variant, { "content-type": "application/json" }) }),
    },
    expected: () => "403",
    outcome: (response) => String(response.status),
  },
  {
    // An agency's push: its signature is the permission, no session grants it; unsigned is 401.
    route: "/api/wire/push/[agency]",
    call: {
      // A known agency (an unknown one is 404 before any signature is looked at).
      get path() {
        return `/api/wire/push/${fixtures.agencyId}`;
      },
      init: async (caller, variant) => {
        const body = JSON.stringify({ uri: `urn:permissions:${unique()}`, version: "1", headlines: [{ value: "Unsigned push" }] });
        return { method: "POST", body, headers: headersFor(caller, variant, { "content-type": "application/json" }) };
      },
    },
    expected: (_caller, variant) => (isCrossSite(variant) ? "403" : "401"),
    outcome: (response) => String(response.status),
  },
  {
    // The story editor's sports record picker: a read (GET) for whoever may write a story, never
    // answered to another site's page.
    route: "/api/newsroom/sports/records",
    call: {
      path: "/api/newsroom/sports/records?kind=standings&q=Bayern",
      init: async (caller, variant) => ({ method: "GET", headers: headersFor(caller, variant) }),
    },
    expected: (caller, variant) => (isCrossSite(variant) ? "403" : caller === "ANONYMOUS" ? "401" : can(caller, "article.create") ? "200" : "403"),
    outcome: (response) => String(response.status),
  },
  {
    // The story editor's team, athlete and event pickers: anyone who may write a story.
    route: "/api/newsroom/sports/links",
    call: { path: "/api/newsroom/sports/links?kind=team&q=a", init: async (caller, variant) => ({ method: "GET", headers: headersFor(caller, variant) }) },
    expected: (caller, variant) => (isCrossSite(variant) ? "403" : caller === "ANONYMOUS" ? "401" : can(caller, "article.create") ? "200" : "403"),
    outcome: (response) => String(response.status),
  },
  {
    // Related-story suggestions for a story: whoever may open it (a contributor not the editor's draft).
    route: "/api/newsroom/stories/[id]/related-suggestions",
    call: {
      get path() {
        return `/api/newsroom/stories/${fixtures.editorDraft.id}/related-suggestions?tag=Football`;
      },
      init: async (caller, variant) => ({ method: "GET", headers: headersFor(caller, variant) }),
    },
    expected: (caller, variant) => (isCrossSite(variant) ? "403" : caller === "ANONYMOUS" ? "401" : can(caller, "article.read", fixtures.editorDraft.ref) ? "200" : "403"),
    outcome: (response) => String(response.status),
  },
  {
    // The subscribers screen's CSV export (personal data): admins only, never to another site.
    route: "/api/newsroom/newsletters/subscribers/export",
    call: {
      get path() {
        return `/api/newsroom/newsletters/subscribers/export?newsletter=${fixtures.newsletterId}`;
      },
      init: async (caller, variant) => ({ method: "GET", headers: headersFor(caller, variant) }),
    },
    expected: (caller, variant) => (isCrossSite(variant) ? "403" : caller === "ANONYMOUS" ? "401" : can(caller, "subscriber.manage") ? "200" : "403"),
    outcome: (response) => String(response.status),
  },
  {
    // The story editor's newsletter picker: anyone in the newsroom.
    route: "/api/newsroom/newsletters",
    call: { path: "/api/newsroom/newsletters", init: async (caller, variant) => ({ method: "GET", headers: headersFor(caller, variant) }) },
    expected: (caller, variant) => (isCrossSite(variant) ? "403" : caller === "ANONYMOUS" ? "401" : can(caller, "newsroom.enter") ? "200" : "403"),
    outcome: (response) => String(response.status),
  },
  {
    // The send panel's progress: whoever may work on editions.
    route: "/api/newsroom/editions/[editionId]/progress",
    call: {
      get path() {
        return `/api/newsroom/editions/${fixtures.editionId}/progress`;
      },
      init: async (caller, variant) => ({ method: "GET", headers: headersFor(caller, variant) }),
    },
    expected: (caller, variant) => (isCrossSite(variant) ? "403" : caller === "ANONYMOUS" ? "401" : can(caller, "edition.edit") ? "200" : "403"),
    outcome: (response) => String(response.status),
  },
  {
    // A reader's sign-up: open to everyone (a session changes nothing), never from another site.
    route: "/api/newsletter/subscribe",
    call: {
      path: "/api/newsletter/subscribe",
      init: async (caller, variant) => ({
        method: "POST",
        body: JSON.stringify({ email: `reader-${unique()}@example.org`, newsletterId: fixtures.newsletterId }),
        headers: headersFor(caller, variant, { "content-type": "application/json" }),
      }),
    },
    expected: (_caller, variant) => (isCrossSite(variant) ? "403" : "200"),
    outcome: (response) => String(response.status),
  },
  {
    // Confirming: the signed token is the authority, whoever posts it.
    route: "/api/newsletter/confirm",
    call: {
      path: "/api/newsletter/confirm",
      init: async (caller, variant) => {
        const reader = await freshSubscriber("PENDING");
        const token = m.links.signLinkToken("confirm", { s: reader.id, v: 1, n: fixtures.newsletterId, e: Math.floor(Date.now() / 1000) + 3600 });
        return formPost(caller, variant, { token });
      },
    },
    expected: (_caller, variant) => (isCrossSite(variant) ? "403" : "confirmed"),
    outcome: (response) => (/done=1/.test(response.headers.get("location") ?? "") ? "confirmed" : String(response.status)),
  },
  {
    // The preferences page's form, authorised by its manage token.
    route: "/api/newsletter/preferences",
    call: {
      path: "/api/newsletter/preferences",
      init: async (caller, variant) => {
        const token = m.links.signLinkToken("manage", { s: (await freshSubscriber("CONFIRMED")).id, v: 1 });
        return formPost(caller, variant, { token, newsletter: fixtures.newsletterId });
      },
    },
    expected: (_caller, variant) => (isCrossSite(variant) ? "403" : "saved"),
    outcome: (response) => (/saved=1/.test(response.headers.get("location") ?? "") ? "saved" : String(response.status)),
  },
  {
    // RFC 8058 one-click unsubscribe, as a mail provider posts it: the token is the authority.
    route: "/api/newsletter/unsubscribe",
    call: {
      path: "/api/newsletter/unsubscribe",
      init: async (caller, variant) => {
        const token = m.links.signLinkToken("manage", { s: (await freshSubscriber("CONFIRMED")).id, v: 1 });
        return formPost(caller, variant, { token, list: fixtures.newsletterId, "List-Unsubscribe": "One-Click" });
      },
    },
    expected: (_caller, variant) => (isCrossSite(variant) ? "403" : "200"),
    outcome: (response) => String(response.status),
  },
  {
    // Signing in is open to everyone, but not from another site.
    route: "/api/auth/[...nextauth]",
    call: {
      path: "/api/auth/callback/credentials",
      init: async (caller, variant) => {
        const csrf = await csrfFor(caller);
        const user = users[signInAs(caller)];
        const body = new URLSearchParams({ csrfToken: csrf.token, email: user.email, password: user.password, callbackUrl: `${server.baseUrl}/newsroom` });
        return { method: "POST", body, headers: headersFor(caller, variant, { cookie: csrf.cookie, "content-type": "application/x-www-form-urlencoded" }) };
      },
    },
    expected: (_caller, variant) => (isCrossSite(variant) ? "403" : "signed in"),
    outcome: (response) => (/next-auth\.session-token=[^;]+/.test(response.headers.get("set-cookie") ?? "") ? "signed in" : String(response.status)),
  },
  {
    route: "/api/auth/[...nextauth]",
    call: {
      path: "/api/auth/signout",
      init: async (caller, variant) => {
        const csrf = await csrfFor(caller);
        return formPost(caller, variant, { csrfToken: csrf.token }, { cookie: csrf.cookie });
      },
    },
    expected: (_caller, variant) => (isCrossSite(variant) ? "403" : "signed out"),
    outcome: (response) => (response.status === 302 && !/csrf=true/.test(response.headers.get("location") ?? "") ? "signed out" : String(response.status)),
  },
];

// ---------------------------------------------------------------------------------------------
// Server actions, posted the way React posts them: `Next-Action: <id>` to a page that uses the
// action, the arguments as JSON, or as multipart with the form under "_1_" for form actions.

let actionIds: Map<string, ActionTarget>;

type Prepared = { args: unknown[] | { form: Record<string, string> }; article?: ArticleRef };
type ActionCase = { name: string; action: string; permission: Action; prepare: () => Promise<Prepared> };

function actionBody(args: Prepared["args"]): { body: BodyInit; contentType?: string } {
  if (Array.isArray(args)) return { body: JSON.stringify(args), contentType: "text/plain;charset=UTF-8" };
  // The root ("0") last, as React sends it: the server decodes it as soon as it arrives.
  const body = new FormData();
  for (const [key, value] of Object.entries(args.form)) body.set(`_1_${key}`, value);
  body.set("0", JSON.stringify(["$undefined", "$K1"]));
  return { body };
}

type ActionAnswer = { ok?: boolean; status?: number; redirect?: string; error?: string; message?: string };

async function callAction(target: ActionTarget, args: Prepared["args"], caller: Caller, variant: Variant): Promise<ActionAnswer> {
  const { body, contentType } = actionBody(args);
  const response = await fetch(`${server.baseUrl}${target.page}`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: headersFor(caller, variant, { "next-action": target.id, accept: "text/x-component", ...(contentType ? { "content-type": contentType } : {}) }),
  });
  const text = await response.text();
  const redirect = response.headers.get("x-action-redirect") ?? response.headers.get("location");
  if (redirect) return { redirect: redirect.split(";")[0] };
  if (!(response.headers.get("content-type") ?? "").includes("text/x-component")) return { status: response.status, error: text.slice(0, 200) };
  const row = /^1:(.*)$/m.exec(text)?.[1] ?? "";
  if (!row.startsWith("{")) return { status: response.status, error: `${response.status} ${row.slice(0, 120)}` };
  const result = JSON.parse(row) as { ok: boolean; status?: number; message?: string };
  return { ok: result.ok, status: result.ok ? 200 : result.status, message: result.message };
}

function describeAnswer(answer: ActionAnswer): string {
  if (answer.redirect) return answer.redirect.includes("?error=") ? "redirect with error" : "redirect to story";
  if (answer.error !== undefined) return `HTTP ${answer.status}`;
  return answer.ok ? "ok" : String(answer.status);
}

function expectedAction(testCase: ActionCase, prepared: Prepared, caller: Caller, variant: Variant): string {
  const isCreate = testCase.action === "stories/createStoryAction";
  if (isCrossSite(variant)) return "HTTP 403";
  if (caller === "ANONYMOUS") return isCreate ? "redirect with error" : "401";
  if (!can(caller, testCase.permission, prepared.article)) return isCreate ? "redirect with error" : "403";
  return isCreate ? "redirect to story" : "ok";
}

const unique = () => `${Date.now().toString(36)}${(imageSeed += 1)}`;
const versionOf = async (delegate: { findUniqueOrThrow: (args: never) => Promise<unknown> }, id: string) =>
  String(((await delegate.findUniqueOrThrow({ where: { id }, select: { version: true } } as never)) as { version: number }).version);
const storyArgs = async (s: Story, extra: Record<string, unknown> = {}) => ({ articleId: s.id, expectedVersion: (await m.articleInput.currentInput(s.id)).version, ...extra });
const revisionsOf = async (id: string) => (await m.db.revision.findMany({ where: { articleId: id }, orderBy: { createdAt: "asc" }, select: { id: true } })).map((r) => r.id);
const freshMedia = async () =>
  (await m.createMedia(m.db, { bytes: await makeImage({ seed: `permissions-media-${unique()}`, width: 200, height: 140 }), originalName: "p.jpg", altText: "Alt", defaultCaption: "Caption" }, { actor: null }))
    .id;
const freshByline = async () => (await m.bylines.createBylineProfile(users.ADMIN.actor, { name: `Permission Byline ${unique()}` })).id;
const freshTag = async () => (await m.tags.createTag(users.ADMIN.actor, { name: `permission tag ${unique()}` })).id;
const picked = async (delegate: Parameters<typeof versionOf>[0], id: string) => `${id}:${await versionOf(delegate, id)}`;
const freshSportsEvent = async () => (await m.db.sportsEvent.create({ data: { identity: `permissions:${unique()}`, name: `Permission race ${unique()}` } })).id;

function storyCase(name: string, permission: Action, state: "DRAFT" | "IN_REVIEW" | "PUBLISHED", args: (s: Story) => Promise<unknown[]>, owner: Role = "EDITOR"): ActionCase {
  const action = `stories/${name.split(" ")[0]}`;
  return {
    name,
    action,
    permission,
    prepare: async () => {
      const s = await story(state, owner);
      return { args: await args(s), article: s.ref };
    },
  };
}

function formCase(action: string, permission: Action, form: () => Promise<Record<string, string>>): ActionCase {
  return { name: action.split("/")[1], action, permission, prepare: async () => ({ args: { form: await form() } }) };
}

function actionCases(): ActionCase[] {
  const future = () => new Date(Date.now() + 86_400_000).toISOString();
  const edit = async (s: Story) => {
    const { version, article } = await m.articleInput.currentInput(s.id);
    return [{ articleId: s.id, expectedVersion: version, article: { ...article, kicker: `Changed ${unique()}` } }];
  };
  const user = async () => (await m.accounts.createTestUser("CONTRIBUTOR")).id;
  // A published story with unpublished changes in its working copy (nothing to add to the args).
  const changeLive = async (s: Story) => {
    await edit(s).then(([input]) => m.saveArticle(users.EDITOR.actor, input));
    return {};
  };
  return [
    { name: "createStoryAction", action: "stories/createStoryAction", permission: "article.create", prepare: async () => ({ args: [] }) },
    storyCase("saveStoryAction", "article.edit", "DRAFT", edit),
    storyCase("saveStoryAction (own draft)", "article.edit", "DRAFT", edit, "CONTRIBUTOR"),
    storyCase("transitionAction submit", "article.submit", "DRAFT", async (s) => ["submit", await storyArgs(s)]),
    storyCase("transitionAction submit (own draft)", "article.submit", "DRAFT", async (s) => ["submit", await storyArgs(s)], "CONTRIBUTOR"),
    storyCase("transitionAction publish", "article.publish", "IN_REVIEW", async (s) => ["publish", await storyArgs(s)]),
    storyCase("transitionAction schedule", "article.schedule", "IN_REVIEW", async (s) => ["schedule", await storyArgs(s, { publishAt: future() })]),
    storyCase("transitionAction unpublish", "article.unpublish", "PUBLISHED", async (s) => ["unpublish", await storyArgs(s)]),
    storyCase("transitionAction returnToDraft", "article.publish", "IN_REVIEW", async (s) => ["returnToDraft", await storyArgs(s)]),
    storyCase("addNoteAction", "article.correct", "PUBLISHED", async (s) => [{ articleId: s.id, kind: "CORRECTION", text: "A name was misspelt." }]),
    storyCase("checkInAction", "article.read", "DRAFT", async (s) => [s.id]),
    storyCase("reloadStoryAction", "article.read", "DRAFT", async (s) => [s.id]),
    storyCase("listRevisionsAction", "article.read", "DRAFT", async (s) => [s.id]),
    storyCase("compareRevisionsAction", "article.read", "PUBLISHED", async (s) => {
      const [a, b] = await revisionsOf(s.id);
      return [s.id, a, b];
    }),
    storyCase("restoreRevisionAction", "article.edit", "PUBLISHED", async (s) => [
      { articleId: s.id, revisionId: (await revisionsOf(s.id))[0], expectedVersion: (await m.articleInput.currentInput(s.id)).version },
    ]),
    storyCase("previewLinkAction", "article.preview", "DRAFT", async (s) => [s.id]),
    storyCase("previewLinkAction (own draft)", "article.preview", "DRAFT", async (s) => [s.id], "CONTRIBUTOR"),
    storyCase("listPreviewLinksAction", "article.preview", "DRAFT", async (s) => [s.id]),
    storyCase("revokePreviewLinkAction", "article.preview", "DRAFT", async (s) => [{ articleId: s.id, linkId: (await m.preview.createPreviewLink(users.EDITOR.actor, s.id)).id }]),
    storyCase("compareWithCurrentAction", "article.read", "DRAFT", async (s) => [s.id, (await m.articleInput.currentInput(s.id)).article]),
    storyCase("updateLiveAction", "article.publish", "PUBLISHED", async (s) => [await storyArgs(s, await changeLive(s))]),
    storyCase("discardChangesAction", "article.edit", "PUBLISHED", async (s) => [await storyArgs(s, await changeLive(s))]),
    storyCase("scheduleLiveUpdateAction", "article.publish", "PUBLISHED", async (s) => [await storyArgs(s, { ...(await changeLive(s)), updateAt: future() })]),
    storyCase("compareWithLiveAction", "article.read", "PUBLISHED", async (s) => [s.id]),
    storyCase("liveStateAction", "article.read", "PUBLISHED", async (s) => [s.id]),
    storyCase("setEmbargoAction", "article.edit", "DRAFT", async (s) => [await storyArgs(s, { embargoUntil: future() })]),
    storyCase("setEmbargoAction (own draft)", "article.edit", "DRAFT", async (s) => [await storyArgs(s, { embargoUntil: future() })], "CONTRIBUTOR"),
    storyCase("liftEmbargoAction", "article.liftEmbargo", "DRAFT", async (s) => {
      await m.db.article.update({ where: { id: s.id }, data: { embargoUntil: new Date(future()) } });
      return [await storyArgs(s, { reason: "The agency lifted it early." })];
    }),
    storyCase("deleteStoryAction", "article.delete", "DRAFT", async (s) => [await storyArgs(s)]),
    storyCase("deleteStoryAction (own draft)", "article.delete", "DRAFT", async (s) => [await storyArgs(s)], "CONTRIBUTOR"),
    restoreCase("restoreStoryAction", "EDITOR"),
    restoreCase("restoreStoryAction (own draft)", "CONTRIBUTOR"),
    { name: "searchMediaAction", action: "stories/searchMediaAction", permission: "article.create", prepare: async () => ({ args: ["skater"] }) },
    { name: "searchStoriesAction", action: "stories/searchStoriesAction", permission: "article.create", prepare: async () => ({ args: ["the", fixtures.editorDraft.id] }) },
    { name: "readMediaAction", action: "stories/readMediaAction", permission: "article.create", prepare: async () => ({ args: [[fixtures.mediaId]] }) },
    { name: "readEmbedsAction", action: "stories/readEmbedsAction", permission: "article.create", prepare: async () => ({ args: [["cembed000000000000000001"]] }) },
    {
      name: "updateMediaDetailsAction",
      action: "stories/updateMediaDetailsAction",
      permission: "media.edit",
      prepare: async () => {
        const id = await freshMedia();
        return { args: [{ id, version: Number(await versionOf(m.db.media, id)), altText: `Alt ${unique()}` }] };
      },
    },
    { name: "listCreditOptionsAction", action: "stories/listCreditOptionsAction", permission: "newsroom.enter", prepare: async () => ({ args: [] }) },
    formCase("bylines/createBylineAction", "byline.manage", async () => ({ name: `Byline ${unique()}` })),
    formCase("bylines/updateBylineAction", "byline.manage", async () => {
      const id = await freshByline();
      return { id, version: await versionOf(m.db.bylineProfile, id), name: `Renamed ${unique()}` };
    }),
    formCase("bylines/mergeBylinesAction", "byline.manage", async () => {
      const [source, target] = [await freshByline(), await freshByline()];
      return { sourceId: source, sourceVersion: await versionOf(m.db.bylineProfile, source), target: await picked(m.db.bylineProfile, target) };
    }),
    formCase("credits/createAgencyAction", "agency.manage", async () => ({ name: `Agency ${unique()}`, shortCredit: "AG", creditFormat: "{photographer}/{agency}" })),
    formCase("credits/updateAgencyAction", "agency.manage", async () => ({
      id: fixtures.agencyId,
      version: await versionOf(m.db.agency, fixtures.agencyId),
      name: `Agency ${unique()}`,
      shortCredit: "AG",
      creditFormat: "{photographer}/{agency}",
    })),
    formCase("credits/generatePushSecretAction", "agency.manage", async () => ({ id: fixtures.agencyId, version: await versionOf(m.db.agency, fixtures.agencyId) })),
    formCase("credits/revokePushSecretAction", "agency.manage", async () => ({ id: fixtures.agencyId, version: await versionOf(m.db.agency, fixtures.agencyId) })),
    formCase("credits/createPhotographerAction", "photographer.manage", async () => ({ name: `Photographer ${unique()}` })),
    formCase("credits/updatePhotographerAction", "photographer.manage", async () => {
      const p = await m.db.photographer.findFirstOrThrow({ orderBy: { name: "asc" } });
      return { id: p.id, version: String(p.version), name: `Photographer ${unique()}` };
    }),
    formCase("sections/createSectionAction", "section.manage", async () => ({ name: `Section ${unique()}` })),
    formCase("sections/updateSectionAction", "section.manage", async () => {
      const s = await m.db.section.findFirstOrThrow({ where: { slug: "tennis" } });
      return { id: s.id, version: String(s.version), name: "Tennis", description: `Updated ${unique()}` };
    }),
    formCase("sections/createTagAction", "tag.manage", async () => ({ name: `tag ${unique()}` })),
    formCase("sections/renameTagAction", "tag.manage", async () => {
      const id = await freshTag();
      return { id, version: await versionOf(m.db.tag, id), name: `renamed ${unique()}` };
    }),
    formCase("sections/mergeTagsAction", "tag.manage", async () => {
      const [source, target] = [await freshTag(), await freshTag()];
      return { sourceId: source, sourceVersion: await versionOf(m.db.tag, source), target: await picked(m.db.tag, target) };
    }),
    formCase("users/createUserAction", "user.manage", async () => ({ name: "New Person", email: `new-${unique()}@pressbox.test`, role: "CONTRIBUTOR", password: "a-long-enough-password" })),
    formCase("users/updateUserAction", "user.manage", async () => {
      const id = await user();
      return { id, version: await versionOf(m.db.user, id), name: "Renamed Person", email: `renamed-${unique()}@pressbox.test` };
    }),
    formCase("users/changeUserRoleAction", "user.manage", async () => {
      const id = await user();
      return { id, version: await versionOf(m.db.user, id), role: "EDITOR" };
    }),
    formCase("users/setUserDisabledAction", "user.manage", async () => {
      const id = await user();
      return { id, version: await versionOf(m.db.user, id), isDisabled: "true" };
    }),
    formCase("users/signOutEverywhereAction", "user.manage", async () => ({ userId: await user() })),
    formCase("users/resetUserPasswordAction", "user.manage", async () => {
      const id = await user();
      return { id, version: await versionOf(m.db.user, id), password: "another-long-password" };
    }),
    formCase("media/updateMediaAction", "media.edit", async () => ({ id: fixtures.mediaId, version: await versionOf(m.db.media, fixtures.mediaId), altText: `Alt ${unique()}` })),
    formCase("media/deleteMediaAction", "media.delete", async () => {
      const id = await freshMedia();
      return { id, version: await versionOf(m.db.media, id) };
    }),
    formCase("credits/updateAgencyWireRulesAction", "agency.manage", async () => ({ id: fixtures.agencyId, version: await versionOf(m.db.agency, fixtures.agencyId), wireAutoDraft: "on" })),
    formCase("wire/createDraftAction", "article.create", async () => ({ wireItemId: (await wireItem("held")).id })),
    {
      name: "applyWireUpdateAction",
      action: "wire/applyWireUpdateAction",
      permission: "article.edit",
      prepare: async () => {
        const item = await wireItem("pending");
        // The panel's ticked fields (at least one, else the form is refused before any permission).
        const form = { wireItemId: item.id, expectedVersion: String(item.articleVersion), pendingVersion: String(item.pendingVersion), fields: "headline" };
        return { args: { form }, article: { createdById: users.EDITOR.id, status: "DRAFT" } };
      },
    },
    {
      name: "dismissWireUpdateAction",
      action: "wire/dismissWireUpdateAction",
      permission: "article.edit",
      prepare: async () => {
        const item = await wireItem("pending");
        return { args: { form: { wireItemId: item.id, pendingVersion: String(item.pendingVersion) } }, article: { createdById: users.EDITOR.id, status: "DRAFT" } };
      },
    },
    formCase("wire/unpublishCanceledAction", "article.unpublish", async () => {
      const item = await wireItem("canceled-published");
      return { wireItemId: item.id, expectedVersion: String(item.articleVersion) };
    }),
    formCase("sports/createEventAction", "sports.edit", async () => ({ name: `Permission match ${unique()}`, status: "FINAL" })),
    formCase("sports/updateEventAction", "sports.edit", async () => {
      const id = await freshSportsEvent();
      return { id, version: await versionOf(m.db.sportsEvent, id), name: `Corrected ${unique()}`, status: "FINAL" };
    }),
    formCase("sports/previewPasteAction", "sports.edit", async () => ({ eventId: await freshSportsEvent(), kind: "athlete", text: "Rank,Name\n1,Permission Skier" })),
    formCase("sports/applyPasteAction", "sports.edit", async () => {
      const id = await freshSportsEvent();
      return { eventId: id, kind: "athlete", text: `Rank,Name\n1,Permission Skier ${unique()}`, version: await versionOf(m.db.sportsEvent, id) };
    }),
    liveCase("readLiveDeskAction", "article.read", (live) => [live.id]),
    {
      name: "live makeLiveCoverageAction",
      action: "live/makeLiveCoverageAction",
      permission: "live.manage",
      prepare: async () => {
        const s = await story("PUBLISHED");
        return { args: [{ articleId: s.id }], article: s.ref };
      },
    },
    liveCase("updateCoverageAction", "live.manage", (live) => [{ articleId: live.id, expectedVersion: live.coverageVersion, status: "LIVE" }]),
    liveCase("postEntryAction", "live.post", (live) => [{ articleId: live.id, body: { type: "doc", content: [m.articleInput.paragraph("Another entry.")] } }]),
    liveCase("postScoreAction", "live.post", (live) => [{ articleId: live.id, homeScore: 1, awayScore: 0 }]),
    liveCase(
      "editEntryAction",
      "live.editEntry",
      (live) => [{ entryId: live.entry.id, expectedVersion: live.entry.version, postedAt: new Date().toISOString(), body: { type: "doc", content: [m.articleInput.paragraph("Edited.")] } }],
      (live) => live.entryRef,
    ),
    liveCase(
      "deleteEntryAction",
      "live.editEntry",
      (live) => [{ entryId: live.entry.id, expectedVersion: live.entry.version }],
      (live) => live.entryRef,
    ),
    liveCase(
      "setPinnedAction",
      "live.manage",
      (live) => [{ entryId: live.entry.id, expectedVersion: live.entry.version, value: true }],
      (live) => live.entryRef,
    ),
    liveCase(
      "setKeyEventAction",
      "live.editEntry",
      (live) => [{ entryId: live.entry.id, expectedVersion: live.entry.version, value: true }],
      (live) => live.entryRef,
    ),
    // Also needs article.create, which every role that may post to live coverage has.
    liveCase("promoteEntryAction", "live.post", (live) => [{ entryId: live.entry.id, expectedVersion: live.entry.version }]),
    ...sportsCases(),
    ...newsletterCases(),
    ...editionCases(),
    // Last: it ends the caller's own sessions, which every case after it would need.
    { name: "signOutEverywhereAction", action: "sign-out/signOutEverywhereAction", permission: "newsroom.enter", prepare: async () => ({ args: [] }) },
  ];
}

// Refused variants first (they must change nothing), then the same-Origin call, which the
// permission table decides. Each caller gets freshly prepared records. The foreign post with a
// subrequest header (trying to skip the proxy that refuses it) takes each header value in turn.
async function runActionCase(testCase: ActionCase, caller: Caller, turn: number): Promise<void> {
  const target = actionIds.get(testCase.action);
  if (!target) return void tally.mismatches.push(`${testCase.action}: not in the server reference manifest`);
  const prepared = await testCase.prepare();
  const before = dump();
  const subrequest = SUBREQUEST_HEADERS[turn % SUBREQUEST_HEADERS.length];
  const crossSite: Variant[] = [
    { name: "foreign Origin", origin: FOREIGN },
    { name: "Origin: null", origin: "null" },
    { name: `foreign Origin + x-middleware-subrequest ${subrequest.split(":")[0]}`, origin: FOREIGN, subrequest },
  ];
  for (const variant of crossSite) {
    const answer = await callAction(target, prepared.args, caller, variant);
    check(`${testCase.name} as ${caller}, ${variant.name}`, expectedAction(testCase, prepared, caller, variant), describeAnswer(answer), answer.message ?? answer.error);
  }
  check(`${testCase.name} as ${caller}: tables changed by cross-site calls`, "[]", JSON.stringify(changedSince(before)));
  const same = { name: "same Origin", origin: sameOrigin() };
  const expected = expectedAction(testCase, prepared, caller, same);
  const answer = await callAction(target, prepared.args, caller, same);
  check(`${testCase.name} as ${caller}, same Origin`, expected, describeAnswer(answer), answer.message ?? answer.error);
  if (expected !== "ok" && expected !== "redirect to story") check(`${testCase.name} as ${caller}: tables changed by the refused call`, "[]", JSON.stringify(changedSince(before)));
}

// ---------------------------------------------------------------------------------------------

let ACTION_CASES: ActionCase[] = [];

beforeAll(async () => {
  database = await createSqliteDatabase("hostile-permissions");
  const env = { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir, PRESSBOX_SCHEDULER: "off" };
  Object.assign(process.env, { ...env, NEXTAUTH_SECRET: SERVER_SECRET });
  m = await loadModules();
  smtp = await startTestSmtp();
  // Every sign-up of the matrix comes from this machine's address: the per-IP limit is not under test here.
  const serverEnv = { ...env, AUTH_SECRET: SERVER_SECRET, NEXTAUTH_SECRET: SERVER_SECRET, SMTP_URL: smtp.url, NEWSLETTER_SIGNUPS_PER_IP: "100000" };
  // The server boots while the demo newsroom is seeded (it reads nothing until asked).
  [server] = await Promise.all([startAppServer(serverEnv, SERVER_LOG), m.ensureDemoNewsroom()]);
  for (const role of m.permissions.ROLES) {
    const user = await m.accounts.createTestUser(role);
    users[role] = { ...user, cookie: `${m.accounts.SESSION_COOKIE}=${await m.accounts.sessionTokenFor(user.id)}`, actor: { id: user.id, role, name: user.name } };
  }
  sqlite = new Database(database.databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  const byline = await m.db.bylineProfile.findFirstOrThrow({ orderBy: { slug: "asc" } });
  const agency = await m.db.agency.findFirstOrThrow({ orderBy: { name: "asc" } });
  const tag = await m.db.tag.findFirstOrThrow({ orderBy: { slug: "asc" } });
  fixtures = {
    editorDraft: await story("DRAFT"),
    ownDraft: await story("DRAFT", "CONTRIBUTOR"),
    mediaId: await freshMedia(),
    userId: users.CONTRIBUTOR.id,
    bylineId: byline.id,
    agencyId: agency.id,
    tagId: tag.id,
    wireItemId: "",
    sports: await sportsRecords(),
    sportsEventId: await freshSportsEvent(),
    newsletterId: (await m.db.newsletter.findFirstOrThrow({ where: { isMain: true } })).id,
    editionId: "",
  };
  fixtures.editionId = (await freshEdition()).editionId;
  await m.db.agency.create({ data: { name: HELD_AGENCY, shortCredit: HELD_AGENCY, creditFormat: "{agency}", wireAutoDraft: false } });
  fixtures.wireItemId = (await wireItem("pending")).id;
  actionIds = actionTargets();
  ACTION_CASES = actionCases();
});

afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  sqlite?.close();
  await m?.db.$disconnect();
  if (database) removeDir(database.dir);
  console.log(`permissions: ${tally.calls} calls, ${tally.mismatches.length} mismatches`);
});

function pagesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? pagesUnder(full) : entry.name === "page.tsx" ? [full] : [];
  });
}

function mismatchesDuring(work: () => Promise<void>): () => Promise<void> {
  return async () => {
    const before = tally.mismatches.length;
    const started = Date.now();
    const calls = tally.calls;
    await work();
    console.log(`permissions: ${tally.calls - calls} calls in ${Date.now() - started} ms`);
    expect(tally.mismatches.slice(before)).toEqual([]);
  };
}

describe("every screen, API route and server action, called directly as each role", () => {
  it("covers every newsroom screen, API route and server action", () => {
    const pages = pagesUnder(path.join("app", "(newsroom)", "newsroom")).map((file) =>
      path
        .relative(path.join("app", "(newsroom)"), file)
        .replace(/\.tsx$/, "")
        .split(path.sep)
        .join("/"),
    );
    expect(new Set(SCREENS.map((screen) => screen.page))).toEqual(new Set(pages));
    const apiRoutes = readdirSync(path.join("app", "api"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith("route.ts"))
      .map((file) => `/api/${path.dirname(file).split(path.sep).join("/")}`);
    expect(new Set(API_CASES.map((c) => c.route))).toEqual(new Set(apiRoutes));
    expect(new Set(ACTION_CASES.map((c) => c.action))).toEqual(new Set(actionIds.keys()));
  });

  it(
    "GET every newsroom screen: sign-in, the screen, the not-allowed panel or 404, as the table says",
    mismatchesDuring(async () => {
      // The subrequest header could only matter where the proxy acts, for visitors without a session:
      // they get all three values; signed-in callers get one, to show it changes nothing for them.
      const variantsFor = (caller: Caller) => VARIANTS().filter((variant) => caller === "ANONYMOUS" || !variant.subrequest || variant.subrequest === SUBREQUEST_HEADERS[0]);
      const calls = SCREENS.flatMap((screen) => CALLERS.flatMap((caller) => variantsFor(caller).map((variant) => ({ screen, caller, variant }))));
      await inBatches(calls, 4, async ({ screen, caller, variant }) => {
        const response = await fetch(`${server.baseUrl}${screen.path()}`, { redirect: "manual", headers: headersFor(caller, variant) });
        check(`GET ${screen.path()} as ${caller}, ${variant.name}`, expectedScreen(screen, caller), await screenOutcome(response));
      });
    }),
  );

  it(
    "POST every API route: 401/403 as the table says, and never from another site",
    mismatchesDuring(async () => {
      for (const apiCase of API_CASES) {
        for (const caller of CALLERS) {
          for (const variant of VARIANTS()) {
            // What the call needs (a reader to confirm, a file to upload) is made before the snapshot.
            const init = await apiCase.call.init(caller, variant);
            const before = dump();
            const response = await fetch(`${server.baseUrl}${apiCase.call.path}`, { ...init, redirect: "manual" });
            const expected = apiCase.expected(caller, variant);
            const actual = apiCase.outcome(response);
            check(`POST ${apiCase.call.path} as ${caller}, ${variant.name}`, expected, actual);
            // A refused upload, notice or cross-site sign-in leaves no trace, not even a sign-in attempt.
            if (/^4/.test(expected)) check(`POST ${apiCase.call.path} as ${caller}, ${variant.name}: tables changed`, "[]", JSON.stringify(changedSince(before)));
          }
        }
      }
    }),
  );

  it(
    "every server action over HTTP: refused from another site, decided by the table from this one",
    mismatchesDuring(async () => {
      // POST /api/auth/signout above ended each caller's session on the server: sign in afresh.
      for (const role of m.permissions.ROLES) users[role].cookie = `${m.accounts.SESSION_COOKIE}=${await m.accounts.sessionTokenFor(users[role].id)}`;
      let turn = 0;
      for (const testCase of ACTION_CASES) {
        for (const caller of CALLERS) await runActionCase(testCase, caller, (turn += 1));
      }
    }),
  );
});
