// Several Pressbox instances on one Redis (REDIS_URL), played by several links in this process:
// invalidations reach every instance before the writer's tellPeers resolves, an instance that lost
// Redis keeps short cache times and drops everything when it is back, live notices cross
// instances, and a refresh notice accepted by one instance is refused by another. Real Redis: the
// test's own redis-server (which it stops and starts), else REDIS_URL, else skipped with the reason.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PeerCluster, type PeerHooks } from "../../lib/cluster/peers";
import { RedisLink } from "../../lib/cluster/redis";
import { InProcessOnceStore, RedisOnceStore } from "../../lib/cluster/once";
import { RedisLiveBus } from "../../lib/live/bus";
import { acceptRefreshSignature, signRefresh } from "../../lib/internal-refresh";
import { findFreePort } from "../../scripts/process-group";
import { CuttableProxy, startTestRedis } from "../support/redis-server";

const found = await startTestRedis();
const skipReason = found.url === null ? found.reason : null;
if (skipReason) console.warn(`redis-cluster: skipped: ${skipReason}`);
const redis = found.url === null ? null : found;
if (redis && !redis.kill) console.warn("redis-cluster: the restart test is skipped: the Redis REDIS_URL names is not this test's to stop");

type Instance = { link: RedisLink; peers: PeerCluster; heard: string[]; isFallback: boolean };

let links: RedisLink[] = [];
let namespace: string;
const quiet = () => {};

function newLink(url = redis!.url): RedisLink {
  const link = new RedisLink(url, { namespace, log: quiet });
  links.push(link);
  return link;
}

// One "instance": its link and peers, recording what it was told to drop.
function newInstance(name: string, url?: string): Instance {
  const link = newLink(url);
  const instance: Instance = { link, peers: null!, heard: [], isFallback: false };
  const hooks: PeerHooks = {
    dropTags: (tags) => instance.heard.push(`${name} drops ${tags.join(",")}`),
    clearAll: () => instance.heard.push(`${name} drops all`),
    setFallbackTtl: (isFallback) => (instance.isFallback = isFallback),
  };
  instance.peers = new PeerCluster(link, hooks);
  return instance;
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function listening(...instances: Instance[]): Promise<void> {
  await until(() => instances.every((instance) => instance.link.isSubscribed), "every instance to subscribe");
  for (const instance of instances) instance.heard.length = 0;
}

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "redis-cluster-test-secret";
});

afterEach(async () => {
  await Promise.all(links.map((link) => link.close()));
  links = [];
});

afterAll(async () => {
  await redis?.stop();
});

describe.skipIf(Boolean(skipReason))("Pressbox instances on one Redis", () => {
  beforeAll(() => {
    namespace = `pressbox-test-${randomBytes(4).toString("hex")}`;
  });

  it("tell three peers to drop a story's tags, and every one has dropped them when tellPeers resolves", async () => {
    const writer = newInstance("writer");
    const peers = ["a", "b", "c"].map((name) => newInstance(name));
    await listening(writer, ...peers);
    expect([writer, ...peers].map((instance) => instance.isFallback)).toEqual([false, false, false, false]);
    const report = await writer.peers.tell({ tags: ["article:1", "listings"] });
    // PUBLISH counted the writer's own subscription too; it acknowledges without dropping.
    expect(report).toEqual({ receivers: 4, acknowledged: 4 });
    expect(peers.flatMap((peer) => peer.heard)).toEqual(["a drops article:1,listings", "b drops article:1,listings", "c drops article:1,listings"]);
    expect(writer.heard).toEqual([]);
  });

  it("tell every peer to drop everything for {all: true}", async () => {
    const writer = newInstance("writer");
    const peers = ["a", "b", "c"].map((name) => newInstance(name));
    await listening(writer, ...peers);
    expect(await writer.peers.tell({ all: true })).toEqual({ receivers: 4, acknowledged: 4 });
    expect(peers.flatMap((peer) => peer.heard)).toEqual(["a drops all", "b drops all", "c drops all"]);
  });

  it("keep a peer that lost Redis on short cache times, and make it drop everything it may have missed once back", async () => {
    const target = new URL(redis!.url);
    const proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 6379) }, await findFreePort());
    await proxy.open();
    const writer = newInstance("writer");
    const cutOff = newInstance("cut-off", `redis://127.0.0.1:${proxy.port}${target.pathname}`);
    await listening(writer, cutOff);
    await proxy.cut();
    await until(() => !cutOff.link.isSubscribed, "the cut-off instance to notice");
    expect(cutOff.isFallback).toBe(true);
    expect(cutOff.heard).toEqual(["cut-off drops all"]);
    // Said while it was away: it never hears this one.
    expect(await writer.peers.tell({ tags: ["article:2"] })).toEqual({ receivers: 1, acknowledged: 1 });
    const check = await cutOff.link.check();
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/unavailable since .*short cache times/);
    await proxy.open();
    await until(() => cutOff.link.isSubscribed, "the cut-off instance to listen again");
    expect(cutOff.isFallback).toBe(false);
    expect(cutOff.heard).toEqual(["cut-off drops all", "cut-off drops all"]);
    expect(await writer.peers.tell({ tags: ["article:3"] })).toEqual({ receivers: 2, acknowledged: 2 });
    expect(cutOff.heard.at(-1)).toBe("cut-off drops article:3");
    await proxy.cut();
  });

  it("owe the others a full drop when a writer could not publish, and pay it once its Redis answers again", async () => {
    const target = new URL(redis!.url);
    const proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 6379) }, await findFreePort());
    await proxy.open();
    const writer = newInstance("writer", `redis://127.0.0.1:${proxy.port}${target.pathname}`);
    const reader = newInstance("reader");
    await listening(writer, reader);
    await proxy.cut();
    await until(() => !writer.link.isSubscribed && writer.link.command.status !== "ready", "the writer to lose Redis");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await writer.peers.tell({ tags: ["article:4"] })).toEqual({ receivers: 0, acknowledged: 0 });
    expect(await writer.peers.tell({ tags: ["article:5"] })).toEqual({ receivers: 0, acknowledged: 0 });
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
    expect(reader.heard).toEqual([]);
    await proxy.open();
    await until(() => reader.heard.includes("reader drops all"), "the owed full drop to reach the reader");
    await proxy.cut();
  });

  it("relay a live notice to the streams of another instance, and to the writer's own streams once", async () => {
    const writerBus = new RedisLiveBus(newLink());
    const readerBus = new RedisLiveBus(newLink());
    await until(() => links.every((link) => link.isSubscribed), "both buses to subscribe");
    const heard: string[] = [];
    writerBus.subscribe("story-1", (seq) => heard.push(`writer:${seq}`));
    readerBus.subscribe("story-1", (seq) => heard.push(`reader:${seq}`));
    readerBus.subscribe("story-2", (seq) => heard.push(`other story:${seq}`));
    writerBus.publish("story-1", 7);
    await until(() => heard.includes("reader:7"), "the reader's stream to hear the notice");
    // One more round trip on the same channel: a duplicate to the writer would have come by now.
    writerBus.publish("story-3", 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(["writer:7", "reader:7"]);
  });

  it("remind an instance's streams to read the change log when its link comes back, since notices may have been missed", async () => {
    const target = new URL(redis!.url);
    const proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 6379) }, await findFreePort());
    await proxy.open();
    const writerBus = new RedisLiveBus(newLink());
    const readerLink = newLink(`redis://127.0.0.1:${proxy.port}${target.pathname}`);
    const readerBus = new RedisLiveBus(readerLink);
    await until(() => links.every((link) => link.isSubscribed), "both buses to subscribe");
    const heard: number[] = [];
    readerBus.subscribe("story-1", (seq) => heard.push(seq));
    await proxy.cut();
    await until(() => !readerLink.isSubscribed, "the reader's instance to lose Redis");
    writerBus.publish("story-1", 8);
    await proxy.open();
    await until(() => heard.length > 0, "the reminder");
    // 0: no particular change; the stream reads whatever follows its cursor, change 8 included.
    expect(heard).toEqual([0]);
    await proxy.cut();
  });

  it("refuse on a second instance a refresh notice the first one accepted", async () => {
    const body = JSON.stringify({ articleIds: ["a1"] });
    const signature = signRefresh(body);
    const first = new RedisOnceStore(newLink(), "refresh-nonce");
    const second = new RedisOnceStore(newLink(), "refresh-nonce");
    await until(() => links.every((link) => link.command.status === "ready"), "both connections");
    expect(await acceptRefreshSignature(body, signature, Date.now(), first)).toBe(true);
    expect(await acceptRefreshSignature(body, signature, Date.now(), second)).toBe(false);
    // What Redis prevents: two instances keeping their nonces in memory would both accept it.
    const replay = signRefresh(body);
    expect(await acceptRefreshSignature(body, replay, Date.now(), new InProcessOnceStore())).toBe(true);
    expect(await acceptRefreshSignature(body, replay, Date.now(), new InProcessOnceStore())).toBe(true);
  });

  it("refuse a refresh notice whose nonce cannot be checked because Redis is away", async () => {
    const link = newLink(`redis://127.0.0.1:${await findFreePort()}/0`);
    const body = JSON.stringify({ articleIds: ["a1"] });
    expect(await acceptRefreshSignature(body, signRefresh(body), Date.now(), new RedisOnceStore(link, "refresh-nonce"))).toBe(false);
  });
});

describe.skipIf(Boolean(skipReason) || !redis?.kill || !redis.restart)("a Pressbox server whose Redis restarts", () => {
  it("serves from short-lived caches while Redis is down, says so in /readyz while staying ready, and drops everything when it is back", async () => {
    const { startCluster, stopCluster } = await import("../../lib/cluster/start");
    const { cached } = await import("../../lib/cache/tagged-cache");
    const { cacheTtlMs, isFallbackTtl } = await import("../../lib/cache/ttl");
    const { checkReadiness } = await import("../../lib/readiness");
    let loads = 0;
    const read = () => cached("redis-cluster-test", async () => ({ value: ++loads, tags: ["redis-cluster-test"] }));
    const link = startCluster({ REDIS_URL: redis!.url })!;
    try {
      await until(() => link.isSubscribed && !isFallbackTtl(), "the server's link");
      expect(cacheTtlMs()).toBe(300_000);
      expect([await read(), await read()]).toEqual([1, 1]);
      expect(await checkReadiness()).toMatchObject({ status: "ready", checks: { redis: { ok: true } } });

      await redis!.kill!();
      await until(() => !link.isSubscribed, "the link to notice Redis is gone");
      expect(cacheTtlMs()).toBe(5_000);
      // Dropped at once: what it had cached may be invalidated while it cannot hear.
      expect(await read()).toBe(2);
      const degraded = await checkReadiness();
      expect(degraded.status).toBe("ready");
      expect(degraded.checks.redis).toMatchObject({ ok: false, message: expect.stringContaining("short cache times") });

      await redis!.restart!();
      await until(() => link.isSubscribed && link.command.status === "ready", "the link to come back", 15_000);
      expect(cacheTtlMs()).toBe(300_000);
      expect(await read()).toBe(3);
      expect(await checkReadiness()).toMatchObject({ status: "ready", checks: { redis: { ok: true } } });
    } finally {
      await stopCluster();
    }
  });
});
