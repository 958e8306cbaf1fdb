// Seeds a bench database: the demo newsroom, demo accounts and a pool of real photos through the
// app's own code, then N published stories (2 bylines, 5 tags, hero + 3 photos with captions,
// 2 pull quotes, 5 related teasers, a sidebar, a newsletter block, revisions, audit lines and
// the search index) and ready-to-publish drafts, written in bulk with better-sqlite3 in the
// exact shapes the app's write path leaves (bench/seeding/sql-writer.ts says which code to
// keep it in step with). Migrates the database itself, so databaseUrl may name a new file.
//
//   npx tsx bench/seed.ts --stories 2000 --database-url file:/tmp/bench.db --media-dir /tmp/bench-media
import { mkdirSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { articleHref } from "../lib/articles/href";
import { sqliteFilePath } from "../lib/database-url";
import { seedBase, type BaseData } from "./seeding/base";
import { writeBenchStories, type BulkResult } from "./seeding/bulk";
import { countRows, listingPaths, publishedInListingOrder, searchTermCounts, type RowCounts } from "./seeding/summary";

export type BenchSeedOptions = {
  databaseUrl: string;
  mediaDir: string;
  stories: number;
  // Drafts ready to publish (default 80).
  drafts?: number;
  // Photos in the pool stories draw from, the demo's own included (default 40).
  images?: number;
  // Same seed, same copy (ids and timestamps still differ per run).
  seed?: number;
  log?: (line: string) => void;
};

export type BenchSeed = {
  // Every published story (demo ones included), newest first, and its public path.
  articleIds: string[];
  articlePaths: string[];
  sample: { articleId: string; path: string; headline: string; relatedCount: number; distinctiveWord: string };
  sectionPaths: string[];
  // Largest listings first.
  tagPaths: string[];
  authorPaths: string[];
  // Search words by how many published stories each finds (searchTermCounts), most first: the
  // common ones find nearly all, the last ones a handful or none; sample.distinctiveWord finds one.
  searchTerms: string[];
  searchTermCounts: Record<string, number>;
  // Drafts at version 2 with section, bylines, hero and every record filled: publishArticle
  // (expectedVersion 2) passes the publish gate.
  draftArticleIds: string[];
  draftVersion: number;
  editorEmail: string;
  editorId: string;
  editorPassword: string;
  counts: RowCounts;
  databaseBytes: number;
  seconds: number;
  phaseSeconds: { base: number; stories: number; summary: number };
};

// One writer, no other connection: the rollback journal can live in memory and nothing needs
// syncing until the end (a seed that dies half-way leaves a database to throw away anyway). The
// database is put back in WAL mode, as deployMigrations leaves it.
function openForBulk(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = MEMORY");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  sqlite.pragma("temp_store = MEMORY");
  return sqlite;
}

type Described = Omit<BenchSeed, "databaseBytes" | "seconds" | "phaseSeconds">;

function describeSeed(sqlite: Database.Database, base: BaseData, written: BulkResult): Described {
  const listed = publishedInListingOrder(sqlite);
  const sample = written.published[Math.floor(written.published.length / 2)];
  const termCounts = searchTermCounts(sqlite, [sample.word]);
  return {
    articleIds: listed.map((story) => story.id),
    articlePaths: listed.map((story) => story.path),
    sample: { articleId: sample.id, path: articleHref(sample.sectionSlug, sample.slug), headline: sample.headline, relatedCount: 5, distinctiveWord: sample.word },
    ...listingPaths(sqlite),
    searchTerms: Object.keys(termCounts),
    searchTermCounts: termCounts,
    draftArticleIds: written.draftIds,
    draftVersion: 2,
    editorEmail: base.editor.email,
    editorId: base.editor.id,
    editorPassword: base.editor.password,
    counts: countRows(sqlite),
  };
}

export async function seedBenchDatabase(options: BenchSeedOptions): Promise<BenchSeed> {
  if (!Number.isInteger(options.stories) || options.stories < 1) throw new Error(`stories must be a whole number of at least 1, not ${options.stories}`);
  const log = options.log ?? (() => {});
  const started = performance.now();
  const since = (from: number) => Math.round(performance.now() - from) / 1000;
  mkdirSync(options.mediaDir, { recursive: true });
  const base = await seedBase({ databaseUrl: options.databaseUrl, mediaDir: options.mediaDir, images: options.images ?? 40, log });
  const baseSeconds = since(started);
  const file = sqliteFilePath(options.databaseUrl);
  const sqlite = openForBulk(file);
  try {
    const storiesStarted = performance.now();
    const written = writeBenchStories(sqlite, base, { stories: options.stories, drafts: options.drafts ?? 80, seed: options.seed ?? 7, log });
    sqlite.pragma("journal_mode = WAL");
    const storiesSeconds = since(storiesStarted);
    const summaryStarted = performance.now();
    const described = describeSeed(sqlite, base, written);
    const phaseSeconds = { base: baseSeconds, stories: storiesSeconds, summary: since(summaryStarted) };
    return { ...described, databaseBytes: statSync(file).size, seconds: since(started), phaseSeconds };
  } finally {
    sqlite.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stories: { type: "string", default: "2000" },
      drafts: { type: "string", default: "80" },
      images: { type: "string", default: "40" },
      "database-url": { type: "string", default: "file:./data/bench.db" },
      "media-dir": { type: "string", default: "./data/bench-media" },
    },
  });
  const seeded = await seedBenchDatabase({
    databaseUrl: values["database-url"]!,
    mediaDir: values["media-dir"]!,
    stories: Number(values.stories),
    drafts: Number(values.drafts),
    images: Number(values.images),
    log: console.log,
  });
  console.log(
    `bench seed: ${seeded.counts.publishedArticles} published stories and ${seeded.counts.draftArticles} drafts in ${seeded.seconds.toFixed(1)} s (base ${seeded.phaseSeconds.base} s, stories ${seeded.phaseSeconds.stories} s, summary ${seeded.phaseSeconds.summary} s); database ${(seeded.databaseBytes / 1e6).toFixed(0)} MB`,
  );
  console.log(`rows: ${JSON.stringify(seeded.counts)}`);
  console.log(`search words (stories found): ${JSON.stringify(seeded.searchTermCounts)}`);
  console.log(`sample story: ${seeded.sample?.path}; editor: ${seeded.editorEmail}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`Bench seed failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  });
}
