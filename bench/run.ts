// `npm run bench [-- --stories 100000 --seconds 10 --rounds 3 --soak-seconds 300]`
// Seeds a fresh SQLite database with N full stories, builds and starts the production server
// (scripts/server.ts) and measures, in one run: the cached article page against a plain Node.js
// server and a bare Next.js prerendered route serving the same bytes (interleaved A B C rounds so
// machine drift cancels), the uncached render and its query count, front/section/search pages,
// publish-to-visible through the editor's own server action, and memory after warm-up and after a
// soak. Writes bench/results.json (one entry per story count) and bench/results.md, and puts the
// table in README.md. Nothing here asserts: the numbers are reported against the targets.
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { loadTool, median, percentile, runLoad, type LoadResult, type LoadTool } from "./load";
import { renderReport, updateReadme, type BenchRun } from "./report";
import { findFreePort, killGroupOnExit, spawnGroup, stopGroup, waitUntilAnswering } from "../scripts/process-group";
import { benchServerEnv } from "./server-env";
import { clearCaches, stats, timedGet } from "./server-probe";
import { measureSearchVariants } from "./search-variants";

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "bench", "out");
const RESULTS = path.join(ROOT, "bench", "results.json");

type Options = { stories: number; seconds: number; rounds: number; soakSeconds: number; connections: number; samples: number; publishTrials: number; postgres: boolean };

// `--postgres` (no value): the same newsroom on PostgreSQL too, measured beside SQLite.
function parseArgs(args: string[]): Options {
  const options: Options = { stories: 2000, seconds: 10, rounds: 3, soakSeconds: 300, connections: 50, samples: 40, publishTrials: 50, postgres: args.includes("--postgres") };
  const argv = args.filter((arg) => arg !== "--postgres");
  const names: Record<string, Exclude<keyof Options, "postgres">> = {
    "--stories": "stories",
    "--seconds": "seconds",
    "--rounds": "rounds",
    "--soak-seconds": "soakSeconds",
    "--connections": "connections",
    "--samples": "samples",
    "--publish-trials": "publishTrials",
  };
  for (let i = 0; i < argv.length; i += 1) {
    const key = names[argv[i]];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isFinite(value) || value < 0) throw new Error(`Unknown or bad option ${argv[i]} ${argv[i + 1] ?? ""}. Options: ${Object.keys(names).join(", ")}, --postgres`);
    options[key] = value;
    i += 1;
  }
  return options;
}

function log(line: string): void {
  console.log(`bench: ${line}`);
}

function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

function runOrThrow(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const result = spawnSync(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

type Server = { url: string; child: ChildProcess; stop: () => Promise<void> };

async function startProcess(name: string, command: string, args: string[], port: number, options: { cwd?: string; env?: NodeJS.ProcessEnv; ready?: string } = {}): Promise<Server> {
  const logFile = path.join(OUT, `${name}.log`);
  const fd = openSync(logFile, "w");
  const child = spawnGroup(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  killGroupOnExit(child);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child, 5000);
  try {
    await waitUntilAnswering(`${url}${options.ready ?? "/"}`, child, { name, logFile, timeoutMs: 90_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}

// Uncached renders: each sample first drops the cache (all of it, or the story's own tag), then
// requests the page once; the server's query counter gives the queries that request made.
async function uncachedSamples(server: Server, paths: string[], samples: number, tagsFor?: (p: string) => string[]) {
  const times: number[] = [];
  const queries: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const target = paths[i % paths.length];
    await clearCaches(server, tagsFor?.(target));
    const before = (await stats(server)).queries;
    const result = await timedGet(`${server.url}${target}`);
    if (result.status !== 200) throw new Error(`${target} answered ${result.status}`);
    queries.push((await stats(server)).queries - before);
    times.push(result.ms);
  }
  return { medianMs: round(median(times)), p95Ms: round(percentile(times, 95)), queriesMin: Math.min(...queries), queriesMax: Math.max(...queries), samples };
}

function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

// What the benchmarks that run alone (wire import, live coverage) are given: their own output
// folder and log prefix, a free port, a current production build and a way to start the server.
function soloBenchTools(name: string) {
  return {
    root: ROOT,
    out: path.join(ROOT, "bench", `out-${name}`),
    log: (line: string) => log(`${name}: ${line}`),
    freePort: findFreePort,
    ensureBuild: async () => {
      const { isBuildStale } = await import("../scripts/build-status");
      if (isBuildStale(ROOT)) runOrThrow(bin("next"), ["build"], { env: { ...process.env, NODE_ENV: "production" } });
    },
    startServer: async (env: NodeJS.ProcessEnv, port: number) => {
      mkdirSync(OUT, { recursive: true });
      return startProcess(`pressbox-${name}`, bin("tsx"), ["scripts/server.ts"], port, { env });
    },
  };
}

// `npm run bench -- --wire-items N`: the wire import benchmark alone (bench/wire-import.ts).
async function wireBench(argv: string[]): Promise<void> {
  const { runWireBench } = await import("./wire-import");
  await runWireBench(argv, soloBenchTools("wire"));
}

// `npm run bench -- --live-readers N`: the live coverage benchmark alone (bench/live.ts).
async function liveBench(argv: string[]): Promise<void> {
  const { runLiveBench } = await import("./live");
  await runLiveBench(argv, soloBenchTools("live"));
}

// `npm run bench -- --newsletter-subscribers N`: sending an edition while readers read (bench/newsletter.ts).
async function newsletterBench(argv: string[]): Promise<void> {
  const { runNewsletterBench } = await import("./newsletter");
  await runNewsletterBench(argv, soloBenchTools("newsletter"));
}

// `npm run bench -- --sports-blocks`: what sports blocks cost a story page (bench/sports.ts).
async function sportsBench(argv: string[]): Promise<void> {
  const { runSportsBench } = await import("./sports");
  await runSportsBench(argv, soloBenchTools("sports"));
}

// `npm run bench -- --varnish`: the cached article through Varnish, a plain Node.js server and
// Pressbox itself (bench/varnish.ts).
async function varnishBench(argv: string[]): Promise<void> {
  const { runVarnishBench } = await import("./varnish");
  await runVarnishBench(argv, soloBenchTools("varnish"));
}

type PreparedPostgres = { server: { url: string; stop: () => Promise<void> }; databaseUrl: string; seconds: number };

// The PostgreSQL at POSTGRES_TEST_URL (default 127.0.0.1:5432) when one answers, else an embedded
// one (as the integration tests do); a fresh database in it gets a copy of the seeded newsroom.
async function preparePostgres(sqliteUrl: string, stories: number): Promise<PreparedPostgres> {
  const { ensurePostgres } = await import("../tests/setup/ensure-postgres");
  const { copyBenchToPostgres } = await import("./seeding/postgres-copy");
  const pg = (await import("pg")).default;
  const server = await ensurePostgres();
  const name = `pressbox_bench_${stories}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  log(`postgres: copying the newsroom into ${name} (${server.isEmbedded ? "embedded server" : url.host})…`);
  const copied = await copyBenchToPostgres({ sqliteUrl, postgresUrl: url.toString(), log: (line) => log(`postgres: ${line}`) });
  log(`postgres: ${copied.rows} rows in ${copied.seconds.toFixed(1)} s`);
  return { server, databaseUrl: url.toString(), seconds: round(copied.seconds, 1) };
}

// What differs between the databases, measured the same way as on SQLite: the uncached article,
// the front page, search by kind and publish-to-visible (drafts the SQLite run did not touch).
async function measurePostgres(options: Options, postgres: PreparedPostgres, seed: Seed, secret: string) {
  const { createDb } = await import("../lib/db");
  const port = await findFreePort();
  const env = benchServerEnv(port, { PRESSBOX_COUNT_QUERIES: "1", DATABASE_URL: postgres.databaseUrl });
  const server = await startProcess("pressbox-postgres", bin("tsx"), ["scripts/server.ts"], port, { env });
  const client = createDb(postgres.databaseUrl);
  try {
    const articlePaths = pathsOf(seed, 20);
    const uncachedArticle = await uncachedSamples(
      server,
      articlePaths.map((p) => p.path),
      options.samples,
      (p) => [`article:${articlePaths.find((a) => a.path === p)!.id}`],
    );
    const front = await uncachedSamples(server, ["/"], Math.min(options.samples, 20));
    const searchVariants = await measureSearchVariants(server.url, seed, Math.max(40, options.samples));
    const publish = await publishTrials(server, seed, options.publishTrials, secret, client);
    log(
      `postgres: uncached article ${uncachedArticle.medianMs} ms, front page ${front.medianMs} ms, publish-to-visible ${publish.freshOnFirstRequest}/${publish.trials} (median ${publish.publishToVisibleMedianMs} ms)`,
    );
    for (const variant of searchVariants) log(`postgres: search (${variant.name}): p50 ${variant.p50Ms} ms, p95 ${variant.p95Ms} ms`);
    return { copySeconds: postgres.seconds, uncachedArticle, front, searchVariants, publish };
  } finally {
    await client.$disconnect();
    await server.stop();
  }
}

async function main(): Promise<void> {
  if (process.argv.includes("--varnish")) return varnishBench(process.argv.slice(2));
  if (process.argv.includes("--wire-items")) return wireBench(process.argv.slice(2));
  if (process.argv.includes("--sports-blocks")) return sportsBench(process.argv.slice(2));
  if (process.argv.includes("--live-readers")) return liveBench(process.argv.slice(2));
  if (process.argv.includes("--newsletter-subscribers")) return newsletterBench(process.argv.slice(2));
  const options = parseArgs(process.argv.slice(2));
  const tool: LoadTool = loadTool();
  const startedAt = new Date();
  log(
    `${options.stories} stories, load tool ${tool}${tool === "autocannon" ? " (wrk not installed: apt-get install -y wrk; autocannon cannot saturate the plain-Node control, so its ratio is optimistic)" : ""}`,
  );
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  // 1. A fresh database with N stories.
  const databaseUrl = `file:${path.join(OUT, "bench.db")}`;
  const mediaDir = path.join(OUT, "media");
  mkdirSync(mediaDir, { recursive: true });
  process.env.DATABASE_URL = databaseUrl;
  process.env.MEDIA_DIR = mediaDir;
  const secret = randomBytes(32).toString("hex");
  process.env.NEXTAUTH_SECRET = secret;
  const { deployMigrations } = await import("../lib/migrations/deploy");
  await deployMigrations(databaseUrl);
  const { seedBenchDatabase } = await import("./seed");
  const seed = await seedBenchDatabase({ databaseUrl, mediaDir, stories: options.stories, log: (line) => log(`seed: ${line}`) });
  log(`seeded ${options.stories} stories in ${seed.seconds.toFixed(1)} s`);
  // Copied before any measurement publishes a draft, so both databases start from the same newsroom.
  const postgres = options.postgres ? await preparePostgres(databaseUrl, options.stories) : null;

  // 2. The production build and server.
  const { isBuildStale } = await import("../scripts/build-status");
  if (isBuildStale(ROOT)) {
    log("building the production app (next build)…");
    runOrThrow(bin("next"), ["build"], { env: { ...process.env, NODE_ENV: "production" } });
  }
  const port = await findFreePort();
  const serverEnv = benchServerEnv(port, {
    PRESSBOX_COUNT_QUERIES: "1",
  });
  const pressbox = await startProcess("pressbox", bin("tsx"), ["scripts/server.ts"], port, { env: serverEnv });
  try {
    const measured = await measure(options, tool, pressbox, seed, secret);
    await pressbox.stop();
    const run = { ...measured, postgres: postgres ? await measurePostgres(options, postgres, seed, secret) : undefined };
    const finishedAt = new Date();
    const entry: BenchRun = {
      stories: options.stories,
      tool,
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}`,
      startedAt: startedAt.toISOString(),
      minutes: round((finishedAt.getTime() - startedAt.getTime()) / 60000, 1),
      options,
      seedSeconds: round(seed.seconds, 1),
      ...run,
    };
    const all = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as { runs: Record<string, BenchRun> }) : { runs: {} };
    all.runs[String(options.stories)] = entry;
    writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
    const table = renderReport(Object.values(all.runs));
    writeFileSync(path.join(ROOT, "bench", "results.md"), table);
    updateReadme(path.join(ROOT, "README.md"), table);
    console.log(`\n${table}`);
    log(`wrote bench/results.json, bench/results.md and the README table (${entry.minutes} min)`);
  } finally {
    await pressbox.stop();
    await postgres?.server.stop();
  }
}

type Seed = Awaited<ReturnType<typeof import("./seed").seedBenchDatabase>>;

async function measure(options: Options, tool: LoadTool, pressbox: Server, seed: Seed, secret: string) {
  const article = seed.sample.path;
  // Warm up: render once, then it is served from the page cache.
  const first = await timedGet(`${pressbox.url}${article}`);
  const second = await timedGet(`${pressbox.url}${article}`);
  if (first.status !== 200 || second.cache !== "hit") throw new Error(`the sample article did not come from the page cache (${first.status}, ${second.cache})`);
  writeFileSync(path.join(OUT, "control-page.html"), second.text);
  const bytes = Buffer.byteLength(second.text);

  // Controls serving the same bytes.
  const plainPort = await findFreePort();
  const plain = await startProcess("plain-node", process.execPath, [path.join(ROOT, "bench", "plain-server.mjs"), path.join(OUT, "control-page.html"), String(plainPort)], plainPort);
  log("building the bare Next.js control…");
  const controlDir = path.join(ROOT, "bench", "next-control");
  rmSync(path.join(controlDir, ".next"), { recursive: true, force: true });
  runOrThrow(bin("next"), ["build"], { cwd: controlDir, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  const nextPort = await findFreePort();
  const bare = await startProcess("bare-next", bin("next"), ["start", "-p", String(nextPort), "-H", "127.0.0.1"], nextPort, {
    cwd: controlDir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    ready: "/article",
  });
  const controlBytes = Buffer.byteLength(await (await fetch(`${bare.url}/article`)).text());
  if (controlBytes !== bytes) throw new Error(`the Next.js control serves ${controlBytes} bytes, the page has ${bytes}`);

  const warm = await stats(pressbox);
  const rounds: Record<"pressbox" | "plainNode" | "bareNext", LoadResult[]> = { pressbox: [], plainNode: [], bareNext: [] };
  const targets = [
    ["pressbox", `${pressbox.url}${article}`],
    ["plainNode", `${plain.url}/`],
    ["bareNext", `${bare.url}/article`],
  ] as const;
  try {
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const [name, url] of targets) {
        const result = await runLoad(tool, { url, connections: options.connections, seconds: options.seconds }, OUT);
        rounds[name].push(result);
        log(`round ${round} ${name}: ${result.rps} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${result.errors + result.non2xx}`);
      }
    }
  } finally {
    await plain.stop();
    await bare.stop();
  }
  const summary = (list: LoadResult[]) => ({
    rps: median(list.map((r) => r.rps)),
    p50Ms: median(list.map((r) => r.p50Ms)),
    p99Ms: median(list.map((r) => r.p99Ms)),
    errors: list.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
    rounds: list.map((r) => r.rps),
  });
  const cached = { bytes, pressbox: summary(rounds.pressbox), plainNode: summary(rounds.plainNode), bareNext: summary(rounds.bareNext) };
  const ratio = round(cached.pressbox.rps / cached.plainNode.rps, 3);
  const nextRatio = round(cached.bareNext.rps / cached.plainNode.rps, 3);
  const halfRate = Math.round(cached.pressbox.rps / 2);
  const atHalf = await runLoad(tool, { url: `${pressbox.url}${article}`, connections: options.connections, seconds: options.seconds, rate: halfRate }, OUT);
  log(
    `cached article: ${(ratio * 100).toFixed(1)}% of plain Node (bare Next.js ${(nextRatio * 100).toFixed(1)}%); at ~${halfRate} req/s: ${atHalf.rps} req/s, p99 ${atHalf.p99Ms} ms, errors ${atHalf.errors + atHalf.non2xx}`,
  );

  // Uncached article: the story's own data dropped (as publishing a change does), and everything dropped.
  const articlePaths = pathsOf(seed, 20);
  const uncachedArticle = await uncachedSamples(
    pressbox,
    articlePaths.map((p) => p.path),
    options.samples,
    (p) => [`article:${articlePaths.find((a) => a.path === p)!.id}`],
  );
  const coldArticle = await uncachedSamples(
    pressbox,
    articlePaths.map((p) => p.path),
    Math.min(options.samples, 20),
  );
  // Preview of a draft: never cached.
  const preview = await previewSamples(pressbox, seed, options.samples);
  log(
    `uncached article: median ${uncachedArticle.medianMs} ms, ${uncachedArticle.queriesMin}–${uncachedArticle.queriesMax} queries (all caches cold: ${coldArticle.medianMs} ms, ${coldArticle.queriesMax} queries; draft preview ${preview.medianMs} ms, ${preview.queriesMax} queries)`,
  );

  // Front page, section page (uncached render and cached rate) and search.
  const front = await uncachedSamples(pressbox, ["/"], Math.min(options.samples, 20));
  const section = await uncachedSamples(pressbox, seed.sectionPaths, Math.min(options.samples, 20));
  const frontCached = await runLoad(tool, { url: `${pressbox.url}/`, connections: options.connections, seconds: Math.max(3, options.seconds / 2) }, OUT);
  const sectionCached = await runLoad(tool, { url: `${pressbox.url}${seed.sectionPaths[0]}`, connections: options.connections, seconds: Math.max(3, options.seconds / 2) }, OUT);
  const search = await searchSamples(pressbox, seed.searchTerms, Math.max(100, options.samples * 5));
  log(`front page uncached ${front.medianMs} ms (${frontCached.rps} req/s cached); section ${section.medianMs} ms (${sectionCached.rps} req/s cached); search p50 ${search.p50Ms} ms, p95 ${search.p95Ms} ms`);
  const searchVariants = await measureSearchVariants(pressbox.url, seed, Math.max(40, options.samples));
  for (const variant of searchVariants) log(`search (${variant.name}): p50 ${variant.p50Ms} ms, p95 ${variant.p95Ms} ms`);

  // Publish to visible, through the editor's server action over HTTP.
  const publish = await publishTrials(pressbox, seed, options.publishTrials, secret);
  log(`publish-to-visible: ${publish.freshOnFirstRequest}/${publish.trials} fresh on the next request (front page ${publish.frontPageFresh}/${publish.trials}), publish median ${publish.publishMedianMs} ms`);

  // Memory: after warm-up, then after a soak over many article pages.
  const afterWarmup = (await stats(pressbox)).memory.rss;
  let soak: LoadResult | null = null;
  if (options.soakSeconds > 0) {
    const soakPaths = pathsOf(seed, 500).map((p) => p.path);
    log(`soak: ${options.soakSeconds} s over ${soakPaths.length} article pages…`);
    soak = await runLoad(tool, { url: pressbox.url, connections: options.connections, seconds: options.soakSeconds, paths: [...soakPaths, "/", ...seed.sectionPaths] }, OUT);
  }
  // A server that did not survive the soak is a result too: say how it ended instead of failing.
  const end = await stats(pressbox).catch(() => null);
  const exit = end ? null : `the server exited during the soak (${pressbox.child.exitCode ?? pressbox.child.signalCode ?? "unknown"}; see bench/out/pressbox.log)`;
  if (exit) log(exit);
  const memory = {
    rssAfterWarmupMb: round(afterWarmup / 2 ** 20, 0),
    rssAfterSoakMb: end ? round(end.memory.rss / 2 ** 20, 0) : Number.NaN,
    soakSeconds: options.soakSeconds,
    soak,
    exit,
    warmRssMb: round(warm.memory.rss / 2 ** 20, 0),
  };
  log(`memory: RSS ${memory.rssAfterWarmupMb} MB after warm-up, ${memory.rssAfterSoakMb} MB after ${options.soakSeconds} s of load${soak ? ` (${soak.rps} req/s, ${soak.errors + soak.non2xx} errors)` : ""}`);
  return {
    cached: { ...cached, ratio, bareNextRatio: nextRatio, atHalfRate: { targetRps: halfRate, ...atHalf } },
    uncachedArticle,
    coldArticle,
    preview,
    front,
    frontCached,
    section,
    sectionCached,
    search,
    searchVariants,
    publish,
    memory,
  };
}

// The seed's published stories as {id, path}, newest first.
function pathsOf(seed: Seed, count: number): { id: string; path: string }[] {
  return seed.articleIds.slice(0, count).map((id, index) => ({ id, path: seed.articlePaths[index] }));
}

async function previewSamples(server: Server, seed: Seed, samples: number) {
  const { makePreviewToken } = await import("../lib/articles/preview");
  const { db } = await import("../lib/db");
  const ids = seed.draftArticleIds.slice(-10);
  // A token names a preview link row (lib/articles/preview.ts), as the editor's "preview link" makes.
  const expiresAt = new Date(Date.now() + 3_600_000);
  const links = await Promise.all(ids.map((articleId) => db.previewLink.create({ data: { articleId, createdById: seed.editorId, expiresAt }, select: { id: true } })));
  const paths = links.map((link) => `/preview/${makePreviewToken(link.id, expiresAt.getTime())}`);
  return uncachedSamples(server, paths, samples, () => ["none"]);
}

async function searchSamples(server: Server, terms: string[], samples: number) {
  const times: number[] = [];
  let results = 0;
  for (let i = 0; i < samples; i += 1) {
    const term = terms[i % terms.length];
    const result = await timedGet(`${server.url}/search?q=${encodeURIComponent(term)}`);
    if (result.status !== 200) throw new Error(`search for ${term} answered ${result.status}`);
    if (!result.text.includes("No stories")) results += 1;
    times.push(result.ms);
  }
  return { samples, p50Ms: round(median(times)), p95Ms: round(percentile(times, 95)), withResults: results };
}

// The editor publishes from the story screen: a POST of the transitionAction server action, as the
// browser sends it. The next request for the story (and for the front page) must show it.
// `client`: the database the server reads (the SQLite file unless given).
async function publishTrials(server: Server, seed: Seed, trials: number, secret: string, client?: import("../lib/db").Db) {
  const db = client ?? (await import("../lib/db")).db;
  const { encode } = await import("next-auth/jwt");
  const { passwordFingerprint } = await import("../lib/auth/password");
  const editor = await db.user.findUniqueOrThrow({ where: { id: seed.editorId } });
  // A server-side session row, as signing in makes (lib/auth/user-sessions.ts): the cookie names it.
  const session = await db.userSession.create({ data: { userId: editor.id, ip: "127.0.0.1", userAgent: "pressbox bench" }, select: { id: true } });
  const token = await encode({ token: { sub: editor.id, sid: session.id, name: editor.name, email: editor.email, role: editor.role, pwd: passwordFingerprint(editor.passwordHash) }, secret });
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const actionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === "transitionAction" && v.filename?.includes("stories/actions"))?.[0];
  if (!actionId) throw new Error("transitionAction is not in the server reference manifest");
  const drafts = seed.draftArticleIds.slice(0, trials);
  const publishTimes: number[] = [];
  const visibleTimes: number[] = [];
  let fresh = 0;
  let frontFresh = 0;
  let refused = 0;
  for (const id of drafts) {
    const article = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true, slug: true, headline: true, section: { select: { slug: true } } } });
    const storyPath = `/${article.section!.slug}/${article.slug}`;
    await timedGet(`${server.url}/`);
    await timedGet(`${server.url}/`); // the front page is now in the page cache
    const before = await timedGet(`${server.url}${storyPath}`);
    if (before.status === 200) throw new Error(`${storyPath} was visible before publishing`);
    const started = process.hrtime.bigint();
    const response = await fetch(`${server.url}/newsroom/stories/${id}`, {
      method: "POST",
      headers: {
        "next-action": actionId,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: server.url,
        cookie: `next-auth.session-token=${token}`,
      },
      body: JSON.stringify(["publish", { articleId: id, expectedVersion: article.version }]),
    });
    const answer = await response.text();
    const publishedMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200 || !answer.includes('"ok":true')) {
      refused += 1;
      log(`publish of ${id} answered ${response.status}: ${answer.slice(0, 300)}`);
      continue;
    }
    publishTimes.push(publishedMs);
    const after = await timedGet(`${server.url}${storyPath}`);
    const escaped = article.headline.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    if (after.status === 200 && after.text.includes(escaped)) {
      fresh += 1;
      visibleTimes.push(publishedMs + after.ms);
    }
    const frontPage = await timedGet(`${server.url}/`);
    if (frontPage.text.includes(escaped)) frontFresh += 1;
  }
  return {
    trials: drafts.length,
    refused,
    freshOnFirstRequest: fresh,
    frontPageFresh: frontFresh,
    publishMedianMs: round(median(publishTimes)),
    publishToVisibleMedianMs: round(median(visibleTimes)),
    publishToVisibleP95Ms: round(percentile(visibleTimes, 95)),
  };
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
