// The five sports story blocks on the public article page, against a real database (SQLite and
// PostgreSQL): each block's record loaded with one SQL statement per kind of block, whatever the
// number of blocks; the page tagged so that a corrected score, a changed table or a rebuilt medal
// table shows on the next request; and a story refers only to records that exist.
import { beforeAll, describe, expect, it, vi } from "vitest";

// Before lib/db is imported: count every statement the client sends.
vi.hoisted(() => {
  process.env.PRESSBOX_COUNT_QUERIES = "1";
});

import { db } from "../../lib/db";
import { queryCount } from "../../lib/query-count";
import { loadArticlePage } from "../../lib/articles/page/article-page";
import { invalidateTags } from "../../lib/cache/tagged-cache";
import { cacheTags } from "../../lib/cache/tags";
import { parseBody } from "../../lib/editor/validate";
import { bodyToPlainText } from "../../lib/editor/references";
import { importSportsMl } from "../../lib/sports/import";
import { afterEventsChanged } from "../../lib/sports/freshness";
import type { Actor } from "../../lib/permissions";
import type { BodyNode } from "../../lib/editor/types";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement, Fragment } from "react";
import { renderStoryBody } from "../../components/site/story/story-body";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";
import { doc, paragraph } from "../fixtures/story-body";
import { bodyJson } from "../fixtures/story-factory";
import { readSportsMlSample, type SportsMlSample } from "../fixtures/sports-samples";
import { getPublishedArticle } from "../support/published-article";
import { sideName } from "../../lib/sports/pages/views";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { MODEL_STORY_SLUG } from "../fixtures/model-story";
import { LIVE_MATCH_SLUG } from "../fixtures/demo-live";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { currentInput, newRecordId } from "../fixtures/article-input";

const run = uniqueSuffix();
let editor: Actor;
let sectionId: string;
let matchId: string;
let standingsId: string;
let seasonId: string;
let medalTableId: string;
let raceId: string;

function variant(name: SportsMlSample, tag: string): string {
  return readSportsMlSample(name, "xml")
    .replace(/(<event-metadata\b[^>]*?\bkey=")([^"]+)"/g, `$1$2:${run}:${tag}"`)
    .replace(/(<name[^>]*>)(English Barclays Premier League|German Bundesliga)(<\/name>)/g, `$1$2 ${run} ${tag}$3`);
}

const block = (type: string, attrs: Record<string, unknown>): BodyNode => ({ type, attrs });

async function createStory(slug: string, ...content: BodyNode[]) {
  const body = parseBody(doc(paragraph("Before the tables."), ...content));
  const now = new Date();
  return db.article.create({ data: { slug, sectionId, headline: `Sports blocks ${slug}`, status: "PUBLISHED", publishedAt: now, firstPublishedAt: now, body: bodyJson(body), bodyText: bodyToPlainText(body) } });
}

async function countedLoad(slug: string) {
  const before = queryCount();
  const loaded = await loadArticlePage(slug);
  return { loaded: loaded!, statements: queryCount() - before };
}

beforeAll(async () => {
  // First: the demo seeds only a newsroom with no sections.
  await ensureDemoNewsroom();
  editor = await createStaff("EDITOR", "Sports Blocks Editor");
  sectionId = (await db.section.create({ data: { name: `Sports blocks ${run}`, slug: `sports-blocks-${run}` } })).id;
  const match = await importSportsMl(editor, { text: variant("soccer-match-g2-generic", "blocks-match") });
  matchId = match.eventResults[0].id;
  const table = await importSportsMl(editor, { text: variant("soccer-standings-g2-specific", "blocks-table") });
  standingsId = table.standingsResults[0].id;
  seasonId = (await db.sportsEvent.findUniqueOrThrow({ where: { id: matchId } })).competitionSeasonId!;
  // A race with a shared bronze and a record, and a computed medal table for its season.
  const sport = await db.sport.create({ data: { name: `Speed skating ${run}`, nameKey: `speed skating ${run}` } });
  const competition = await db.competition.create({ data: { name: `Winter Games ${run}`, nameKey: `winter games ${run}`, sportId: sport.id } });
  const games = await db.competitionSeason.create({ data: { competitionId: competition.id, name: "2026" } });
  const skaters = await Promise.all(
    [
      ["Jordan Stolz", "USA"],
      ["Ning Zhongyan", "CHN"],
      ["Jenning de Boo", "NED"],
      ["Laurent Dubreuil", "CAN"],
    ].map(([name, country]) => db.athlete.create({ data: { name, nameKey: name.toLowerCase(), country, sportId: sport.id } })),
  );
  const race = await db.sportsEvent.create({
    data: {
      identity: `race:${run}`,
      name: "Men's 1000 m",
      sportId: sport.id,
      competitionSeasonId: games.id,
      status: "FINAL",
      medalEvent: true,
      startsAt: new Date("2026-02-11T16:00:00Z"),
      participants: {
        create: [
          { athleteId: skaters[0].id, position: 0, rank: 1, mark: "1:06.28", record: "OR" },
          { athleteId: skaters[1].id, position: 1, rank: 2, mark: "1:07.34" },
          { athleteId: skaters[2].id, position: 2, rank: 3, mark: "1:07.40" },
          { athleteId: skaters[3].id, position: 3, rank: 3, mark: "1:07.40" },
        ],
      },
    },
  });
  raceId = race.id;
  medalTableId = (await db.medalTable.create({ data: { competitionSeasonId: games.id, computed: true } })).id;
  await db.$transaction((tx) => afterEventsChanged(tx, [race.id]));
});

describe("sports blocks on the article page", () => {
  it("loads every block's record, one statement per kind however many blocks there are", async () => {
    const slug = `all-blocks-${run}`;
    const one = await createStory(`one-block-${run}`);
    await createStory(
      slug,
      block("scoreBox", { eventId: matchId }),
      block("resultsTable", { eventId: raceId, limit: 0 }),
      block("scoreBox", { eventId: raceId }),
      block("standingsTable", { standingsId, highlightStoryTeams: true }),
      block("standingsTable", { standingsId, highlightStoryTeams: false }),
      block("medalTable", { medalTableId, limit: 0 }),
      block("fixturesList", { competitionSeasonId: seasonId, direction: "last", count: 5 }),
      block("fixturesList", { competitionSeasonId: seasonId, direction: "next", count: 3 }),
    );
    const plain = await countedLoad(one.slug);
    const { loaded, statements } = await countedLoad(slug);
    // Events, standings, medal tables and fixtures: four more than a story without them.
    expect(statements - plain.statements).toBeLessThanOrEqual(4);
    const { sports } = loaded.page.records;
    const match = sports.events.get(matchId)!;
    expect(match).toMatchObject({ status: "FINAL", venue: "Villa Park", attendance: 32964, id: matchId });
    expect(match.sides.map((p) => [sideName(p), p.side, p.score])).toEqual([
      ["Aston Villa", "HOME", 0],
      ["Manchester City", "AWAY", 2],
    ]);
    expect(match.sides[1].periods.map((p) => [p.period, p.score])).toEqual([
      ["1", 0],
      ["2", 2],
    ]);
    expect(sports.standings.get(standingsId)!.rows.map((r) => r.rankLabel)).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
    expect(sports.standings.get(standingsId)!.rows[0]).toMatchObject({ team: { name: "FC Bayern München" }, played: 7, points: 21 });
    expect(sports.medalTables.get(medalTableId)!.rows.map((r) => [r.rankLabel, r.country, r.gold, r.silver, r.bronze])).toEqual([
      ["1", "USA", 1, 0, 0],
      ["2", "CHN", 0, 1, 0],
      ["=3", "CAN", 0, 0, 1],
      ["=3", "NED", 0, 0, 1],
    ]);
    const last = [...sports.fixtures.values()].find((list) => list.events.some((e) => e.id === matchId));
    expect(last?.competition).toContain("English Barclays Premier League");
    expect(loaded.tags).toEqual(
      expect.arrayContaining([cacheTags.sportsEvent(matchId), cacheTags.sportsEvent(raceId), cacheTags.standings(standingsId), cacheTags.medalTable(medalTableId), cacheTags.competitionSeason(seasonId)]),
    );
  });

  it("renders accessible tables with captions and headers, shared places and records", async () => {
    const slug = `rendered-${run}`;
    await createStory(
      slug,
      block("scoreBox", { eventId: matchId }),
      block("resultsTable", { eventId: raceId, limit: 3 }),
      block("medalTable", { medalTableId, limit: 2 }),
      block("standingsTable", { standingsId }),
    );
    const { page } = (await loadArticlePage(slug))!;
    const html = renderToStaticMarkup(createElement(Fragment, null, renderStoryBody(page.body, page.records, slug)));
    expect(html.match(/<table/g)).toHaveLength(4);
    expect(html.match(/<caption/g)).toHaveLength(4);
    expect(html).toContain("Aston Villa 0–2 Manchester City");
    expect(html).toMatch(/<th scope="row"><a href="\/teams\/[a-z0-9-]+">Manchester City<\/a><\/th>/);
    expect(html).toContain('<abbr title="Olympic record">OR</abbr>');
    // Top 3 places of the race: the shared bronze brings four rows.
    expect(html.match(/=3/g)?.length).toBeGreaterThanOrEqual(2);
    // Top 2 places of the medal table: USA and CHN only.
    const medals = html.slice(html.indexOf("medal table"));
    expect(medals.match(/<th scope="row">[A-Z]{3}<\/th>/g)).toEqual(['<th scope="row">USA</th>', '<th scope="row">CHN</th>']);
    expect(html).toContain('role="region"');
  });

  it("shows a corrected score on the story's next request, through the page cache", async () => {
    const slug = `corrected-${run}`;
    await createStory(slug, block("scoreBox", { eventId: matchId }));
    const before = await getPublishedArticle(slug);
    expect(before!.records.sports.events.get(matchId)!.sides[1].score).toBe(2);
    const city = await db.eventParticipant.findFirstOrThrow({ where: { eventId: matchId, side: "AWAY", memberOfId: null } });
    await db.eventParticipant.update({ where: { id: city.id }, data: { score: 3 } });
    // Unchanged until the writer drops the tags: the cached page is served without the database.
    expect((await getPublishedArticle(slug))!.records.sports.events.get(matchId)!.sides[1].score).toBe(2);
    invalidateTags(await db.$transaction((tx) => afterEventsChanged(tx, [matchId])));
    expect((await getPublishedArticle(slug))!.records.sports.events.get(matchId)!.sides[1].score).toBe(3);
    await db.eventParticipant.update({ where: { id: city.id }, data: { score: 2 } });
    invalidateTags(await db.$transaction((tx) => afterEventsChanged(tx, [matchId])));
  });

  it("rebuilds a computed medal table when a podium changes, and refreshes the pages showing it", async () => {
    const slug = `medals-${run}`;
    await createStory(slug, block("medalTable", { medalTableId, limit: 0 }));
    expect((await getPublishedArticle(slug))!.records.sports.medalTables.get(medalTableId)!.rows[0].country).toBe("USA");
    const fourth = await db.eventParticipant.findFirstOrThrow({ where: { eventId: raceId, rank: 3, mark: "1:07.40", athlete: { country: "CAN" } } });
    const winner = await db.eventParticipant.findFirstOrThrow({ where: { eventId: raceId, rank: 1 } });
    // A disqualification: the winner out, Canada's skater up to gold.
    await db.eventParticipant.update({ where: { id: winner.id }, data: { rank: null, mark: "DSQ" } });
    await db.eventParticipant.update({ where: { id: fourth.id }, data: { rank: 1 } });
    invalidateTags(await db.$transaction((tx) => afterEventsChanged(tx, [raceId])));
    const rows = (await getPublishedArticle(slug))!.records.sports.medalTables.get(medalTableId)!.rows;
    expect(rows.map((r) => [r.rankLabel, r.country])).toEqual([
      ["1", "CAN"],
      ["2", "CHN"],
      ["3", "NED"],
    ]);
  });

  it("refuses to save a story whose block names a record that does not exist, or a bad option, writing nothing", async () => {
    const { id } = await createArticle(editor, {});
    const { version, article } = await currentInput(id);
    const save = (...content: BodyNode[]) => saveArticle(editor, { articleId: id, expectedVersion: version, article: { ...article, headline: `Blocks ${run}`, body: doc(paragraph("Text."), ...content) } });
    await expect(save(block("standingsTable", { standingsId: newRecordId() }))).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/standings table .* does not exist/) });
    await expect(save(block("scoreBox", { eventId: newRecordId() }))).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/sports event .* does not exist/) });
    await expect(save(block("medalTable", { medalTableId, limit: -1 }))).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/medal-table limit/) });
    await expect(save(block("fixturesList", { competitionSeasonId: seasonId, direction: "sideways", count: 5 }))).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringMatching(/fixtures direction/),
    });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(version);
    // The same blocks with real records save.
    await save(block("standingsTable", { standingsId, highlightStoryTeams: true }), block("scoreBox", { eventId: matchId }));
  });

  it("the demo newsroom: the model story's final and medal table, the live match's score, the league table", async () => {
    const model = (await getPublishedArticle(MODEL_STORY_SLUG))!;
    const blocks = (model.body.content ?? []).map((node) => node.type);
    expect(blocks).toEqual(expect.arrayContaining(["resultsTable", "medalTable"]));
    const [final] = model.records.sports.events.values();
    expect(final.name).toBe("Women's team pursuit");
    expect(final.sides.map((p) => [p.rank, sideName(p), p.mark, p.record])).toEqual([
      [1, "Canada", "2:53.44", "OR"],
      [2, "Japan", null, null],
      [3, "Netherlands", null, null],
    ]);
    const [medals] = model.records.sports.medalTables.values();
    expect(medals.rows.map((r) => [r.rankLabel, r.name])).toEqual([
      ["=1", "Canada"],
      ["=1", "Norway"],
      ["=3", "Japan"],
      ["=3", "ROC"],
      ["=5", "Netherlands"],
      ["=5", "United States"],
    ]);
    const live = (await getPublishedArticle(LIVE_MATCH_SLUG))!;
    const [match] = live.records.sports.events.values();
    expect(match.sides.map((p) => [sideName(p), p.score])).toEqual([
      ["Harbour City", 2],
      ["Northgate", 1],
    ]);
    const winner = (await getPublishedArticle("harbour-city-late-winner"))!;
    const [table] = winner.records.sports.standings.values();
    expect(table.rows).toHaveLength(20);
    expect(table.rows.slice(0, 2).map((r) => [r.rankLabel, r.team.name, r.points])).toEqual([
      ["1", "Harbour City", 70],
      ["2", "Northgate", 69],
    ]);
    // Its standings block highlights the story's teams (Harbour City, Riverside).
    expect([...winner.records.sports.storyTeamIds].sort()).toEqual(winner.teams.map((team) => team.id).sort());
    expect(winner.teams.map((team) => team.name)).toEqual(["Harbour City", "Riverside"]);
    // The live match story is about its match: the NewsArticle and LiveBlogPosting name it.
    expect(live.events).toHaveLength(1);
    expect(live.records.sports.events.get(live.events[0].id)?.venue).toBe("Quayside Ground");
    const [fixtures] = winner.records.sports.fixtures.values();
    expect(fixtures.events.map((e) => e.status)).toEqual(["SCHEDULED", "SCHEDULED", "SCHEDULED", "SCHEDULED"]);
  });
});
