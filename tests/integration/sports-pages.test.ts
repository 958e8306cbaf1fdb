// The sports reader pages on a real database (SQLite and PostgreSQL), from the shared SportsML
// samples: a team page lists its results and only its public stories; the Villa–City match page
// shows 0–2 at Villa Park before 32,964 with SportsEvent JSON-LD; a corrected score shows on the
// next load once its tags are dropped; stories and live coverage only when readers may see them; a
// Davis Cup tie with its rubbers, a relay's field in finishing order, the Bundesliga table on its
// competition page, a line-up player's page; each uncached page is one SQL statement, a cached one
// none; unknown addresses are null.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Before lib/db is imported: count every statement the client sends.
vi.hoisted(() => {
  process.env.PRESSBOX_COUNT_QUERIES = "1";
});

import { db } from "../../lib/db";
import { queryCount } from "../../lib/query-count";
import { clearCache, invalidateTags } from "../../lib/cache/tagged-cache";
import { importSportsMl } from "../../lib/sports/import";
import { afterEventsChanged } from "../../lib/sports/freshness";
import { getTeamPage } from "../../lib/sports/pages/team-page";
import { getMatchPage } from "../../lib/sports/pages/match-page";
import { getAthletePage } from "../../lib/sports/pages/athlete-page";
import { getCompetitionPage } from "../../lib/sports/pages/competition-page";
import { sportsEventJsonLd } from "../../lib/sports/json-ld";
import type { Actor } from "../../lib/permissions";
import { MatchPageView } from "../../components/site/sports/match-page-view";
import { TeamPageView } from "../../components/site/sports/team-page-view";
import { CompetitionPageView } from "../../components/site/sports/competition-page-view";
import { AthletePageView } from "../../components/site/sports/athlete-page-view";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";
import { readSportsMlSample, type SportsMlSample } from "../fixtures/sports-samples";

const run = uniqueSuffix();
let editor: Actor;
let section: { id: string; slug: string };
let matchId: string;
let villa: { id: string; slug: string };
let city: { id: string; slug: string };

// A sample whose event keys and competition names are this file's own.
function variant(name: SportsMlSample, tag: string): string {
  return readSportsMlSample(name, "xml")
    .replace(/(<event-metadata\b[^>]*?\bkey=")([^"]+)"/g, `$1$2:${run}:${tag}"`)
    .replace(/(<name[^>]*>)(English Barclays Premier League|German Bundesliga|Davis Cup)(<\/name>)/g, `$1$2 ${run} ${tag}$3`);
}

async function importSample(name: SportsMlSample, tag: string) {
  return importSportsMl(editor, { text: variant(name, tag), fileName: `${name}.xml` });
}

async function createStory(label: string, status: "PUBLISHED" | "DRAFT", publishedAt: Date | null) {
  return db.article.create({
    data: {
      slug: `sports-page-${run}-${label}`,
      headline: `Sports page story ${label} ${run}`,
      kicker: "Football",
      standfirst: `Standfirst ${label}`,
      sectionId: section.id,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Body." }] }] },
      bodyText: "Body.",
      status,
      publishedAt,
      firstPublishedAt: publishedAt,
    },
    select: { id: true, slug: true, headline: true },
  });
}

beforeAll(async () => {
  editor = await createStaff("EDITOR", "Sports Pages Editor");
  section = await db.section.create({ data: { name: `Sports pages ${run}`, slug: `sports-pages-${run}`, position: 97 }, select: { id: true, slug: true } });
  const report = await importSample("soccer-match-g2-generic", "villa");
  matchId = report.eventResults[0].id;
  const sides = await db.eventParticipant.findMany({ where: { eventId: matchId, memberOfId: null }, orderBy: { position: "asc" }, select: { team: { select: { id: true, slug: true } } } });
  [villa, city] = sides.map((side) => ({ id: side.team!.id, slug: side.team!.slug! }));
});

describe("the team page", () => {
  it("shows the team, its result against City and only its published stories, newest first", async () => {
    const older = await createStory("older", "PUBLISHED", new Date("2024-05-01T10:00:00.000Z"));
    const newer = await createStory("newer", "PUBLISHED", new Date("2024-05-02T10:00:00.000Z"));
    const draft = await createStory("draft", "DRAFT", null);
    await db.articleTeam.createMany({ data: [older, newer, draft].map((story) => ({ articleId: story.id, teamId: villa.id })) });
    await db.articleSportsEvent.createMany({ data: [newer, draft].map((story) => ({ articleId: story.id, eventId: matchId })) });
    invalidateTags([`team:${villa.id}`, `sports-event:${matchId}`]);
    const page = await getTeamPage(villa.slug);
    expect(page?.team).toMatchObject({ id: villa.id, name: "Aston Villa" });
    expect(page!.stories.stories.map((story) => story.id)).toEqual([newer.id, older.id]);
    expect(page!.stories.total).toBe(2);
    const result = page!.results.find((event) => event.id === matchId);
    expect(result?.sides.map((side) => [side.team?.name, side.score])).toEqual([
      ["Aston Villa", 0],
      ["Manchester City", 2],
    ]);
    const html = renderToStaticMarkup(createElement(TeamPageView, { page: page! }));
    expect(html).toContain(`href="/matches/${matchId}"`);
    expect(html).not.toContain(draft.headline);
  });
});

describe("the match page", () => {
  it("Aston Villa v Manchester City: 0–2, final, at Villa Park before 32,964, with line-ups", async () => {
    const page = await getMatchPage(matchId);
    expect(page).toMatchObject({ status: "FINAL", venue: "Villa Park", attendance: 32964 });
    expect(page!.sides.map((side) => [side.team?.name, side.side, side.score])).toEqual([
      ["Aston Villa", "HOME", 0],
      ["Manchester City", "AWAY", 2],
    ]);
    expect(page!.sides[1].periods.map((period) => [period.period, period.score])).toEqual([
      ["1", 0],
      ["2", 2],
    ]);
    expect(page!.sides[0].members).toHaveLength(18);
    const html = renderToStaticMarkup(createElement(MatchPageView, { page: page! }));
    expect(html).toContain("Villa Park");
    expect(html).toContain("32,964");
    expect(html).toContain("application/ld+json");
  });

  it("carries SportsEvent JSON-LD with the home and away teams, the place and the status", async () => {
    const page = await getMatchPage(matchId);
    expect(sportsEventJsonLd(page!)).toMatchObject({
      "@type": "SportsEvent",
      name: "Aston Villa v Manchester City",
      sport: "Soccer",
      startDate: "2014-10-04T16:30:00.000Z",
      location: { "@type": "Place", name: "Villa Park" },
      homeTeam: { "@type": "SportsTeam", name: "Aston Villa" },
      awayTeam: { "@type": "SportsTeam", name: "Manchester City" },
      eventStatus: "https://schema.org/EventScheduled",
    });
  });

  it("shows a corrected score on the next load once the event's tags are dropped", async () => {
    expect((await getMatchPage(matchId))!.sides[0].score).toBe(0);
    const tags = await db.$transaction(async (tx) => {
      const home = await tx.eventParticipant.findFirstOrThrow({ where: { eventId: matchId, teamId: villa.id, memberOfId: null } });
      await tx.eventParticipant.update({ where: { id: home.id }, data: { score: 1 } });
      return afterEventsChanged(tx, [matchId]);
    });
    invalidateTags(tags);
    expect((await getMatchPage(matchId))!.sides.map((side) => side.score)).toEqual([1, 2]);
    const team = await getTeamPage(city.slug);
    expect(team!.results.find((event) => event.id === matchId)?.sides.map((side) => side.score)).toEqual([1, 2]);
  });
});

describe("unknown addresses", () => {
  it("answer null for a slug or id nothing has", async () => {
    expect(await getTeamPage(`no-such-team-${run}`)).toBeNull();
    expect(await getAthletePage(`no-such-athlete-${run}`)).toBeNull();
    expect(await getCompetitionPage(`no-such-competition-${run}`)).toBeNull();
    expect(await getMatchPage(`no-such-match-${run}`)).toBeNull();
  });
});

async function statementsOf<T>(load: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const before = queryCount();
  const value = await load();
  return { value, statements: queryCount() - before };
}

describe("stories and live coverage on the match page", () => {
  it("lists the published story about the match and its public live coverage, and a draft's once it is published", async () => {
    const report = await importSample("soccer-match-g2-generic", "coverage");
    const id = report.eventResults[0].id;
    const story = await createStory("coverage-story", "PUBLISHED", new Date("2024-06-01T10:00:00.000Z"));
    const live = await createStory("coverage-live", "PUBLISHED", new Date("2024-06-01T11:00:00.000Z"));
    const draftLive = await createStory("coverage-draft-live", "DRAFT", null);
    await db.articleSportsEvent.create({ data: { articleId: story.id, eventId: id } });
    for (const article of [live, draftLive]) await db.liveCoverage.create({ data: { articleId: article.id, keyPoints: [], status: "LIVE", sportsEventId: id } });
    const page = await getMatchPage(id);
    expect(page!.stories.stories.map((card) => card.id)).toEqual([story.id]);
    expect(page!.live).toEqual([{ href: `/${section.slug}/${live.slug}`, headline: live.headline, status: "LIVE" }]);
    const html = renderToStaticMarkup(createElement(MatchPageView, { page: page! }));
    expect(html).toContain(`href="/${section.slug}/${live.slug}"`);
    expect(html).not.toContain(draftLive.headline);
    await db.article.update({ where: { id: draftLive.id }, data: { status: "PUBLISHED", publishedAt: new Date("2024-06-01T12:00:00.000Z") } });
    // What publishing drops for the story (lib/cache/invalidate.ts): its own tag among others.
    invalidateTags([`article:${draftLive.id}`]);
    expect((await getMatchPage(id))!.live.map((link) => link.headline)).toEqual([draftLive.headline, live.headline]);
  });
});

describe("other sports", () => {
  it("a Davis Cup tie lists its five rubbers, and a rubber links back to its tie", async () => {
    const report = await importSample("tennis_davis_cup_tournament", "davis");
    const ties = await db.sportsEvent.findMany({ where: { id: { in: report.eventResults.map((e) => e.id) }, parentId: null, position: 1 } });
    const tie = await getMatchPage(ties[0].id);
    expect(tie!.sides.map((side) => [side.team?.name, side.score])).toEqual([
      ["Serbia", 2],
      ["Argentina", 3],
    ]);
    expect(tie!.subEvents).toHaveLength(5);
    const rubber = await getMatchPage(tie!.subEvents[0].id);
    expect(rubber!.parent?.id).toBe(tie!.id);
    // Two players without home and away: "A v B", and JSON-LD competitors rather than teams.
    const [first, second] = rubber!.sides.map((side) => side.athlete!.name);
    expect(sportsEventJsonLd(rubber!)).toMatchObject({
      name: `${first} v ${second}`,
      competitor: [
        { "@type": "Person", name: first },
        { "@type": "Person", name: second },
      ],
    });
    const html = renderToStaticMarkup(createElement(MatchPageView, { page: tie! }));
    for (const sub of tie!.subEvents) expect(html).toContain(`href="/matches/${sub.id}"`);
  });

  it("a relay's field shows in finishing order with marks, and its JSON-LD names competitors", async () => {
    const report = await importSample("biathlon_mixedrelay_g2", "relay");
    const page = await getMatchPage(report.eventResults[0].id);
    const html = renderToStaticMarkup(createElement(MatchPageView, { page: page! }));
    expect(html.indexOf("France")).toBeLessThan(html.indexOf("Norway"));
    expect(html).toContain("1.15.05,5");
    const data = sportsEventJsonLd(page!);
    expect(data).not.toHaveProperty("homeTeam");
    expect((data as { competitor: { name: string }[] }).competitor.map((c) => c.name)).toEqual(expect.arrayContaining(["France", "Norway"]));
  });
});

describe("the competition page", () => {
  it("shows the latest Bundesliga table, 18 rows in rank order; an unknown season is null", async () => {
    const report = await importSample("soccer-standings-g2-specific", "table");
    const standings = await db.standings.findUniqueOrThrow({ where: { id: report.standingsResults[0].id }, select: { competitionSeason: { select: { name: true, competition: { select: { slug: true } } } } } });
    const slug = standings.competitionSeason.competition.slug!;
    const page = await getCompetitionPage(slug);
    expect(page!.season?.name).toBe(standings.competitionSeason.name);
    expect(page!.standings).toHaveLength(1);
    expect(page!.standings[0].rows.map((row) => row.rank)).toEqual(Array.from({ length: 18 }, (_, index) => index + 1));
    expect(page!.standings[0].rows[0]).toMatchObject({ played: 7, won: 7, points: 21, team: { name: "FC Bayern München" } });
    expect(await getCompetitionPage(slug, standings.competitionSeason.name)).toMatchObject({ season: { name: standings.competitionSeason.name } });
    expect(await getCompetitionPage(slug, "no such season")).toBeNull();
    const html = renderToStaticMarkup(createElement(CompetitionPageView, { page: page! }));
    expect(html).toContain("<caption>");
    expect(html).toContain('role="region"');
    expect(html).toContain('tabindex="0"');
  });

  it("lists the Villa–City result in its season, and the published story about it", async () => {
    const match = await db.sportsEvent.findUniqueOrThrow({ where: { id: matchId }, select: { competitionSeason: { select: { competition: { select: { slug: true } } } } } });
    const page = await getCompetitionPage(match.competitionSeason!.competition.slug!);
    expect(page!.results.map((event) => event.id)).toContain(matchId);
    const about = await db.articleSportsEvent.findMany({ where: { eventId: matchId, article: { status: "PUBLISHED" } }, select: { articleId: true } });
    expect(page!.stories.stories.map((story) => story.id).sort()).toEqual(about.map((row) => row.articleId).sort());
    expect(about.length).toBeGreaterThan(0);
  });
});

describe("the medal table on a competition page", () => {
  it("ranks an entered medal table by gold, silver, bronze, equal countries sharing a rank", async () => {
    const competition = await db.competition.create({
      data: { name: `Winter Games ${run}`, nameKey: `winter games ${run}`, slug: `winter-games-${run}`, seasons: { create: [{ name: "Milano Cortina 2026" }] } },
      select: { slug: true, seasons: { select: { id: true } } },
    });
    const rows = [
      { country: "NOR", name: "Norway", gold: 3, silver: 1, bronze: 0 },
      { country: "CAN", name: "Canada", gold: 1, silver: 2, bronze: 1 },
      { country: "JPN", name: "Japan", gold: 1, silver: 2, bronze: 1 },
      { country: "ITA", name: "Italy", gold: 0, silver: 0, bronze: 2 },
    ];
    await db.medalTable.create({ data: { competitionSeasonId: competition.seasons[0].id, rows: { create: rows } } });
    const page = await getCompetitionPage(competition.slug!, "Milano Cortina 2026");
    expect(page!.medalTable!.rows.map((row) => [row.name, row.rankLabel])).toEqual([
      ["Norway", "1"],
      ["Canada", "=2"],
      ["Japan", "=2"],
      ["Italy", "4"],
    ]);
    const html = renderToStaticMarkup(createElement(CompetitionPageView, { page: page! }));
    expect(html).toContain("Winter Games");
    expect(html).toContain("<caption>Winter Games");
  });
});

describe("the athlete page", () => {
  it("a player in City's line-up: team, and the match with City's result", async () => {
    const hart = await db.athlete.findFirstOrThrow({ where: { name: "Joe Hart", participants: { some: { eventId: matchId } } }, select: { slug: true } });
    const page = await getAthletePage(hart.slug!);
    expect(page!.athlete.name).toBe("Joe Hart");
    const result = page!.results.find((entry) => entry.event.id === matchId);
    expect(result?.memberOf?.team?.id).toBe(city.id);
    const html = renderToStaticMarkup(createElement(AthletePageView, { page: page! }));
    expect(html).toContain(`href="/matches/${matchId}"`);
  });

  it("shows the athlete's photo with its credit, and a corrected credit on the next load", async () => {
    const athlete = await db.athlete.findFirstOrThrow({ where: { name: "Joe Hart", participants: { some: { eventId: matchId } } }, select: { id: true, slug: true } });
    const key = `athlete-photo-${run}`;
    const media = await db.media.create({
      data: { storageKey: `o/${key}.jpg`, originalName: `${key}.jpg`, mimeType: "image/jpeg", width: 800, height: 1000, bytes: 1000, sha256: key, altText: "Joe Hart in goal", creditOverride: "Ann Lens" },
    });
    await db.athlete.update({ where: { id: athlete.id }, data: { photoId: media.id } });
    invalidateTags([`athlete:${athlete.id}`]);
    const page = await getAthletePage(athlete.slug!);
    expect(page!.photo).toMatchObject({ id: media.id, altText: "Joe Hart in goal", credit: { short: "Image: Ann Lens" } });
    expect(renderToStaticMarkup(createElement(AthletePageView, { page: page! }))).toContain("Image: Ann Lens");
    await db.media.update({ where: { id: media.id }, data: { creditOverride: "Ann Lens/Agency" } });
    // What a credit fix drops (the picture's own tag).
    invalidateTags([`media:${media.id}`]);
    expect((await getAthletePage(athlete.slug!))!.photo?.credit?.short).toBe("Image: Ann Lens/Agency");
  });

  it("lists the published stories tagged with the athlete (not a draft, not one under embargo), and the draft once it is published", async () => {
    const athlete = await db.athlete.findFirstOrThrow({ where: { name: "Joe Hart", participants: { some: { eventId: matchId } } }, select: { id: true, slug: true } });
    const story = await createStory("athlete-story", "PUBLISHED", new Date("2024-07-01T10:00:00.000Z"));
    const draft = await createStory("athlete-draft", "DRAFT", null);
    const embargoed = await createStory("athlete-embargoed", "PUBLISHED", new Date("2024-07-03T10:00:00.000Z"));
    await db.article.update({ where: { id: embargoed.id }, data: { embargoUntil: new Date(Date.now() + 24 * 60 * 60 * 1000) } });
    await db.articleAthlete.createMany({ data: [story, draft, embargoed].map((row) => ({ articleId: row.id, athleteId: athlete.id })) });
    invalidateTags([`athlete:${athlete.id}`]);
    expect((await getAthletePage(athlete.slug!))!.stories.stories.map((card) => card.id)).toEqual([story.id]);
    await db.article.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt: new Date("2024-07-02T10:00:00.000Z") } });
    invalidateTags([`article:${draft.id}`]);
    expect((await getAthletePage(athlete.slug!))!.stories.stories.map((card) => card.id)).toEqual([draft.id, story.id]);
  });
});

describe("statements", () => {
  it("each page is one statement uncached and none when cached", async () => {
    const hart = await db.athlete.findFirstOrThrow({ where: { name: "Joe Hart", participants: { some: { eventId: matchId } } }, select: { slug: true } });
    const match = await db.sportsEvent.findUniqueOrThrow({ where: { id: matchId }, select: { competitionSeason: { select: { competition: { select: { slug: true } } } } } });
    const loads: (() => Promise<unknown>)[] = [
      () => getTeamPage(villa.slug),
      () => getMatchPage(matchId),
      () => getAthletePage(hart.slug!),
      () => getCompetitionPage(match.competitionSeason!.competition.slug!),
    ];
    clearCache();
    for (const load of loads) expect((await statementsOf(load)).statements).toBe(1);
    for (const load of loads) expect((await statementsOf(load)).statements).toBe(0);
  });
});
