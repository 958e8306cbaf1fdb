// `npm run bench -- --live-readers 1000 [--live-entries 10] [--live-stories 200] [--rate-seconds 10]
// [--poll-seconds 20] [--client-processes 1]`: live coverage with many readers on a running production
// server (scripts/server.ts). Seeds a small newsroom and makes one published story live coverage
// through the live desk's own server actions (makeLiveCoverageAction, updateCoverageAction to LIVE,
// postEntryAction), posted over HTTP with an editor's session cookie, as the desk's browser does:
// the entry is written by the server process, whose in-process bus (lib/live/bus.ts) tells its
// streams. The readers live in `--client-processes` child processes (bench/live-clients.mjs), one
// socket each; one process keeps up with 1,000 streams (all had each entry within ~20 ms of the
// first), and on 2 cores a second one only competes with the server. Measures:
// - delivery: N readers on …/events; for each of `--live-entries` entries, the time from just
//   before the post is sent to each reader's `event: change` with the entry's seq (p50/p99/max,
//   how many got it), one entry at a time;
// - server memory per connection: the server's RSS (its stats hook, after a full collection: the
//   server runs with --expose-gc here) with the streams open minus before, divided by the streams;
// - the cached article rate of another story (the load tool, as bench/run.ts) idle, idle again
//   (the control: this machine's noise), and with the N streams open while an entry is posted
//   every 2 s (the deliveries of those entries are reported too);
// - polling: N readers of …/changes, each asking with its last cursor and waiting the answer's
//   pollAfterMs: requests/s served, latency, and what the server read for them (its query counter
//   and its data cache's hits and misses: the changes route is not in the page cache, see
//   lib/cache/page-request.ts; its answer carries Cache-Control s-maxage for a shared cache).
// Writes bench/live-results.json and the README's live table. Nothing here asserts.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { loadTool, median, percentile, runLoad, type LoadResult } from "./load";
import { benchServerEnv, type SoloBenchTools } from "./server-env";
import { round, positiveOption } from "./options";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

type Stats = { queries: number; memory: { rss: number; heapUsed: number }; pageCache: { entries: number; hits: number; misses: number }; dataCache: { entries: number; hits: number; misses: number } };
// gc: after a full collection (the server runs with --expose-gc here), for memory comparisons.
const statsOf = async (server: { url: string }, gc = false) => (await (await fetch(`${server.url}/__pressbox/stats${gc ? "?gc=1" : ""}`)).json()) as Stats;

// One reader process and a way to ask it something and wait for its answer.
type Clients = { child: ChildProcess; ask: <T>(message: object, reply: string) => Promise<T> };

function startClients(file: string): Clients {
  const child = fork(file, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const waiting = new Map<string, (value: unknown) => void>();
  child.on("message", (message: { type: string }) => {
    const resolve = waiting.get(message.type);
    waiting.delete(message.type);
    resolve?.(message);
  });
  const ask = <T>(message: object, reply: string) =>
    new Promise<T>((resolve, reject) => {
      if (waiting.has(reply)) return reject(new Error(`already waiting for ${reply}`));
      const onExit = () => reject(new Error(`a reader process exited (${child.exitCode ?? child.signalCode})`));
      child.once("exit", onExit);
      waiting.set(reply, (value) => {
        child.off("exit", onExit);
        resolve(value as T);
      });
      child.send(message);
    });
  return { child, ask };
}

function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function summarize(times: number[]) {
  return { minMs: round(Math.min(...times)), p50Ms: round(median(times)), p99Ms: round(percentile(times, 99)), maxMs: round(Math.max(...times)) };
}

export async function runLiveBench(argv: string[], tools: SoloBenchTools): Promise<void> {
  const readers = positiveOption(argv, "--live-readers", 1000);
  const entries = positiveOption(argv, "--live-entries", 10);
  const stories = positiveOption(argv, "--live-stories", 200);
  const rateSeconds = positiveOption(argv, "--rate-seconds", 10);
  const pollSeconds = positiveOption(argv, "--poll-seconds", 20);
  const processes = positiveOption(argv, "--client-processes", 1);
  const connections = 50;
  const { log, out } = tools;
  const tool = loadTool();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const databaseUrl = `file:${path.join(out, "bench.db")}`;
  const secret = "live-bench-secret-not-for-production";
  Object.assign(process.env, { DATABASE_URL: databaseUrl, MEDIA_DIR: path.join(out, "media"), NEXTAUTH_SECRET: secret });
  const { seedBenchDatabase } = await import("./seed");
  const seed = await seedBenchDatabase({ databaseUrl, mediaDir: process.env.MEDIA_DIR!, stories, log: (line) => log(`seed: ${line}`) });
  const liveIndex = seed.articleIds[0] === seed.sample.articleId ? 1 : 0;
  const liveId = seed.articleIds[liveIndex];
  const livePath = seed.articlePaths[liveIndex];
  await tools.ensureBuild();
  const port = await tools.freePort();
  const env = benchServerEnv(port, {
    PRESSBOX_COUNT_QUERIES: "1",
    PRESSBOX_SCHEDULER: "off",
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`.trim(),
  });
  const server = await tools.startServer(env, port);
  const clients: Clients[] = [];
  const { db } = await import("../lib/db");
  try {
    // The live desk's server actions, posted as the desk's browser posts them.
    const { encode } = await import("next-auth/jwt");
    const { passwordFingerprint } = await import("../lib/auth/password");
    const editor = await db.user.findUniqueOrThrow({ where: { id: seed.editorId } });
    // A server-side session row, as signing in makes (lib/auth/user-sessions.ts): the cookie names it.
    const session = await db.userSession.create({ data: { userId: editor.id, ip: "127.0.0.1", userAgent: "pressbox live bench" }, select: { id: true } });
    const token = await encode({ token: { sub: editor.id, sid: session.id, name: editor.name, email: editor.email, role: editor.role, pwd: passwordFingerprint(editor.passwordHash) }, secret });
    const manifest = JSON.parse(readFileSync(path.join(tools.root, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
    const actionId = (name: string) => {
      const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === name && v.filename?.includes("live/actions"))?.[0];
      if (!id) throw new Error(`${name} is not in the server reference manifest`);
      return id;
    };
    const callAction = async (name: string, input: unknown): Promise<{ seq: number; ms: number }> => {
      const started = process.hrtime.bigint();
      const response = await fetch(`${server.url}/newsroom/stories/${liveId}/live`, {
        method: "POST",
        headers: { "next-action": actionId(name), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: server.url, cookie: `next-auth.session-token=${token}` },
        body: JSON.stringify([input]),
      });
      const answer = await response.text();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const seq = /"seq":(\d+)/.exec(answer)?.[1];
      if (response.status !== 200 || !answer.includes('"ok":true') || !seq) throw new Error(`${name} answered ${response.status}: ${answer.slice(0, 300)}`);
      return { seq: Number(seq), ms };
    };
    let posted = 0;
    const postEntry = (text: string) => {
      posted += 1;
      return callAction("postEntryAction", {
        articleId: liveId,
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `${text} (entry ${posted})` }] }] },
        minuteOrPeriod: `${posted}'`,
      });
    };
    await callAction("makeLiveCoverageAction", { articleId: liveId, match: { home: "Bench City", away: "Load Athletic", competition: "Bench League", venue: "Localhost Park" } });
    await callAction("updateCoverageAction", { articleId: liveId, expectedVersion: 1, status: "LIVE" });
    // The post alone, with no reader connected: what a delivery's time starts from.
    const alone: number[] = [];
    const queriesBefore = (await statsOf(server)).queries;
    for (let i = 0; i < 5; i++) alone.push((await postEntry("Before the readers arrive")).ms);
    const queriesPerPost = ((await statsOf(server)).queries - queriesBefore) / 5;
    const changesUrl = `${server.url}${livePath}/changes`;
    const first = (await (await fetch(`${changesUrl}?cursor=0`)).json()) as { cursor: number; pollAfterMs: number };
    log(`live coverage at ${livePath} (cursor ${first.cursor}, pollAfterMs ${first.pollAfterMs}); ${readers} readers in ${processes} process${processes === 1 ? "" : "es"}; load tool ${tool}`);

    // The cached article page of another story: idle, and idle again (the control).
    const article = `${server.url}${seed.sample.path}`;
    for (let i = 0; i < 3; i++) await (await fetch(article)).arrayBuffer();
    const rate = () => runLoad(tool, { url: article, connections, seconds: rateSeconds }, out);
    await runLoad(tool, { url: article, connections, seconds: 3 }, out); // warm-up, not kept
    const idle = await rate();
    const idleAgain = await rate();
    log(
      `cached article idle: ${idle.rps} req/s (p99 ${idle.p99Ms} ms), again ${idleAgain.rps} req/s; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );

    // N streams, split over the reader processes.
    for (let i = 0; i < processes; i++) clients.push(startClients(path.join(tools.root, "bench", "live-clients.mjs")));
    await sleep(1000);
    const before = await statsOf(server, true);
    const openedAt = Date.now();
    const ready = await Promise.all(
      clients.map((c, i) => c.ask<{ open: number; failed: number }>({ type: "sse", url: `${server.url}${livePath}/events?cursor=${first.cursor}`, count: split(readers, processes)[i] }, "sse-ready")),
    );
    const open = ready.reduce((sum, r) => sum + r.open, 0);
    const failed = ready.reduce((sum, r) => sum + r.failed, 0);
    await sleep(2000);
    const withStreams = await statsOf(server, true);
    const perConnectionKb = round((withStreams.memory.rss - before.memory.rss) / open / 1024, 1);
    log(
      `${open} streams open (${failed} failed) in ${((Date.now() - openedAt) / 1000).toFixed(1)} s; server RSS ${round(before.memory.rss / 2 ** 20, 0)} MB -> ${round(withStreams.memory.rss / 2 ** 20, 0)} MB (${perConnectionKb} KB per connection)`,
    );

    // Deliveries: one entry at a time, each awaited by every stream (or 10 s).
    type Counted = { bySeq: Record<string, number[]>; ended: number; errors: number };
    const arrivalsOf = async (seqs: number[]) => {
      const answers = await Promise.all(clients.map((c) => c.ask<Counted>({ type: "collect", seqs }, "deliveries")));
      const times = new Map<number, number[]>(seqs.map((seq) => [seq, answers.flatMap((a) => a.bySeq[seq] ?? [])]));
      return { times, ended: answers.reduce((sum, a) => sum + a.ended, 0), errors: answers.reduce((sum, a) => sum + a.errors, 0) };
    };
    const measureEntry = async (text: string) => {
      const sentAt = now();
      const { seq, ms } = await callAction("postEntryAction", { articleId: liveId, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] } });
      posted += 1;
      return { seq, sentAt, postMs: ms };
    };
    const deliveries: number[] = [];
    const perEntry: { seq: number; postMs: number; received: number; minMs: number; p50Ms: number; p99Ms: number; maxMs: number }[] = [];
    for (let i = 0; i < entries; i++) {
      const { seq, sentAt, postMs } = await measureEntry(`Delivery test entry ${i + 1}`);
      const deadline = Date.now() + 10_000;
      // What the readers got so far (collect hands it over and forgets it), until all have it.
      let got: number[] = [];
      await sleep(200);
      for (;;) {
        const { times } = await arrivalsOf([seq]);
        got = got.concat(times.get(seq) ?? []);
        if (got.length >= open || Date.now() > deadline) break;
        await sleep(250);
      }
      const delays = got.map((at) => at - sentAt);
      deliveries.push(...delays);
      perEntry.push({ seq, postMs: round(postMs), received: got.length, ...summarize(delays) });
      log(
        `entry ${i + 1} (seq ${seq}): ${got.length}/${open} readers, first ${round(Math.min(...delays))} ms, p50 ${round(median(delays))} ms, p99 ${round(percentile(delays, 99))} ms, max ${round(Math.max(...delays))} ms (the post itself ${round(postMs)} ms)`,
      );
      await sleep(500);
    }
    const afterEntries = await statsOf(server, true);

    // The cached article rate with the streams open, an entry posted every 2 s meanwhile (with
    // wrk, which runs synchronously, no entries can be posted during the run).
    let loading = true;
    const duringSeqs: { seq: number; sentAt: number }[] = [];
    const poster = (async () => {
      while (loading) {
        await sleep(2000);
        if (!loading) break;
        duringSeqs.push(await measureEntry(`Entry posted during the article load, ${duringSeqs.length + 1}`));
      }
    })();
    const busy = await rate();
    loading = false;
    await poster;
    await sleep(3000);
    const during = await arrivalsOf(duringSeqs.map((s) => s.seq));
    const duringDelays = duringSeqs.flatMap(({ seq, sentAt }) => (during.times.get(seq) ?? []).map((at) => at - sentAt));
    const duringReceived = duringSeqs.map(({ seq }) => during.times.get(seq)?.length ?? 0);
    log(
      `cached article with ${open} streams open: ${busy.rps} req/s (p99 ${busy.p99Ms} ms; ${round(busy.rps / idle.rps, 3)}× idle); ${duringSeqs.length} entries posted meanwhile, delivery p50 ${round(median(duringDelays))} ms, p99 ${round(percentile(duringDelays, 99))} ms`,
    );
    const streamsState = await arrivalsOf([]);
    await Promise.all(clients.map((c) => c.ask({ type: "close-sse" }, "closed")));
    await sleep(2000);

    // Polling: N readers of …/changes at the answer's pollAfterMs; a quiet window, then one with an
    // entry posted every 5 s (each post drops the story's cached reads, so some polls miss).
    type Polled = { latencies: number[]; statuses: Record<string, number>; cacheControls: Record<string, number>; waits: Record<string, number>; changesSeen: number; startedAt: number; endedAt: number };
    const pollWindow = async (postEveryMs: number | null) => {
      const current = (await (await fetch(`${changesUrl}?cursor=0`)).json()) as { cursor: number; pollAfterMs: number };
      const pollBefore = await statsOf(server);
      let polling = true;
      let posts = 0;
      const poster = (async () => {
        while (postEveryMs && polling) {
          await sleep(postEveryMs);
          if (!polling) break;
          await postEntry("Posted while readers poll");
          posts += 1;
        }
      })();
      const polled = await Promise.all(
        clients.map((c, i) => c.ask<Polled>({ type: "poll", url: changesUrl, count: split(readers, processes)[i], seconds: pollSeconds, cursor: current.cursor, pollAfterMs: current.pollAfterMs }, "poll-done")),
      );
      polling = false;
      await poster;
      const pollAfter = await statsOf(server);
      const latencies = polled.flatMap((p) => p.latencies);
      const merge = (pick: (p: Polled) => Record<string, number>) => {
        const all: Record<string, number> = {};
        for (const p of polled) for (const [k, v] of Object.entries(pick(p))) all[k] = (all[k] ?? 0) + v;
        return all;
      };
      const statuses = merge((p) => p.statuses);
      const requests = Object.values(statuses).reduce((sum, n) => sum + n, 0);
      const windowSeconds = (Math.max(...polled.map((p) => p.endedAt)) - Math.min(...polled.map((p) => p.startedAt))) / 1000;
      const queries = pollAfter.queries - pollBefore.queries;
      const result = {
        readers,
        seconds: round(windowSeconds, 1),
        pollAfterMs: current.pollAfterMs,
        entriesPosted: posts,
        requests,
        statuses,
        rps: round(requests / windowSeconds, 1),
        ...summarize(latencies),
        cacheControl: merge((p) => p.cacheControls),
        waitsMs: merge((p) => p.waits),
        changesSeen: polled.reduce((sum, p) => sum + p.changesSeen, 0),
        databaseQueries: queries,
        // The posts' own queries (measured with no reader connected) taken out: what the polls read.
        databaseQueriesForPolls: round(queries - posts * queriesPerPost, 0),
        dataCacheHits: pollAfter.dataCache.hits - pollBefore.dataCache.hits,
        dataCacheMisses: pollAfter.dataCache.misses - pollBefore.dataCache.misses,
        pageCacheHits: pollAfter.pageCache.hits - pollBefore.pageCache.hits,
        pageCacheMisses: pollAfter.pageCache.misses - pollBefore.pageCache.misses,
      };
      log(
        `polling${posts ? ` (${posts} entries posted meanwhile)` : ""}: ${requests} requests in ${result.seconds} s (${result.rps} req/s), p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms; ${queries} database queries (${result.databaseQueriesForPolls} for the polls), data cache ${result.dataCacheHits} hits / ${result.dataCacheMisses} misses, page cache ${result.pageCacheHits} hits; ${result.changesSeen} changes seen`,
      );
      return result;
    };
    const polling = await pollWindow(null);
    await sleep(2000);
    const pollingWithPosts = await pollWindow(5000);

    const result = {
      readers,
      clientProcesses: processes,
      stories,
      tool,
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}`,
      measuredAt: new Date().toISOString(),
      loadAverageAtEnd: loadavg().map((l) => round(l)),
      delivery: {
        streamsOpen: open,
        streamsFailed: failed,
        entries,
        received: deliveries.length,
        expected: open * entries,
        ...summarize(deliveries),
        postMedianMs: round(median(perEntry.map((e) => e.postMs))),
        postWithoutReadersMedianMs: round(median(alone)),
        // Per entry, the last reader's time minus the first's: what the fan-out itself takes.
        spreadMedianMs: round(median(perEntry.map((e) => e.maxMs - e.minMs))),
        spreadMaxMs: round(Math.max(...perEntry.map((e) => e.maxMs - e.minMs))),
        perEntry,
        streamsEndedOrFailedByTheEnd: { ended: streamsState.ended, errors: streamsState.errors },
      },
      memory: {
        rssBeforeMb: round(before.memory.rss / 2 ** 20, 1),
        rssWithStreamsMb: round(withStreams.memory.rss / 2 ** 20, 1),
        rssAfterEntriesMb: round(afterEntries.memory.rss / 2 ** 20, 1),
        perConnectionKb,
        heapPerConnectionKb: round((withStreams.memory.heapUsed - before.memory.heapUsed) / open / 1024, 1),
      },
      cachedArticle: {
        connections,
        seconds: rateSeconds,
        idle: pick(idle),
        idleAgain: pick(idleAgain),
        withStreams: pick(busy),
        ratioToIdle: round(busy.rps / idle.rps, 3),
        idleControlRatio: round(idleAgain.rps / idle.rps, 3),
        entriesPostedMeanwhile: duringSeqs.length,
        deliveryMeanwhile: { received: duringDelays.length, expected: duringSeqs.length * open, minReceived: duringReceived.length ? Math.min(...duringReceived) : 0, ...summarize(duringDelays) },
      },
      polling,
      pollingWithPosts,
    };
    writeFileSync(path.join(tools.root, "bench", "live-results.json"), `${JSON.stringify(result, null, 2)}\n`);
    updateReadme(path.join(tools.root, "README.md"), result);
    console.log(JSON.stringify({ ...result, delivery: { ...result.delivery, perEntry: undefined } }, null, 2));
  } finally {
    for (const c of clients) c.child.kill();
    await server.stop();
    await db.$disconnect();
  }
}

function pick(r: LoadResult) {
  return { rps: r.rps, p50Ms: r.p50Ms, p99Ms: r.p99Ms, errors: r.errors + r.non2xx };
}

const START = "<!-- live-bench:start -->";
const END = "<!-- live-bench:end -->";

type Polling = {
  readers: number;
  seconds: number;
  pollAfterMs: number;
  entriesPosted: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  changesSeen: number;
  databaseQueries: number;
  databaseQueriesForPolls: number;
  dataCacheHits: number;
  dataCacheMisses: number;
  pageCacheHits: number;
  statuses: Record<string, number>;
};

type Result = {
  readers: number;
  clientProcesses: number;
  machine: string;
  measuredAt: string;
  tool: string;
  loadAverageAtEnd: number[];
  delivery: {
    streamsOpen: number;
    streamsFailed: number;
    entries: number;
    received: number;
    expected: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    postMedianMs: number;
    postWithoutReadersMedianMs: number;
    spreadMedianMs: number;
    spreadMaxMs: number;
  };
  memory: { rssBeforeMb: number; rssWithStreamsMb: number; perConnectionKb: number; heapPerConnectionKb: number };
  cachedArticle: {
    connections: number;
    seconds: number;
    idle: { rps: number };
    idleAgain: { rps: number };
    withStreams: { rps: number };
    ratioToIdle: number;
    idleControlRatio: number;
    entriesPostedMeanwhile: number;
    deliveryMeanwhile: { received: number; expected: number; p50Ms: number; p99Ms: number };
  };
  polling: Polling;
  pollingWithPosts: Polling;
};

function updateReadme(file: string, r: Result): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return;
  const d = r.delivery;
  const c = r.cachedArticle;
  const notOk = (p: Polling) =>
    Object.entries(p.statuses)
      .filter(([status]) => status !== "200")
      .reduce((sum, [, n]) => sum + n, 0);
  const pollRows = (p: Polling, label: string) => [
    `| Polling${label}: ${p.readers} readers of …/changes at pollAfterMs ${p.pollAfterMs} ms, ${p.seconds} s | ${p.rps} req/s served (${p.requests} requests, ${notOk(p)} not 200), p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms; ${p.changesSeen} changes seen |`,
    `| What the server read for those polls | ${p.entriesPosted ? `${p.databaseQueriesForPolls} database queries (${p.databaseQueries} in all, the posts' own included)` : `${p.databaseQueries} database queries`}; data cache ${p.dataCacheHits} hits / ${p.dataCacheMisses} misses; page cache ${p.pageCacheHits} hits (the route is not in the page cache) |`,
  ];
  const table = [
    `Measured on ${r.machine}, ${r.measuredAt.slice(0, 10)} (load tool ${r.tool}; readers in ${r.clientProcesses} process${r.clientProcesses === 1 ? "" : "es"} on the same machine; load average ${r.loadAverageAtEnd.join(", ")} at the end): ${d.streamsOpen} readers on …/events (${d.streamsFailed} failed to open), ${d.entries} entries posted one at a time.`,
    "",
    "| Measure | Value |",
    "| --- | --- |",
    `| Entry posted to every reader, p50 / p99 / max | ${d.p50Ms} ms / ${d.p99Ms} ms / ${d.maxMs} ms (target p99 < 1 s); ${d.received} of ${d.expected} deliveries; first to last reader of one entry ${d.spreadMedianMs} ms (median; at most ${d.spreadMaxMs} ms); the post's own answer ${d.postMedianMs} ms (median; ${d.postWithoutReadersMedianMs} ms with no reader connected) |`,
    `| Server RSS, before / with ${d.streamsOpen} streams | ${r.memory.rssBeforeMb} MB / ${r.memory.rssWithStreamsMb} MB (${r.memory.perConnectionKb} KB per connection; JS heap ${r.memory.heapPerConnectionKb} KB per connection) |`,
    `| Cached article (another story, ${c.connections} connections, ${c.seconds} s), idle / with the streams open | ${c.idle.rps} req/s / ${c.withStreams.rps} req/s (${c.ratioToIdle}× idle; target within 2×) |`,
    `| Control: cached article idle / idle again | ${c.idle.rps} req/s / ${c.idleAgain.rps} req/s (${c.idleControlRatio}×: this machine's noise) |`,
    `| Entries posted during that run (one every 2 s), delivery p50 / p99 | ${c.deliveryMeanwhile.p50Ms} ms / ${c.deliveryMeanwhile.p99Ms} ms (${c.deliveryMeanwhile.received} of ${c.deliveryMeanwhile.expected}; ${c.entriesPostedMeanwhile} entries) |`,
    ...pollRows(r.polling, ", nothing posted"),
    ...pollRows(r.pollingWithPosts, `, an entry posted every 5 s (${r.pollingWithPosts.entriesPosted})`),
  ].join("\n");
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`);
}
