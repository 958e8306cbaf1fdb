// npm run db:copy-to-postgres: a SQLite newsroom (the demo newsroom, plus stories saved through
// lib/ so there are revisions, and SportsML samples imported with `npm run sports:import`: events
// with sub-events and line-ups, which point at rows of their own table) copied into a fresh
// PostgreSQL database. Afterwards every row of every model reads back the same through Prisma, the
// app's own reading code (each reader page, the front page, the newsroom's story list, search)
// returns the same on both, and the copy takes new saves.
// A second copy into the now non-empty database is refused and changes nothing.
// Runs in the integration-postgres project, on its server (found or embedded), with a SQLite file
// and PostgreSQL databases of its own.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySqliteToPostgres } from "../../lib/backup/copy-to-postgres";
import { createSqliteDatabase, removeDir, type TestDatabase } from "../setup/temp-database";
import { createPostgresDatabase, importSportsFiles, readNewsroom, runWriter, seedNewsroom, type PostgresDatabase } from "../support/backup-processes";
import { SPORTSML_SAMPLES_DIR } from "../fixtures/sports-samples";

const SEARCH_WORDS = ["pursuit", "olympics", "final", "backup"];

let source: TestDatabase;
let target: PostgresDatabase | null = null;

describe("copying a SQLite newsroom into an empty PostgreSQL database", () => {
  beforeAll(async () => {
    source = await createSqliteDatabase("copy-source");
    seedNewsroom({ DATABASE_URL: source.databaseUrl, MEDIA_DIR: source.mediaDir });
    runWriter({ DATABASE_URL: source.databaseUrl, MEDIA_DIR: source.mediaDir }, 3);
    const samples = ["tennis_davis_cup_tournament.xml", "soccer-match-g2-generic.xml", "soccer-standings-g2-specific.xml"];
    importSportsFiles(
      { DATABASE_URL: source.databaseUrl, MEDIA_DIR: source.mediaDir },
      samples.map((name) => path.join(SPORTSML_SAMPLES_DIR, name)),
    );
    target = await createPostgresDatabase("copy");
  }, 240_000);

  afterAll(async () => {
    await target?.drop();
    if (source) removeDir(source.dir);
  });

  it("copies every row, and the app reads the same newsroom from both", async () => {
    const result = await copySqliteToPostgres({ sqliteUrl: source.databaseUrl, postgresUrl: target!.url });
    expect(result.tables.Article).toBeGreaterThan(10);
    expect(result.tables.Revision).toBeGreaterThanOrEqual(3);
    expect(result.tables.ArticleSearch).toBeGreaterThan(5);
    expect(result.tables.SportsEvent).toBeGreaterThan(15);
    expect(result.tables.EventParticipant).toBeGreaterThan(36);
    // The Bundesliga sample's 18 rows and the demo league's 20; the demo's medal table and story links.
    expect(result.tables.StandingsRow).toBe(38);
    expect(result.tables.MedalTableRow).toBe(6);
    expect(result.tables.ArticleTeam).toBe(6);

    const sqlite = readNewsroom({ DATABASE_URL: source.databaseUrl, MEDIA_DIR: source.mediaDir }, SEARCH_WORDS);
    const postgres = readNewsroom({ DATABASE_URL: target!.url, MEDIA_DIR: source.mediaDir }, SEARCH_WORDS);
    for (const [model, rows] of Object.entries(sqlite.models)) {
      expect(rows.length, model).toBe(result.tables[model]);
      expect(postgres.models[model], model).toEqual(rows);
    }
    expect(Object.keys(sqlite.pages).length).toBeGreaterThan(5);
    expect(postgres.pages).toEqual(sqlite.pages);
    expect(postgres.front).toEqual(sqlite.front);
    expect(postgres.storyList).toEqual(sqlite.storyList);
    expect(sqlite.search.pursuit.length).toBeGreaterThan(0);
    expect(postgres.search).toEqual(sqlite.search);
  }, 240_000);

  it("takes new saves on the copy, and refuses a second copy into it without changing it", async () => {
    const lines = runWriter({ DATABASE_URL: target!.url, MEDIA_DIR: source.mediaDir }, 2);
    expect(lines.filter((line) => line.op === "save").map((line) => line.version)).toEqual([2, 2]);
    const before = readNewsroom({ DATABASE_URL: target!.url, MEDIA_DIR: source.mediaDir });
    await expect(copySqliteToPostgres({ sqliteUrl: source.databaseUrl, postgresUrl: target!.url })).rejects.toThrow(/already holds a newsroom/);
    expect(readNewsroom({ DATABASE_URL: target!.url, MEDIA_DIR: source.mediaDir }).models).toEqual(before.models);
  }, 240_000);
});
