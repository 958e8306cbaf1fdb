// The readers of the live coverage benchmark (bench/live.ts), in a process of their own so the
// benchmark's own work (posting, autocannon) does not hold them up. Started with child_process.fork
// and driven by messages:
//   {type: "sse", url, count}: opens `count` Server-Sent Events connections (one socket each, as
//     browsers have), answers {type: "sse-ready", open, failed} once each has its first bytes. Every
//     `event: change` is noted with its `id:` (the seq) and the time it arrived.
//   {type: "collect", seqs}: answers {type: "deliveries", bySeq: {seq: [ms since epoch, …]}, open}
//     for those seqs (and forgets them).
//   {type: "close-sse"}: closes every stream.
//   {type: "poll", url, count, seconds, cursor}: `count` polling readers of …/changes, each with
//     its own keep-alive connection, asking with the cursor of the last answer and waiting its
//     pollAfterMs (0 when hasMore), as components/site/story/live-updates.tsx does; the first
//     asks are spread over the first pollAfterMs. Answers {type: "poll-done", …}.
// Times are performance.timeOrigin + performance.now(): comparable across processes on one machine.
import { Agent, get } from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

const now = () => performance.timeOrigin + performance.now();

const streams = [];
// seq -> arrival times (one per stream that got it)
const arrivals = new Map();
const counts = { ended: 0, errors: 0 };

function openStream(url) {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (ok) => {
      if (!settled) {
        settled = true;
        resolve(ok);
      }
    };
    const request = get(url, { agent: false, headers: { accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        counts.errors += 1;
        return settle(false);
      }
      response.setEncoding("utf8");
      let buffer = "";
      response.on("data", (chunk) => {
        const at = now();
        settle(true);
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id = null;
          let event = null;
          for (const line of block.split("\n")) {
            if (line.startsWith("id: ")) id = Number(line.slice(4));
            else if (line.startsWith("event: ")) event = line.slice(7);
          }
          if (event === "change" && id !== null) {
            const list = arrivals.get(id) ?? [];
            list.push(at);
            arrivals.set(id, list);
          }
        }
      });
      response.on("end", () => {
        counts.ended += 1;
      });
      response.on("error", () => {
        counts.errors += 1;
      });
    });
    request.on("error", () => {
      counts.errors += 1;
      settle(false);
    });
    streams.push(request);
  });
}

async function openStreams(url, count) {
  const results = [];
  // In batches, so the server is not asked for a thousand at the same instant.
  for (let i = 0; i < count; i += 50) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => openStream(url)))));
  }
  const open = results.filter(Boolean).length;
  return { open, failed: results.length - open };
}

function getJson(url, agent) {
  return new Promise((resolve) => {
    const started = now();
    const request = get(url, { agent }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => {
        const ms = now() - started;
        try {
          resolve({ status: response.statusCode, ms, body: response.statusCode === 200 ? JSON.parse(text) : null, cacheControl: response.headers["cache-control"] ?? null });
        } catch {
          resolve({ status: -1, ms, body: null, cacheControl: null });
        }
      });
      response.on("error", () => resolve({ status: -1, ms: now() - started, body: null, cacheControl: null }));
    });
    request.on("error", () => resolve({ status: -1, ms: now() - started, body: null, cacheControl: null }));
  });
}

async function poll({ url, count, seconds, cursor, pollAfterMs }) {
  const startedAt = now();
  const until = startedAt + seconds * 1000;
  const latencies = [];
  const statuses = {};
  const cacheControls = {};
  let changesSeen = 0;
  const waits = {};
  await Promise.all(
    Array.from({ length: count }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      let from = cursor;
      await sleep(Math.random() * pollAfterMs);
      while (now() < until) {
        const answer = await getJson(`${url}?cursor=${from}`, agent);
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        let wait = pollAfterMs;
        if (answer.body) {
          latencies.push(answer.ms);
          cacheControls[answer.cacheControl] = (cacheControls[answer.cacheControl] ?? 0) + 1;
          changesSeen += answer.body.changes.length;
          from = answer.body.cursor;
          wait = answer.body.hasMore ? 0 : answer.body.pollAfterMs;
          waits[wait] = (waits[wait] ?? 0) + 1;
        }
        if (now() + wait >= until) break;
        await sleep(wait);
      }
      agent.destroy();
    }),
  );
  return { type: "poll-done", latencies, statuses, cacheControls, waits, changesSeen, startedAt, endedAt: now() };
}

process.on("message", (message) => {
  void (async () => {
    if (message.type === "sse") {
      process.send({ type: "sse-ready", ...(await openStreams(message.url, message.count)) });
    } else if (message.type === "collect") {
      const bySeq = {};
      for (const seq of message.seqs) {
        bySeq[seq] = arrivals.get(seq) ?? [];
        arrivals.delete(seq);
      }
      process.send({ type: "deliveries", bySeq, ended: counts.ended, errors: counts.errors });
    } else if (message.type === "close-sse") {
      for (const request of streams.splice(0)) request.destroy();
      process.send({ type: "closed" });
    } else if (message.type === "poll") {
      process.send(await poll(message));
    }
  })();
});
process.on("disconnect", () => process.exit(0));
