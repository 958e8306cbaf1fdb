// `npm run bench -- --varnish [--varnish-stories 200] [--varnish-seconds 10] [--varnish-rounds 3]
// [--varnish-connections 50]`: one cached article page's bytes served three ways, in interleaved
// rounds so machine drift cancels: through Varnish (in front of Pressbox, with the shipped VCL,
// deploy/varnish/pressbox.vcl), by a plain Node.js server holding
// the same bytes (the practical limit), and by Pressbox itself from its page cache. Then the 304
// answers to a conditional GET (If-None-Match with the page's ETag) through Pressbox and through
// Varnish. Reports requests/s, p50/p99 and the ratios; writes bench/varnish-results.json.
// Nothing here asserts. Needs varnishd (Debian: apt-get install varnish varnish-modules).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { SHIPPED_VCL, startVarnish, varnishMissing } from "../tests/support/varnish";
import type { SoloBenchTools } from "./server-env";
import { loadTool, median, runLoad, type LoadResult, type LoadTool } from "./load";
import { benchServerEnv } from "./server-env";
import { round, wholeNumberOption } from "./options";

type Target = { name: string; url: string; headers?: Record<string, string> };
type Summary = { rps: number; p50Ms: number; p99Ms: number; errors: number; rounds: LoadResult[] };

// Medians over the rounds (each round's own p50/p99; the median of those).
function summarize(rounds: LoadResult[]): Summary {
  return {
    rps: round(median(rounds.map((r) => r.rps)), 0),
    p50Ms: round(median(rounds.map((r) => r.p50Ms))),
    p99Ms: round(median(rounds.map((r) => r.p99Ms))),
    errors: rounds.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
    rounds,
  };
}

async function interleaved(tool: LoadTool, targets: Target[], options: { rounds: number; seconds: number; connections: number }, out: string, log: (line: string) => void) {
  const results = new Map<string, LoadResult[]>(targets.map((target) => [target.name, []]));
  for (let r = 1; r <= options.rounds; r += 1)
    for (const target of targets) {
      const result = await runLoad(tool, { url: target.url, connections: options.connections, seconds: options.seconds, headers: target.headers }, out);
      results.get(target.name)!.push(result);
      log(`round ${r}: ${target.name}: ${result.rps} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms${result.errors + result.non2xx ? `, ${result.errors} errors, ${result.non2xx} non-2xx/3xx` : ""}`);
    }
  return Object.fromEntries([...results].map(([name, rounds]) => [name, summarize(rounds)]));
}

// fetch, tried again after a failure: after a load run the client's pooled keep-alive connection
// may have been closed by the server (as in server-probe.ts).
async function fetchRetried(url: string, headers: Record<string, string>): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, { headers });
    } catch (error) {
      if (attempt === 3) throw new Error(`GET ${url} failed: ${String((error as Error).cause ?? error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

// What a target answers: status, the cache headers, the body bytes.
async function probe(url: string, headers: Record<string, string> = {}) {
  const response = await fetchRetried(url, headers);
  const body = Buffer.from(await response.arrayBuffer());
  const header = (name: string) => response.headers.get(name);
  return { status: response.status, body, etag: header("etag"), cacheControl: header("cache-control"), xCache: header("x-cache"), age: Number(header("age") ?? 0), pressbox: header("x-pressbox-cache") };
}

export async function runVarnishBench(argv: string[], tools: SoloBenchTools): Promise<void> {
  const stories = wholeNumberOption(argv, "--varnish-stories", 200);
  const options = { seconds: wholeNumberOption(argv, "--varnish-seconds", 10), rounds: wholeNumberOption(argv, "--varnish-rounds", 3), connections: wholeNumberOption(argv, "--varnish-connections", 50) };
  const { log, out } = tools;
  const missing = varnishMissing();
  if (missing) throw new Error(missing);
  const tool = loadTool();
  log(`load tool ${tool}${tool === "autocannon" ? " (wrk not installed: apt-get install -y wrk; autocannon cannot saturate the fastest targets, so their numbers are floors)" : ""}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const databaseUrl = `file:${path.join(out, "bench.db")}`;
  Object.assign(process.env, { DATABASE_URL: databaseUrl, MEDIA_DIR: path.join(out, "media"), NEXTAUTH_SECRET: "varnish-bench-secret-not-for-production" });
  const { seedBenchDatabase } = await import("./seed");
  const seed = await seedBenchDatabase({ databaseUrl, mediaDir: process.env.MEDIA_DIR!, stories, log: (line) => log(`seed: ${line}`) });
  await tools.ensureBuild();
  const port = await tools.freePort();
  const varnishPort = await tools.freePort();
  const pressbox = await tools.startServer(benchServerEnv(port, { PRESSBOX_SCHEDULER: "off", HTTP_CACHE_PURGE: "varnish", VARNISH_PURGE_URLS: `http://127.0.0.1:${varnishPort}` }), port);
  const stops: (() => Promise<void>)[] = [pressbox.stop];
  try {
    // Without gzip handling Varnish asks Pressbox for the page as the load tool does (no
    // Accept-Encoding) and stores those bytes, so all three targets send the same bytes; with it,
    // Varnish would store the gzipped page and unzip it for every such client.
    const varnish = await startVarnish({ backends: [{ host: "127.0.0.1", port }], port: varnishPort, logFile: path.join(out, "varnish.log"), parameters: ["http_gzip_support=off"] });
    stops.push(varnish.stop);
    const vcl = path.relative(process.cwd(), SHIPPED_VCL);
    log(`Varnish at ${varnish.url} with ${vcl}`);
    const article = seed.sample.path;
    await probe(`${pressbox.url}${article}`);
    const direct = await probe(`${pressbox.url}${article}`);
    if (direct.status !== 200 || direct.pressbox !== "hit") throw new Error(`the article did not come from the page cache (${direct.status}, ${direct.pressbox})`);
    await probe(`${varnish.url}${article}`);
    const viaVarnish = await probe(`${varnish.url}${article}`);
    const isVarnishCaching = /hit/i.test(viaVarnish.xCache ?? "") || viaVarnish.age > 0;
    if (!isVarnishCaching) log(`WARNING: Varnish did not cache the page (Pressbox sent Cache-Control: ${direct.cacheControl ?? "none"}): its numbers below are Pressbox behind a pass-through proxy`);
    const file = path.join(out, "control-page.html");
    writeFileSync(file, direct.body);
    const plainPort = await tools.freePort();
    const plain = await startPlain(tools, file, plainPort);
    stops.push(plain.stop);
    log(`${direct.body.length} bytes per answer; ${options.rounds} rounds of ${options.seconds} s, ${options.connections} connections`);

    const pages = await interleaved(
      tool,
      [
        { name: "varnish", url: `${varnish.url}${article}` },
        { name: "plain", url: `${plain.url}/` },
        { name: "pressbox", url: `${pressbox.url}${article}` },
      ],
      options,
      out,
      log,
    );

    let notModified: Record<string, Summary> | null = null;
    const etag = direct.etag;
    const conditional = etag ? { "if-none-match": etag } : undefined;
    const checks = etag ? [await probe(`${pressbox.url}${article}`, conditional), await probe(`${varnish.url}${article}`, conditional)] : [];
    if (!etag) log("304: Pressbox sent no ETag for the page, so there is nothing to revalidate");
    else if (checks.some((check) => check.status !== 304)) log(`304: a conditional GET answered ${checks.map((c) => c.status).join(" and ")} (Pressbox, Varnish), not 304: not measured`);
    else
      notModified = await interleaved(
        tool,
        [
          { name: "pressbox 304", url: `${pressbox.url}${article}`, headers: conditional },
          { name: "varnish 304", url: `${varnish.url}${article}`, headers: conditional },
        ],
        options,
        out,
        log,
      );

    const ratio = (a: number, b: number) => round(a / b, 2);
    const run = {
      at: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`,
      tool,
      vcl,
      isVarnishCaching,
      cacheControl: direct.cacheControl,
      etag,
      bytes: direct.body.length,
      options,
      pages,
      notModified,
      ratios: {
        varnishToPlain: ratio(pages.varnish.rps, pages.plain.rps),
        pressboxToPlain: ratio(pages.pressbox.rps, pages.plain.rps),
        varnishToPressbox: ratio(pages.varnish.rps, pages.pressbox.rps),
        ...(notModified ? { varnish304ToPressbox304: ratio(notModified["varnish 304"].rps, notModified["pressbox 304"].rps) } : {}),
      },
    };
    const line = (name: string, s: Summary) =>
      `${name.padEnd(14)} ${String(s.rps).padStart(8)} req/s   p50 ${String(s.p50Ms).padStart(6)} ms   p99 ${String(s.p99Ms).padStart(6)} ms${s.errors ? `   ${s.errors} errors` : ""}`;
    console.log(
      [
        "",
        `Cached article (${run.bytes} bytes), medians of ${options.rounds} rounds (${tool}, ${options.connections} connections):`,
        line("varnish", pages.varnish) + (isVarnishCaching ? "" : "   (not cached by Varnish: pass-through)"),
        line("plain node", pages.plain),
        line("pressbox", pages.pressbox),
        `varnish / plain node ${run.ratios.varnishToPlain}×, pressbox / plain node ${run.ratios.pressboxToPlain}×, varnish / pressbox ${run.ratios.varnishToPressbox}×`,
        ...(notModified
          ? ["304 answers to If-None-Match:", line("pressbox 304", notModified["pressbox 304"]), line("varnish 304", notModified["varnish 304"]), `varnish / pressbox ${run.ratios.varnish304ToPressbox304}×`]
          : ["304 answers: not measured (see above)"]),
        "",
      ].join("\n"),
    );
    writeFileSync(path.join(tools.root, "bench", "varnish-results.json"), `${JSON.stringify(run, null, 2)}\n`);
    log("wrote bench/varnish-results.json");
  } finally {
    for (const stop of stops.reverse()) await stop();
    const { db } = await import("../lib/db");
    await db.$disconnect();
  }
}

// The plain-Node control (bench/plain-server.mjs) serving `file`.
async function startPlain(tools: SoloBenchTools, file: string, port: number) {
  const { spawnGroup, stopGroup, waitUntilAnswering, killGroupOnExit } = await import("../scripts/process-group");
  const logFile = path.join(tools.out, "plain-node.log");
  const child = spawnGroup(process.execPath, [path.join(tools.root, "bench", "plain-server.mjs"), file, String(port)], { stdio: "ignore" });
  const forget = killGroupOnExit(child);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(url, child, { name: "plain-node", logFile, timeoutMs: 10_000 });
  return {
    url,
    stop: async () => {
      forget();
      await stopGroup(child, 3_000);
    },
  };
}
