// `npm run bench -- --wire-items 1000 [--wire-stories 200] [--idle-seconds 15]`: wire items imported
// through the watched inbox folder of a running production server. Seeds a small newsroom, serves
// two generated JPEGs per item from a local HTTP server on 127.0.0.1 (the agency is allowed to
// fetch from it: WIRE_PRIVATE_FETCH_AGENCIES), drops N ninjs items into WIRE_INBOX_DIR at once (each
// written as .part and renamed, the documented upload convention) and measures: time per item
// (the gaps between successive filings in done/, from each file's ctime: the watcher imports one
// at a time), the server's peak RSS, the same count of plain database inserts for a ratio, and
// the cached article page's p99 latency from a few steady readers, idle (twice: the second idle
// run against the first is the control, this shared machine's noise) and during the import. The
// server runs the inbox in a child process (scripts/wire-inbox-process.ts); its RSS is read from /proc.
// Writes bench/wire-results.json and the README's wire table. Nothing here asserts.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { median, percentile } from "./load";
import { benchServerEnv, type SoloBenchTools } from "./server-env";
import { round, positiveOption } from "./options";

const AGENCY = "Bench Wire";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startPictureServer(count: number, log: (line: string) => void): Promise<{ origin: string; close: () => Promise<void> }> {
  const { makeImage } = await import("../tests/fixtures/images");
  const pictures = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) pictures.set(`/p/${i}.jpg`, await makeImage({ seed: `wire-bench-${i}`, width: 800, height: 533, format: "jpeg" }));
  log(`generated ${count} JPEGs with sharp`);
  const server = createServer((request, response) => {
    const bytes = pictures.get(request.url ?? "");
    if (!bytes) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": "image/jpeg", "content-length": bytes.length }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function ninjsItem(index: number, origin: string): string {
  const paragraphs = Array.from({ length: 8 }, (_, p) => `<p>Paragraph ${p + 1} of wire story ${index}: the visitors pressed from the first whistle and scored twice before half-time.</p>`).join("");
  const picture = (k: number) => ({
    name: `photo${k}`,
    uri: `urn:bench:wire:${index}:photo:${k}`,
    type: "picture",
    by: "Bench Photographer",
    headlines: [{ value: `Picture ${k} of story ${index}` }],
    descriptions: [{ role: "text", contenttype: "text/plain", value: `A player celebrates in picture ${k} of story ${index}.` }],
    renditions: [{ name: "main", href: `${origin}/p/${index * 2 + k}.jpg`, contenttype: "image/jpeg" }],
  });
  return JSON.stringify({
    uri: `urn:bench:wire:${index}`,
    version: "1",
    type: "text",
    copyrightholder: AGENCY,
    headlines: [{ role: "main", value: `Bench wire story ${index}` }],
    bodies: [{ role: "main", contenttype: "text/html", value: paragraphs }],
    associations: [picture(0), picture(1)],
  });
}

type Stats = { memory: { rss: number }; wireInboxPid: number | null };
const statsOf = async (server: { url: string }) => (await (await fetch(`${server.url}/__pressbox/stats`)).json()) as Stats;
const rssOf = async (server: { url: string }) => (await statsOf(server)).memory.rss;

// The wire inbox process's resident memory, in bytes (0 when there is none or it is gone).
function inboxRss(pid: number | null): number {
  if (!pid) return 0;
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

// A few steady readers of one cached page: each asks, waits `pauseMs`, asks again.
async function readLatencies(url: string, isDone: () => boolean, readers = 4, pauseMs = 50): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: readers }, async () => {
      while (!isDone()) {
        const started = process.hrtime.bigint();
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.status === 200) times.push(Number(process.hrtime.bigint() - started) / 1e6);
        await sleep(pauseMs);
      }
    }),
  );
  return times;
}

const filedNames = (dir: string) =>
  ["done", "failed"].flatMap((folder) =>
    readdirSync(path.join(dir, folder))
      .filter((name) => !name.endsWith(".reason.txt"))
      .map((name) => path.join(dir, folder, name)),
  );

export async function runWireBench(argv: string[], tools: SoloBenchTools): Promise<void> {
  const items = positiveOption(argv, "--wire-items", 1000);
  const stories = positiveOption(argv, "--wire-stories", 200);
  const idleSeconds = positiveOption(argv, "--idle-seconds", 15);
  const { log, out } = tools;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const databaseUrl = `file:${path.join(out, "bench.db")}`;
  const inbox = path.join(out, "inbox");
  mkdirSync(inbox);
  Object.assign(process.env, { DATABASE_URL: databaseUrl, MEDIA_DIR: path.join(out, "media"), NEXTAUTH_SECRET: "wire-bench-secret-not-for-production" });
  const { seedBenchDatabase } = await import("./seed");
  const seed = await seedBenchDatabase({ databaseUrl, mediaDir: process.env.MEDIA_DIR!, stories, log: (line) => log(`seed: ${line}`) });
  const { db } = await import("../lib/db");
  await db.agency.create({ data: { name: AGENCY, shortCredit: AGENCY, creditFormat: "{photographer}/{agency}" } });
  const pictures = await startPictureServer(items * 2, log);
  await tools.ensureBuild();
  const port = await tools.freePort();
  const env = benchServerEnv(port, {
    PRESSBOX_SCHEDULER: "off",
    WIRE_INBOX_DIR: inbox,
    WIRE_IMPORT_AS: seed.editorEmail,
    WIRE_PRIVATE_FETCH_AGENCIES: AGENCY,
    WIRE_INBOX_POLL_SECONDS: "1",
    WIRE_INBOX_SETTLE_SECONDS: "0",
  });
  const server = await tools.startServer(env, port);
  try {
    const article = `${server.url}${seed.sample.path}`;
    for (let i = 0; i < 3; i++) await (await fetch(article)).arrayBuffer();
    const idleRss = await rssOf(server);
    const idleRun = async () => {
      const until = Date.now() + idleSeconds * 1000;
      return readLatencies(article, () => Date.now() > until);
    };
    const idle = await idleRun();
    const idleAgain = await idleRun();
    log(`idle: cached article p99 ${round(percentile(idle, 99))} ms over ${idle.length} requests, again ${round(percentile(idleAgain, 99))} ms; server RSS ${round(idleRss / 2 ** 20, 0)} MB`);

    const started = Date.now();
    for (let i = 0; i < items; i++) {
      const name = path.join(inbox, `item-${String(i).padStart(5, "0")}.json`);
      writeFileSync(`${name}.part`, ninjsItem(i, pictures.origin));
      renameSync(`${name}.part`, name);
    }
    let finished = false;
    let peakRss = idleRss;
    let peakInboxRss = 0;
    const memory = (async () => {
      while (!finished) {
        const stats = await statsOf(server).catch(() => null);
        peakRss = Math.max(peakRss, stats?.memory.rss ?? 0);
        peakInboxRss = Math.max(peakInboxRss, inboxRss(stats?.wireInboxPid ?? null));
        await sleep(500);
      }
    })();
    const busy = readLatencies(article, () => finished);
    const deadline = started + 3 * 60 * 60 * 1000;
    let lastReport = 0;
    while (filedNames(inbox).length < items && Date.now() < deadline) {
      await sleep(500);
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now();
        log(`import: ${filedNames(inbox).length}/${items} filed after ${round((Date.now() - started) / 1000, 0)} s`);
      }
    }
    finished = true;
    const during = await busy;
    await memory;
    const totalSeconds = (Date.now() - started) / 1000;
    const files = filedNames(inbox);
    const filings = files.map((file) => statSync(file).ctimeMs).sort((a, b) => a - b);
    const gaps = filings.slice(1).map((at, index) => at - filings[index]);
    const failed = files.filter((file) => file.includes(`${path.sep}failed${path.sep}`));
    const imported = await db.wirePicture.count({ where: { status: "IMPORTED" } });
    log(`import: ${files.length - failed.length} imported, ${failed.length} failed, ${imported} pictures imported, in ${round(totalSeconds, 1)} s`);

    // The same count of plain inserts: one wire item row each, one at a time, nothing else.
    const insertTimes: number[] = [];
    for (let i = 0; i < items; i++) {
      const at = process.hrtime.bigint();
      await db.wireItem.create({ data: { guid: `urn:bench:plain:${i}`, version: 1, format: "ninjs-3", source: "{}", normalized: {}, skipped: [] } });
      insertTimes.push(Number(process.hrtime.bigint() - at) / 1e6);
    }
    const result = {
      items,
      picturesPerItem: 2,
      stories,
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}`,
      measuredAt: new Date().toISOString(),
      imported: files.length - failed.length,
      failed: failed.length,
      picturesImported: imported,
      totalSeconds: round(totalSeconds, 1),
      perItemMedianMs: round(median(gaps)),
      perItemP95Ms: round(percentile(gaps, 95)),
      perItemMeanMs: round((totalSeconds * 1000) / items),
      plainInsertMedianMs: round(median(insertTimes), 3),
      ratioToPlainInsert: round(median(gaps) / median(insertTimes), 0),
      idleRssMb: round(idleRss / 2 ** 20, 0),
      peakRssMb: round(peakRss / 2 ** 20, 0),
      inboxProcessPeakRssMb: round(peakInboxRss / 2 ** 20, 0),
      inboxNice: Number(process.env.WIRE_INBOX_NICE ?? 19),
      inboxPauseMs: Number(process.env.WIRE_INBOX_PAUSE_MS ?? 0),
      cachedArticleP99IdleAgainMs: round(percentile(idleAgain, 99)),
      idleControlRatio: round(percentile(idleAgain, 99) / percentile(idle, 99)),
      cachedArticleP99IdleMs: round(percentile(idle, 99)),
      cachedArticleP99DuringImportMs: round(percentile(during, 99)),
      cachedArticleRequestsDuringImport: during.length,
      p99Ratio: round(percentile(during, 99) / percentile(idle, 99)),
    };
    writeFileSync(path.join(tools.root, "bench", "wire-results.json"), `${JSON.stringify(result, null, 2)}\n`);
    updateReadme(path.join(tools.root, "README.md"), result);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await server.stop();
    await pictures.close();
    await db.$disconnect();
  }
}

const START = "<!-- wire-bench:start -->";
const END = "<!-- wire-bench:end -->";

function updateReadme(file: string, r: Record<string, string | number>): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return;
  const table = [
    `Measured on ${r.machine}, ${String(r.measuredAt).slice(0, 10)}: ${r.items} ninjs items with ${r.picturesPerItem} pictures each through the inbox folder (${r.imported} imported, ${r.failed} failed, ${r.picturesImported} pictures).`,
    "",
    "| Measure | Value |",
    "| --- | --- |",
    `| Time per item, median / p95 | ${r.perItemMedianMs} ms / ${r.perItemP95Ms} ms (${r.totalSeconds} s in all) |`,
    `| Plain database insert, median | ${r.plainInsertMedianMs} ms (import per item is ${r.ratioToPlainInsert}× that) |`,
    `| Server RSS, idle / peak during the import | ${r.idleRssMb} MB / ${r.peakRssMb} MB |`,
    `| Inbox process (nice ${r.inboxNice}, sharp on 1 thread, ${r.inboxPauseMs} ms pause between items) RSS, peak | ${r.inboxProcessPeakRssMb} MB |`,
    `| Cached article p99, idle / during the import | ${r.cachedArticleP99IdleMs} ms / ${r.cachedArticleP99DuringImportMs} ms (${r.p99Ratio}×; target within 2×) |`,
    `| Control: cached article p99, idle / idle again | ${r.cachedArticleP99IdleMs} ms / ${r.cachedArticleP99IdleAgainMs} ms (${r.idleControlRatio}×: this machine's noise) |`,
  ].join("\n");
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`);
}
