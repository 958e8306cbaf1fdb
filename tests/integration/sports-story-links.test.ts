// Stories tagged with teams, athletes and events, like tags, on a real database: saved in order on a
// draft, kept through publishing, the working copy of a live story (readers see the old links until
// "Update live story"), restoring a revision (an old revision without links restores none), an
// unknown id refused with nothing written, the pages of old and new links refreshed; and the
// editor's related-story suggestions ranked by shared events, athletes, teams and tags, newest first
// among equal scores, never a draft, an embargoed story or the story itself.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db";
import { toFailure } from "../../lib/action-result";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { publishArticle } from "../../lib/articles/workflow";
import { updateLiveStory } from "../../lib/articles/publish/update-live";
import { restoreRevision } from "../../lib/articles/history/history";
import { readSnapshot } from "../../lib/articles/history/snapshot";
import { loadArticlePage } from "../../lib/articles/page/article-page";
import { suggestRelated } from "../../lib/articles/related-suggestions";
import { searchSportsLinks } from "../../lib/articles/sports-links";
import { cached } from "../../lib/cache/tagged-cache";
import { cacheTags } from "../../lib/cache/tags";
import type { ArticleInput } from "../../lib/articles/schema";
import type { Actor } from "../../lib/permissions";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";
import { currentInput, paragraph } from "../fixtures/article-input";

const run = uniqueSuffix();
let editor: Actor;
let contributor: Actor;
let section: { id: string };
let profile: { id: string };
let photo: { id: string };
let teams: string[];
let athletes: string[];
let events: string[];

// Teams, athletes and events of this run's own (each describe its own, so their stories do not meet).
async function createRecords(prefix: string) {
  const made = { teams: [] as string[], athletes: [] as string[], events: [] as string[] };
  for (let i = 0; i < 4; i++) {
    made.teams.push((await db.team.create({ data: { name: `${prefix} Club ${i} ${run}`, nameKey: `${prefix} club ${i} ${run}`.toLowerCase(), slug: `${prefix}-club-${i}-${run}`.toLowerCase() } })).id);
    made.athletes.push((await db.athlete.create({ data: { name: `${prefix} Runner ${i} ${run}`, nameKey: `${prefix} runner ${i} ${run}`.toLowerCase(), country: "NOR" } })).id);
    made.events.push((await db.sportsEvent.create({ data: { identity: `${prefix}-${i}-${run}`, name: `${prefix} Final ${i} ${run}` } })).id);
  }
  return made;
}

beforeAll(async () => {
  await ensureDemoNewsroom();
  [editor, contributor] = await Promise.all([createStaff("EDITOR", "Links Editor"), createStaff("CONTRIBUTOR", "Links Contributor")]);
  section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  profile = await db.bylineProfile.findFirstOrThrow();
  photo = await db.media.findFirstOrThrow({ where: { altText: { not: "" }, agencyId: { not: null } } });
  ({ teams, athletes, events } = await createRecords("Links"));
});

const statusOf = (work: Promise<unknown>) =>
  work.then(
    () => 200,
    (error: unknown) => toFailure(error).status,
  );

type Links = Pick<ArticleInput, "teamIds" | "athleteIds" | "eventIds">;

async function save(id: string, changes: Partial<ArticleInput>, actor: Actor = editor) {
  const { version, article } = await currentInput(id);
  return saveArticle(actor, { articleId: id, expectedVersion: version, article: { ...article, ...changes } });
}

// A draft the publish gate accepts, with the links given.
async function readyDraft(links: Partial<Links>) {
  const { id } = await createArticle(editor, { headline: "Draft" });
  await save(id, {
    headline: `Relay gold ${run}`,
    standfirst: "Norway won the mixed relay.",
    sectionId: section.id,
    bylines: [{ profileId: profile.id, role: "REPORTER" }],
    hero: { mediaId: photo.id, caption: "On the podium." },
    body: { type: "doc", content: [paragraph("Norway won.")] },
    ...links,
  });
  return id;
}

async function storedLinks(articleId: string): Promise<Links> {
  const [t, a, e] = await Promise.all([
    db.articleTeam.findMany({ where: { articleId }, orderBy: { position: "asc" } }),
    db.articleAthlete.findMany({ where: { articleId }, orderBy: { position: "asc" } }),
    db.articleSportsEvent.findMany({ where: { articleId }, orderBy: { position: "asc" } }),
  ]);
  return { teamIds: t.map((r) => r.teamId), athleteIds: a.map((r) => r.athleteId), eventIds: e.map((r) => r.eventId) };
}

async function publish(id: string) {
  const { version } = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return publishArticle(editor, { articleId: id, expectedVersion: version });
}

async function updateLive(id: string) {
  const { version } = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return updateLiveStory(editor, { articleId: id, expectedVersion: version });
}

// A cached page carrying `tag`, and whether it is still cached.
async function warm(tag: string) {
  await cached(`links-page:${tag}`, async () => ({ value: tag, tags: [tag] }));
}
async function isCached(tag: string): Promise<boolean> {
  const load = vi.fn(async () => ({ value: "reloaded", tags: [tag] }));
  await cached(`links-page:${tag}`, load);
  return load.mock.calls.length === 0;
}

describe("a story's teams, athletes and events", () => {
  it("are saved with a draft in the editor's order and read back in its snapshot", async () => {
    const links = { teamIds: [teams[1], teams[0]], athleteIds: [athletes[2]], eventIds: [events[0], events[1]] };
    const id = await readyDraft(links);
    expect(await storedLinks(id)).toEqual(links);
    expect(await db.$transaction((tx) => readSnapshot(tx, id))).toMatchObject(links);
  });

  it("refuses an id that is not a team, athlete or event with 422, and writes nothing", async () => {
    const id = await readyDraft({ teamIds: [teams[0]] });
    const before = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true, _count: { select: { revisions: true } } } });
    const ghost = `c${"0".repeat(24)}`;
    for (const changes of [{ teamIds: [teams[1], ghost] }, { athleteIds: [ghost] }, { eventIds: [ghost] }, { teamIds: [teams[1], teams[1]] }]) {
      expect(await statusOf(save(id, { ...changes, headline: "Changed" })), JSON.stringify(changes)).toBe(422);
    }
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { version: true, headline: true, _count: { select: { revisions: true } } } })).toMatchObject({ ...before, headline: `Relay gold ${run}` });
    expect((await storedLinks(id)).teamIds).toEqual([teams[0]]);
  });

  it("go live with the story, change only when the live story is updated, and refresh old and new pages", async () => {
    const id = await readyDraft({ teamIds: [teams[0], teams[1]], athleteIds: [athletes[0]], eventIds: [events[0]] });
    const pages = [cacheTags.team(teams[0]), cacheTags.team(teams[1]), cacheTags.athlete(athletes[0]), cacheTags.sportsEvent(events[0])];
    for (const tag of pages) await warm(tag);
    await publish(id);
    for (const tag of pages) expect(await isCached(tag), tag).toBe(false);

    const changed = { teamIds: [teams[2], teams[0]], athleteIds: [], eventIds: [events[1]] };
    await save(id, changed);
    expect((await storedLinks(id)).teamIds).toEqual([teams[0], teams[1]]);
    expect((await currentInput(id)).article).toMatchObject(changed);

    const refreshed = [cacheTags.team(teams[1]), cacheTags.team(teams[2]), cacheTags.athlete(athletes[0]), cacheTags.sportsEvent(events[0]), cacheTags.sportsEvent(events[1])];
    for (const tag of [...refreshed, cacheTags.team(teams[3])]) await warm(tag);
    await updateLive(id);
    expect(await storedLinks(id)).toEqual(changed);
    for (const tag of refreshed) expect(await isCached(tag), tag).toBe(false);
    expect(await isCached(cacheTags.team(teams[3]))).toBe(true);

    const { slug } = await db.article.findUniqueOrThrow({ where: { id }, select: { slug: true } });
    const page = (await loadArticlePage(slug))!.page;
    expect(page.teams).toEqual([
      { id: teams[2], name: `Links Club 2 ${run}`, slug: `links-club-2-${run}` },
      { id: teams[0], name: `Links Club 0 ${run}`, slug: `links-club-0-${run}` },
    ]);
    expect(page.athletes).toEqual([]);
    expect(page.events).toEqual([{ id: events[1], name: `Links Final 1 ${run}` }]);
  });

  it("come back with a restored revision; a revision kept before stories had links restores none", async () => {
    const id = await readyDraft({ teamIds: [teams[0]], eventIds: [events[2]] });
    const first = await db.revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { articleVersion: "desc" } });
    await save(id, { teamIds: [teams[3]], eventIds: [] });
    const restore = async (revisionId: string) => {
      const { version } = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } });
      return restoreRevision(editor, { articleId: id, revisionId, expectedVersion: version });
    };
    await restore(first.id);
    expect(await storedLinks(id)).toEqual({ teamIds: [teams[0]], athleteIds: [], eventIds: [events[2]] });

    const { teamIds: _t, athleteIds: _a, eventIds: _e, ...old } = first.snapshot as Record<string, unknown>;
    const legacy = await db.revision.create({ data: { articleId: id, articleVersion: first.articleVersion, authorId: editor.id, kind: "SAVE", snapshot: { ...old, headline: "Before links" } } });
    await restore(legacy.id);
    expect(await storedLinks(id)).toEqual({ teamIds: [], athleteIds: [], eventIds: [] });
    expect((await currentInput(id)).article.headline).toBe("Before links");
  });
});

describe("the Teams, Athletes and Events pickers", () => {
  it("find records by name, whatever the case, and refuse a bad kind or a signed-out caller", async () => {
    expect(await searchSportsLinks(contributor, { kind: "team", q: `LINKS CLUB 3 ${run}` })).toEqual([{ id: teams[3], label: `Links Club 3 ${run}` }]);
    expect(await searchSportsLinks(editor, { kind: "athlete", q: `runner 1 ${run}` })).toEqual([{ id: athletes[1], label: `Links Runner 1 ${run} (NOR)` }]);
    expect(await searchSportsLinks(editor, { kind: "event", q: `Links Final 2 ${run}` })).toEqual([{ id: events[2], label: `Links Final 2 ${run}` }]);
    // A match without a name of its own is known by its sides and its day, and found by a side's name.
    const match = await db.sportsEvent.create({
      data: {
        identity: `links-match-${run}`,
        startsAt: new Date("2026-02-10T18:30:00Z"),
        participants: {
          create: [
            { teamId: teams[3], side: "HOME", position: 0 },
            { teamId: teams[2], side: "AWAY", position: 1 },
          ],
        },
      },
    });
    expect(await searchSportsLinks(editor, { kind: "event", q: `club 3 ${run}` })).toEqual([{ id: match.id, label: `Links Club 3 ${run} v Links Club 2 ${run}, 2026-02-10` }]);
    expect(await statusOf(searchSportsLinks(editor, { kind: "venue", q: "x" }))).toBe(422);
    expect(await statusOf(searchSportsLinks(null, { kind: "team", q: "x" }))).toBe(401);
  });
});

describe("related-story suggestions", () => {
  const HOUR = 3_600_000;
  let tagId: string;
  let tagName: string;
  const made: Record<string, string> = {};
  let own: Awaited<ReturnType<typeof createRecords>>;

  // A story written straight to the database with the links given, published `hoursAgo`.
  async function story(name: string, links: Partial<Links> & { tag?: boolean }, options: { hoursAgo?: number; status?: "PUBLISHED" | "DRAFT"; embargoed?: boolean } = {}) {
    const publishedAt = new Date(Date.now() - (options.hoursAgo ?? 1) * HOUR);
    const created = await db.article.create({
      data: {
        slug: `links-${name}-${run}`,
        headline: `${name} ${run}`,
        sectionId: section.id,
        status: options.status ?? "PUBLISHED",
        publishedAt: options.status === "DRAFT" ? null : publishedAt,
        embargoUntil: options.embargoed ? new Date(Date.now() + 24 * HOUR) : null,
        body: { type: "doc", content: [paragraph("Text.")] },
        teams: { create: (links.teamIds ?? []).map((teamId, position) => ({ teamId, position })) },
        athletes: { create: (links.athleteIds ?? []).map((athleteId, position) => ({ athleteId, position })) },
        sportsEvents: { create: (links.eventIds ?? []).map((eventId, position) => ({ eventId, position })) },
        tags: { create: links.tag ? [{ tagId, position: 0 }] : [] },
      },
    });
    made[created.id] = name;
    return created.id;
  }

  beforeAll(async () => {
    own = await createRecords("Suggest");
    const { teams, athletes, events } = own;
    tagName = `Links Relay ${run}`;
    tagId = (await db.tag.create({ data: { name: tagName, slug: `links-relay-${run}` } })).id;
    await story("event-only", { eventIds: [events[3]] }, { hoursAgo: 30 }); // 4
    await story("two-teams-and-tag", { teamIds: [teams[0], teams[1]], tag: true }, { hoursAgo: 20 }); // 5
    await story("athlete-old", { athleteIds: [athletes[3]] }, { hoursAgo: 10 }); // 3
    await story("athlete-new", { athleteIds: [athletes[3]] }, { hoursAgo: 2 }); // 3
    await story("team-and-tag", { teamIds: [teams[1]], tag: true }, { hoursAgo: 5 }); // 3
    await story("tag-only", { tag: true }, { hoursAgo: 1 }); // 1
    await story("everything-draft", { eventIds: [events[3]], athleteIds: [athletes[3]], teamIds: [teams[0]] }, { status: "DRAFT" });
    await story("everything-embargoed", { eventIds: [events[3]], athleteIds: [athletes[3]], teamIds: [teams[0]] }, { embargoed: true });
    await story("unrelated", { teamIds: [teams[2]] });
  });

  it("ranks published stories by shared events (4), athletes (3), teams (2) and tags (1), newest first among equals, with the reasons", async () => {
    const { teams, athletes, events } = own;
    const self = await story("self", { eventIds: [events[3]], athleteIds: [athletes[3]], teamIds: [teams[0], teams[1]], tag: true }, { status: "DRAFT" });
    const draft = { eventIds: [events[3]], athleteIds: [athletes[3]], teamIds: [teams[0], teams[1]], tagNames: [tagName.toUpperCase()] };
    const suggestions = await suggestRelated(editor, self, draft);
    expect(suggestions.map((s) => [made[s.id], s.score, s.reasons])).toEqual([
      ["two-teams-and-tag", 5, "2 shared teams, 1 tag"],
      ["event-only", 4, "1 shared event"],
      ["athlete-new", 3, "1 shared athlete"],
      ["team-and-tag", 3, "1 shared team, 1 tag"],
      ["athlete-old", 3, "1 shared athlete"],
      ["tag-only", 1, "1 tag"],
    ]);
    expect(suggestions[0]).toMatchObject({ headline: `two-teams-and-tag ${run}`, shared: { events: 0, athletes: 0, teams: 2, tags: 1 } });
  });

  it("suggests nothing for a story with no links, and refuses bad ids, an unknown story and a contributor on another's story", async () => {
    const { teams } = own;
    const self = await story("self-empty", {}, { status: "DRAFT" });
    expect(await suggestRelated(editor, self, {})).toEqual([]);
    expect(await statusOf(suggestRelated(editor, self, { teamIds: ["' OR 1=1 --"] }))).toBe(422);
    expect(await statusOf(suggestRelated(editor, self, { teamIds: Array.from({ length: 21 }, () => teams[0]) }))).toBe(422);
    expect(await statusOf(suggestRelated(editor, `c${"9".repeat(24)}`, {}))).toBe(404);
    expect(await statusOf(suggestRelated(contributor, self, { teamIds: [teams[0]] }))).toBe(403);
    expect(await statusOf(suggestRelated(null, self, {}))).toBe(401);
  });
});
