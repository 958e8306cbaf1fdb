// `npm run bench -- --sports-blocks [--sports-samples 60] [--sports-stories 200]`: what sports blocks
// cost a story page. Seeds a newsroom (bench/seed.ts), adds a 20-team standings table and a
// 30-country medal table, and renders one published story uncached (its data dropped, as a write
// does) alternately without and with those two blocks in its body, in rounds so machine drift
// cancels. Reports the medians, their ratio (target ≤ 1.3×) and the extra SQL statements (target:
// at most one per block kind). Writes bench/sports-results.json. Nothing here asserts.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { median } from "./load";
import { benchServerEnv } from "./server-env";
import { clearCaches, stats, timedGet } from "./server-probe";
import type { SoloBenchTools } from "./server-env";
import { round, wholeNumberOption } from "./options";

type Sample = { ms: number; queries: number };

export async function runSportsBench(argv: string[], tools: SoloBenchTools): Promise<void> {
  const samples = wholeNumberOption(argv, "--sports-samples", 60);
  const stories = wholeNumberOption(argv, "--sports-stories", 200);
  const { log, out } = tools;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const databaseUrl = `file:${path.join(out, "bench.db")}`;
  Object.assign(process.env, { DATABASE_URL: databaseUrl, MEDIA_DIR: path.join(out, "media"), NEXTAUTH_SECRET: "sports-bench-secret-not-for-production" });
  const { seedBenchDatabase } = await import("./seed");
  const seed = await seedBenchDatabase({ databaseUrl, mediaDir: process.env.MEDIA_DIR!, stories, log: (line) => log(`seed: ${line}`) });
  const { db } = await import("../lib/db");
  const { standingsId, medalTableId } = await createTables(db);
  const articleId = seed.sample.articleId;
  const { body } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } });
  const plain = body as { type: string; content: unknown[] };
  const withBlocks = {
    ...plain,
    content: [...plain.content, { type: "standingsTable", attrs: { standingsId, highlightStoryTeams: true } }, { type: "medalTable", attrs: { medalTableId, limit: 0 } }],
  };
  await tools.ensureBuild();
  const port = await tools.freePort();
  const server = await tools.startServer(benchServerEnv(port, { PRESSBOX_COUNT_QUERIES: "1", PRESSBOX_SCHEDULER: "off" }), port);
  try {
    const sample = async (): Promise<Sample> => {
      await clearCaches(server, [`article:${articleId}`]);
      const before = (await stats(server)).queries;
      const result = await timedGet(`${server.url}${seed.sample.path}`);
      if (result.status !== 200) throw new Error(`${seed.sample.path} answered ${result.status}`);
      return { ms: result.ms, queries: (await stats(server)).queries - before };
    };
    const setBody = async (value: unknown) => db.article.update({ where: { id: articleId }, data: { body: value as object } });
    const rounds = 6;
    const per = Math.ceil(samples / rounds);
    const results = { plain: [] as Sample[], sports: [] as Sample[] };
    // Warm both shapes once (code paths, statement caches), then alternate.
    for (const [name, value] of [
      ["plain", plain],
      ["sports", withBlocks],
    ] as const) {
      await setBody(value);
      await sample();
      const html = await (await fetch(`${server.url}${seed.sample.path}`)).text();
      const tables = (html.match(/<table/g) ?? []).length;
      log(`${name}: ${tables} table(s) on the page`);
    }
    for (let r = 0; r < rounds; r += 1) {
      await setBody(plain);
      for (let i = 0; i < per; i += 1) results.plain.push(await sample());
      await setBody(withBlocks);
      for (let i = 0; i < per; i += 1) results.sports.push(await sample());
    }
    await setBody(plain);
    const summary = (list: Sample[]) => ({
      medianMs: round(median(list.map((s) => s.ms))),
      queriesMin: Math.min(...list.map((s) => s.queries)),
      queriesMax: Math.max(...list.map((s) => s.queries)),
      samples: list.length,
    });
    const run = {
      at: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`,
      stories,
      standingsRows: 20,
      medalCountries: 30,
      plain: summary(results.plain),
      sports: summary(results.sports),
      ratio: 0,
      extraQueries: 0,
    };
    run.ratio = round(run.sports.medianMs / run.plain.medianMs, 3);
    run.extraQueries = run.sports.queriesMax - run.plain.queriesMax;
    log(
      `uncached story: ${run.plain.medianMs} ms without, ${run.sports.medianMs} ms with a 20-row standings table and a 30-country medal table: ${run.ratio}× (target ≤ 1.3×); ${run.extraQueries} more statements (target ≤ 2, one per block kind)`,
    );
    writeFileSync(path.join(tools.root, "bench", "sports-results.json"), `${JSON.stringify(run, null, 2)}\n`);
  } finally {
    await server.stop();
    await db.$disconnect();
  }
}

// A 20-team table and a 30-country medal table (entered), with their teams.
async function createTables(db: typeof import("../lib/db").db): Promise<{ standingsId: string; medalTableId: string }> {
  const sport = await db.sport.upsert({ where: { nameKey: "football" }, create: { name: "Football", nameKey: "football" }, update: {} });
  const competition = await db.competition.create({ data: { name: "Bench League", nameKey: "bench league", slug: "bench-league", sportId: sport.id } });
  const season = await db.competitionSeason.create({ data: { competitionId: competition.id, name: "2026" } });
  const teams = await Promise.all(
    Array.from({ length: 20 }, (_, i) => db.team.create({ data: { name: `Bench Team ${i + 1}`, nameKey: `bench team ${i + 1}`, slug: `bench-team-${i + 1}`, sportId: sport.id } })),
  );
  const standings = await db.standings.create({
    data: {
      competitionSeasonId: season.id,
      asOf: new Date(),
      rows: {
        create: teams.map((team, i) => ({
          teamId: team.id,
          position: i,
          rank: i + 1,
          played: 30,
          won: 20 - Math.floor(i / 2),
          drawn: 5,
          lost: 5 + Math.floor(i / 2),
          goalsFor: 60 - i,
          goalsAgainst: 20 + i,
          points: 65 - 3 * Math.floor(i / 2),
          form: "WDLWW",
        })),
      },
    },
  });
  const games = await db.competitionSeason.create({ data: { competitionId: competition.id, name: "Games 2026" } });
  const medalTable = await db.medalTable.create({
    data: {
      competitionSeasonId: games.id,
      rows: { create: Array.from({ length: 30 }, (_, i) => ({ country: `C${String(i).padStart(2, "0")}`, name: `Country ${i + 1}`, gold: 30 - i, silver: (i * 7) % 11, bronze: (i * 5) % 13 })) },
    },
  });
  return { standingsId: standings.id, medalTableId: medalTable.id };
}
