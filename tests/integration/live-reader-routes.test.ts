// Following live coverage over HTTP, on a real database (SQLite and PostgreSQL): the polling route
// (GET …/changes?cursor=N) and the Server-Sent Events stream (GET …/events), called as Next.js calls
// them (a Request in, a Response out, the stream read as a browser would). Resuming from
// Last-Event-ID, entries committed together arriving once each, the stream ending with the
// coverage and letting go of a client that left; a draft's coverage is a 404 on both.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { liveEventStream } from "../../lib/live/stream";
import { endLiveStreams } from "../../lib/live/open-streams";
import { deleteEntry, editEntry, setPinned, updateCoverage } from "../../lib/live/commands";
import { liveBus } from "../../lib/live/bus";
import type { LiveChanges, LiveChangeView } from "../../lib/live/queries";
import type { Actor } from "../../lib/permissions";
import { GET as changesRoute } from "../../app/(site)/[section]/[slug]/changes/route";
import { GET as eventsRoute } from "../../app/(site)/[section]/[slug]/events/route";
import { GET as feedRoute } from "../../app/(site)/[section]/[slug]/feed.xml/route";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { createLiveStory, entryBody, postText, type LiveStory } from "../fixtures/live-story";

let editor: Actor;
let reporter: Actor;

beforeAll(async () => {
  await ensureDemoNewsroom();
  [editor, reporter] = await Promise.all([createStaff("EDITOR", "Routes Editor"), createStaff("EDITOR", "Routes Second Editor")]);
});

afterEach(() => {
  delete process.env.LIVE_POLL_AFTER_MS;
});

const context = (story: Pick<LiveStory, "section" | "slug">) => ({ params: Promise.resolve({ section: story.section, slug: story.slug }) });

function getChanges(story: LiveStory, query = "") {
  return changesRoute(new Request(`http://localhost${story.path}/changes${query}`), context(story));
}

const idsOf = (changes: LiveChangeView[]) => changes.map((change) => (change.type === "entry" ? change.entry.id : change.type === "tombstone" ? change.entryId : "coverage"));

describe("GET …/changes", () => {
  it("answers the changes after the cursor, the next cursor and pollAfterMs, for a short shared cache", async () => {
    const story = await createLiveStory({ editor });
    const first = await postText(editor, story.id, "First.");
    const response = await getChanges(story, "?cursor=0");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=2");
    const read = (await response.json()) as LiveChanges;
    expect(idsOf(read.changes)).toEqual(["coverage", first.id]);
    expect(read).toMatchObject({ cursor: first.seq, hasMore: false, pollAfterMs: 5000 });

    const second = await postText(editor, story.id, "Second.");
    await editEntry(editor, { entryId: first.id, expectedVersion: first.version, postedAt: new Date(), body: entryBody("First, edited.") });
    const next = (await (await getChanges(story, `?cursor=${read.cursor}`)).json()) as LiveChanges;
    expect(idsOf(next.changes)).toEqual([second.id, first.id]);
    expect(next.changes[1]).toMatchObject({ kind: "EDITED", entry: { bodyText: "First, edited." } });
    const none = (await (await getChanges(story, `?cursor=${next.cursor}`)).json()) as LiveChanges;
    expect(none).toMatchObject({ changes: [], cursor: next.cursor });
    const beyond = (await (await getChanges(story, "?cursor=999999")).json()) as LiveChanges;
    expect(idsOf(beyond.changes)).toEqual(["coverage", second.id, first.id]);

    process.env.LIVE_POLL_AFTER_MS = "30000";
    await postText(editor, story.id, "Third.");
    const slow = await getChanges(story, `?cursor=${next.cursor}`);
    expect(((await slow.json()) as LiveChanges).pollAfterMs).toBe(30000);
    expect(slow.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=15");
  });

  it("is a 400 for a bad cursor, saying what a cursor is", async () => {
    const story = await createLiveStory({ editor });
    for (const query of ["?cursor=-1", "?cursor=abc", "?cursor=1.5", "?cursor=99999999999999999999"]) {
      const response = await getChanges(story, query);
      expect([query, response.status]).toEqual([query, 400]);
      expect(((await response.json()) as { error: string }).error).toMatch(/whole number of 0 or more/);
    }
  });

  it("is a 404 for a draft's coverage, a story that is not live, the wrong section or an unknown story", async () => {
    const draft = await createLiveStory({ editor, publish: false });
    await postText(editor, draft.id, "Secret team news.");
    const published = await createLiveStory({ editor });
    const plain = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED", liveCoverage: null, section: { isNot: null } }, select: { slug: true, section: { select: { slug: true } } } });
    const notLive = { ...published, slug: plain.slug, section: plain.section!.slug };
    const cases = [draft, notLive, { ...published, section: "football" }, { ...published, slug: "no-such-story" }, { ...published, slug: "../x" }];
    for (const story of cases) {
      const response = await getChanges(story, "?cursor=0");
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).not.toContain("Secret");
    }
  });
});

type SseEvent = { id?: string; event?: string; data?: string; comment?: string; retry?: string };

// Reads a Server-Sent Events body as a browser would, one event at a time.
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let isDone = false;
  const events: SseEvent[] = [];
  const parse = () => {
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: SseEvent = {};
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) event.comment = line.slice(1).trim();
        const [, field, value] = /^(id|event|data|retry): (.*)$/.exec(line) ?? [];
        if (field) event[field as "id" | "event" | "data" | "retry"] = value;
      }
      events.push(event);
    }
  };
  // Reads until `isEnough` holds for what came so far, or the stream ends, or the time is up.
  const readUntil = async (isEnough: (events: SseEvent[]) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!isEnough(events) && !isDone) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; got ${JSON.stringify(events)}`);
      const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
      if (chunk === null) continue;
      if (chunk.done) isDone = true;
      else buffer += decoder.decode(chunk.value, { stream: true });
      parse();
    }
    return events;
  };
  return { events, readUntil, isDone: () => isDone, cancel: () => reader.cancel() };
}

const changesIn = (events: SseEvent[]) => events.filter((event) => event.event === "change").map((event) => ({ id: Number(event.id), change: JSON.parse(event.data!) as LiveChangeView }));
const entryIdsIn = (events: SseEvent[]) => idsOf(changesIn(events).map((event) => event.change)).filter((id) => id !== "coverage");

function openEvents(story: LiveStory, options: { lastEventId?: string; cursor?: number; signal?: AbortSignal } = {}) {
  const headers = options.lastEventId === undefined ? undefined : { "Last-Event-ID": options.lastEventId };
  const query = options.cursor === undefined ? "" : `?cursor=${options.cursor}`;
  return eventsRoute(new Request(`http://localhost${story.path}/events${query}`, { headers, signal: options.signal }), context(story));
}

describe("GET …/events", () => {
  it("streams each change with its seq as the event id, and resumes exactly after Last-Event-ID", async () => {
    const story = await createLiveStory({ editor });
    const controller = new AbortController();
    const response = await openEvents(story, { cursor: 0, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    const stream = sseReader(response);
    await stream.readUntil((events) => changesIn(events).length === 1);
    expect(stream.events[0]).toEqual({ retry: "5000" });

    const first = await postText(editor, story.id, "First.");
    const second = await postText(editor, story.id, "Second.");
    await stream.readUntil((events) => entryIdsIn(events).length === 2);
    expect(changesIn(stream.events).map((event) => event.id)).toEqual([first.seq! - 1, first.seq, second.seq]);
    controller.abort();

    const third = await postText(editor, story.id, "Third.");
    await deleteEntry(editor, { entryId: second.id, expectedVersion: second.version });
    const resumed = sseReader(await openEvents(story, { lastEventId: String(first.seq) }));
    await resumed.readUntil((events) => changesIn(events).length === 2);
    expect(changesIn(resumed.events).map(({ id, change }) => [id, change.type, change.type === "tombstone" ? change.entryId : change.type === "entry" ? change.entry.id : null])).toEqual([
      [third.seq, "entry", third.id],
      [third.seq! + 1, "tombstone", second.id],
    ]);
    await resumed.cancel();
  });

  it("delivers entries posted at the same moment by two people once each, in seq order", async () => {
    const story = await createLiveStory({ editor });
    const start = (await (await getChanges(story)).json()) as LiveChanges;
    const stream = sseReader(await openEvents(story, { cursor: start.cursor }));
    await stream.readUntil((events) => events.length >= 1);
    const postedAt = new Date();
    const posted = await Promise.all(Array.from({ length: 8 }, (_, i) => postText(i % 2 ? reporter : editor, story.id, `Same moment ${i}.`, { postedAt })));
    await stream.readUntil((events) => entryIdsIn(events).length >= 8);
    // A little longer, so a duplicate would have time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await stream.readUntil(() => true);
    const bySeq = [...posted].sort((a, b) => a.seq! - b.seq!);
    expect(entryIdsIn(stream.events)).toEqual(bySeq.map((entry) => entry.id));
    await stream.cancel();
  });

  it("sends a pin as it happens, and ends (event end, stream closed) when the coverage ends", async () => {
    const story = await createLiveStory({ editor });
    const entry = await postText(editor, story.id, "Pin me.");
    const stream = sseReader(await openEvents(story, { lastEventId: String(entry.seq) }));
    await stream.readUntil((events) => events.length >= 1);
    const pinned = await setPinned(editor, { entryId: entry.id, expectedVersion: entry.version, value: true });
    await stream.readUntil((events) => changesIn(events).length === 1);
    expect(changesIn(stream.events)[0]).toMatchObject({ id: pinned.seq, change: { kind: "PINNED", entry: { id: entry.id, pinned: true } } });
    await updateCoverage(editor, { articleId: story.id, expectedVersion: story.coverageVersion, status: "ENDED" });
    await stream.readUntil(() => false);
    expect(stream.isDone()).toBe(true);
    expect(stream.events.at(-1)).toEqual({ event: "end", data: "{}" });
    expect(changesIn(stream.events).at(-1)?.change).toMatchObject({ type: "coverage", coverage: { status: "ENDED" } });
    expect(liveBus.listenerCount(story.id)).toBe(0);

    // A browser reconnecting to ended coverage is told so at once.
    const late = sseReader(await openEvents(story, { lastEventId: String(pinned.seq! + 1) }));
    await late.readUntil(() => false);
    expect(late.events.map((event) => event.event ?? "retry")).toEqual(["retry", "end"]);
  });

  it("stops listening when the client goes away", async () => {
    const story = await createLiveStory({ editor });
    const controller = new AbortController();
    const stream = sseReader(await openEvents(story, { signal: controller.signal }));
    await stream.readUntil((events) => changesIn(events).length === 1);
    expect(liveBus.listenerCount(story.id)).toBe(1);
    controller.abort();
    expect(liveBus.listenerCount(story.id)).toBe(0);
    const cancelled = sseReader(await openEvents(story));
    await cancelled.readUntil((events) => events.length >= 1);
    expect(liveBus.listenerCount(story.id)).toBe(1);
    await cancelled.cancel();
    expect(liveBus.listenerCount(story.id)).toBe(0);
  });

  it("ends every open stream when the server shuts down", async () => {
    const story = await createLiveStory({ editor });
    const streams = [sseReader(await openEvents(story)), sseReader(await openEvents(story))];
    for (const stream of streams) await stream.readUntil((events) => changesIn(events).length === 1);
    expect(endLiveStreams()).toBe(2);
    for (const stream of streams) {
      await stream.readUntil(() => false);
      expect(stream.isDone()).toBe(true);
    }
    expect(liveBus.listenerCount(story.id)).toBe(0);
  });

  it("sends a heartbeat comment on a quiet stream", async () => {
    const story = await createLiveStory({ editor });
    const controller = new AbortController();
    const body = liveEventStream({ articleId: story.id, cursor: 0, isEnded: false, signal: controller.signal, retryMs: 1000, heartbeatMs: 50 });
    const stream = sseReader(new Response(body));
    await stream.readUntil((events) => events.some((event) => event.comment === "heartbeat"));
    controller.abort();
    expect(liveBus.listenerCount(story.id)).toBe(0);
  });

  it("is a 404 for a draft's coverage and a 400 for a bad Last-Event-ID", async () => {
    const draft = await createLiveStory({ editor, publish: false });
    await postText(editor, draft.id, "Secret team news.");
    const response = await openEvents(draft);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Secret");
    const story = await createLiveStory({ editor });
    const bad = await openEvents(story, { lastEventId: "seven" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/whole number/);
  });
});

describe("GET …/feed.xml", () => {
  it("lists the entries newest first, each linking to its anchor, without deleted ones; a draft's is a 404", async () => {
    const story = await createLiveStory({ editor });
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const older = await postText(editor, story.id, "Kick-off & away we go.", { postedAt: minutesAgo(10) });
    const newer = await postText(editor, story.id, "GOAL! City lead.\nA header.", { postedAt: minutesAgo(5) });
    const gone = await postText(editor, story.id, "Wrong score.", { postedAt: minutesAgo(1) });
    await setPinned(editor, { entryId: older.id, expectedVersion: older.version, value: true });
    await deleteEntry(editor, { entryId: gone.id, expectedVersion: gone.version });
    const response = await feedRoute(new Request(`http://localhost${story.path}/feed.xml`), context(story));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await response.text();
    const links = [...xml.matchAll(/<item><title>([^<]*)<\/title><link>([^<]*)<\/link>/g)].map((match) => [match[1], match[2]]);
    expect(links).toEqual([
      ["GOAL! City lead.", expect.stringMatching(new RegExp(`${story.path}#entry-${newer.id}$`))],
      ["Kick-off &amp; away we go.", expect.stringMatching(new RegExp(`${story.path}#entry-${older.id}$`))],
    ]);
    expect(xml).toMatch(new RegExp(`<atom:link href="[^"]*${story.path}/feed\\.xml"`));

    const draft = await createLiveStory({ editor, publish: false });
    await postText(editor, draft.id, "Secret.");
    expect((await feedRoute(new Request(`http://localhost${draft.path}/feed.xml`), context(draft))).status).toBe(404);
  });
});
