// `npm run bench -- --newsletter-subscribers 10000 [--send-rate 200] [--send-concurrency 4]
// [--samples 40] [--stories 200]`: an edition to N confirmed subscribers, sent by the production
// server's own sender (lib/newsletters/sending/, started with the scheduler) through a local SMTP
// server (smtp-server, counting what arrives). Measures messages per second (first to last
// arrival), the server's peak RSS while sending (its stats hook, sampled every 250 ms), and the
// reader's article page (cached, and uncached: its cache tag dropped before each request) idle
// and while sending; the target is within 2× of idle. Checks that every subscriber got exactly one
// copy. Writes bench/newsletter-results.json. Nothing here asserts.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { median, percentile } from "./load";
import { positiveOption, round, wholeNumberOption } from "./options";
import { benchServerEnv, type SoloBenchTools } from "./server-env";
import { clearCaches, stats, timedGet } from "./server-probe";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Sink = { url: string; arrivals: number[]; recipients: Map<string, number>; stop: () => Promise<void> };

// An SMTP server that takes everything and keeps only who it was for and when it arrived.
async function startSink(port: number): Promise<Sink> {
  const arrivals: number[] = [];
  const recipients = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        arrivals.push(performance.now());
        for (const rcpt of session.envelope.rcptTo) recipients.set(rcpt.address, (recipients.get(rcpt.address) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return { url: `smtp://127.0.0.1:${port}`, arrivals, recipients, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function seedSubscribers(count: number, articleIds: string[]): Promise<{ editionId: string; version: number }> {
  const { db } = await import("../lib/db");
  const { newRecordId } = await import("../tests/fixtures/article-input");
  const now = new Date();
  // The demo newsroom's main newsletter (the bench seed starts from the demo).
  const newsletter = await db.newsletter.findFirstOrThrow({ where: { isMain: true } });
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
      id: newRecordId(),
      email: `reader-${start + i}@readers.example.org`,
      status: "CONFIRMED" as const,
      consentText: "Yes.",
      consentAt: now,
      confirmedAt: now,
    }));
    await db.subscriber.createMany({ data: rows });
    await db.subscription.createMany({ data: rows.map((row) => ({ subscriberId: row.id, newsletterId: newsletter.id, status: "CONFIRMED" as const, consentText: "Yes.", consentAt: now, confirmedAt: now })) });
  }
  const edition = await db.edition.create({
    data: {
      newsletterId: newsletter.id,
      subject: "Your morning briefing",
      intro: "Good morning.",
      scheduledFor: now,
      items: { create: articleIds.map((articleId, position) => ({ articleId, position, heading: position ? "Top stories" : "Lead" })) },
    },
  });
  return { editionId: edition.id, version: edition.version };
}

type Latency = { samples: number; p50Ms: number; p95Ms: number; maxMs: number };
const summarize = (times: number[]): Latency => ({ samples: times.length, p50Ms: round(median(times)), p95Ms: round(percentile(times, 95)), maxMs: round(Math.max(...times)) });

// One cached and one uncached article request per round, until `until` says stop (or `rounds`).
async function probeArticles(server: { url: string }, cachedPath: string, uncached: { path: string; id: string }[], until: () => boolean, rounds = Infinity) {
  const cached: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < rounds && !until(); i += 1) {
    const hit = await timedGet(`${server.url}${cachedPath}`);
    if (hit.status !== 200) throw new Error(`${cachedPath} answered ${hit.status}`);
    cached.push(hit.ms);
    const target = uncached[i % uncached.length];
    await clearCaches(server, [`article:${target.id}`]);
    const miss = await timedGet(`${server.url}${target.path}`);
    if (miss.status !== 200) throw new Error(`${target.path} answered ${miss.status}`);
    fresh.push(miss.ms);
    await sleep(50);
  }
  return { cached, fresh };
}

export async function runNewsletterBench(argv: string[], tools: SoloBenchTools): Promise<void> {
  const subscribers = wholeNumberOption(argv, "--newsletter-subscribers", 10_000);
  const rate = positiveOption(argv, "--send-rate", 200);
  const concurrency = wholeNumberOption(argv, "--send-concurrency", 4);
  const samples = wholeNumberOption(argv, "--samples", 40);
  const stories = wholeNumberOption(argv, "--stories", 200);
  const { log, out } = tools;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const databaseUrl = `file:${path.join(out, "bench.db")}`;
  Object.assign(process.env, { DATABASE_URL: databaseUrl, MEDIA_DIR: path.join(out, "media"), NEXTAUTH_SECRET: "newsletter-bench-secret-not-for-production" });
  const { seedBenchDatabase } = await import("./seed");
  const seed = await seedBenchDatabase({ databaseUrl, mediaDir: process.env.MEDIA_DIR!, stories, log: (line) => log(`seed: ${line}`) });
  const seededAt = performance.now();
  const edition = await seedSubscribers(subscribers, seed.articleIds.slice(0, 6));
  log(`${subscribers} confirmed subscribers and an edition of 6 stories in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`);
  const sink = await startSink(await tools.freePort());
  process.env.SMTP_URL = sink.url;
  await tools.ensureBuild();
  const port = await tools.freePort();
  const env = benchServerEnv(port, { PRESSBOX_COUNT_QUERIES: "1", SMTP_URL: sink.url, NEWSLETTER_SEND_RATE: String(rate), NEWSLETTER_SEND_CONCURRENCY: String(concurrency), NEWSLETTER_SEND_POLL_SECONDS: "1" });
  const server = await tools.startServer(env, port);
  const { db } = await import("../lib/db");
  try {
    const cachedPath = seed.sample.path;
    const uncached = seed.articleIds.slice(10, 30).map((id, i) => ({ id, path: seed.articlePaths[10 + i] }));
    await probeArticles(server, cachedPath, uncached, () => false, 5); // warm-up, not kept
    const idle = await probeArticles(server, cachedPath, uncached, () => false, samples);
    const idleRss = (await stats(server)).memory.rss;
    log(`idle: cached article p50 ${round(median(idle.cached))} ms, uncached p50 ${round(median(idle.fresh))} ms; server RSS ${round(idleRss / 2 ** 20, 0)} MB`);

    const { queueEdition } = await import("../lib/newsletters/sending/queue");
    const editor = await db.user.findUniqueOrThrow({ where: { id: seed.editorId }, select: { id: true, role: true, name: true } });
    const queuedAt = performance.now();
    const { recipients } = await queueEdition(editor, { editionId: edition.editionId, version: edition.version });
    const queueMs = performance.now() - queuedAt;
    log(`queued ${recipients} deliveries in ${round(queueMs, 0)} ms; sending at up to ${rate}/s, ${concurrency} at once`);
    let peakRss = idleRss;
    let done = false;
    const sampler = (async () => {
      while (!done) {
        peakRss = Math.max(peakRss, (await stats(server)).memory.rss);
        await sleep(250);
      }
    })();
    const isFinished = () => sink.arrivals.length >= subscribers;
    // Probing starts once the first message has arrived (the server is sending), ends with the last.
    while (!sink.arrivals.length) await sleep(20);
    const sending = await probeArticles(server, cachedPath, uncached, isFinished);
    const deadline = Date.now() + 30 * 60_000;
    while (!isFinished() && Date.now() < deadline) await sleep(200);
    done = true;
    await sampler;
    let status = "";
    for (let i = 0; i < 50 && status !== "SENT"; i += 1, await sleep(200)) status = (await db.edition.findUniqueOrThrow({ where: { id: edition.editionId } })).status;
    const first = sink.arrivals[0];
    const last = sink.arrivals[sink.arrivals.length - 1];
    const duplicates = [...sink.recipients.values()].filter((n) => n > 1).length;
    const result = {
      ranAt: new Date().toISOString(),
      machine: { cpus: cpus().length, memoryGb: round(totalmem() / 2 ** 30, 1), loadAverage: loadavg().map((l) => round(l)) },
      database: "sqlite",
      subscribers,
      settings: { sendRate: rate, concurrency, stories },
      queueMs: round(queueMs, 0),
      messages: { received: sink.arrivals.length, distinctRecipients: sink.recipients.size, duplicates, editionStatus: status },
      messagesPerSecond: round((sink.arrivals.length - 1) / ((last - first) / 1000), 1),
      queueToLastMessageSeconds: round((last - queuedAt) / 1000, 1),
      serverRssMb: { idle: round(idleRss / 2 ** 20, 0), peakWhileSending: round(peakRss / 2 ** 20, 0) },
      articleLatency: {
        cached: { idle: summarize(idle.cached), whileSending: summarize(sending.cached) },
        uncached: { idle: summarize(idle.fresh), whileSending: summarize(sending.fresh) },
      },
      ratioWhileSendingToIdleP50: { cached: round(median(sending.cached) / median(idle.cached)), uncached: round(median(sending.fresh) / median(idle.fresh)) },
    };
    writeFileSync(path.join(tools.root, "bench", "newsletter-results.json"), `${JSON.stringify(result, null, 2)}\n`);
    log(JSON.stringify(result, null, 2));
  } finally {
    await server.stop();
    await sink.stop();
    await db.$disconnect();
  }
}
