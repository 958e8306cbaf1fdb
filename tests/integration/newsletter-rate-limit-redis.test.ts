// The sign-up limits with REDIS_URL: every instance counts in one place, so a reader sending
// sign-ups to several instances behind a load balancer meets the same limit. Real Redis (the
// test's own redis-server, else REDIS_URL), else skipped with the reason.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { RedisLink, setRedisLink } from "../../lib/cluster/redis";
import { hitWindow, resetLocalWindows } from "../../lib/rate-limit/window";
import { startTestRedis } from "../support/redis-server";

const found = await startTestRedis();
const skipReason = found.url === null ? found.reason : null;
if (skipReason) console.warn(`newsletter-rate-limit-redis: skipped: ${skipReason}`);
const links: RedisLink[] = [];
const quiet = () => {};

// Commands fail at once until the connection is up (no offline queue): wait for it, as a running
// server has long done by the time readers arrive.
async function ready(link: RedisLink): Promise<RedisLink> {
  if (link.command.status !== "ready") await new Promise((resolve) => link.command.once("ready", resolve));
  return link;
}

afterAll(async () => {
  setRedisLink(undefined);
  await Promise.all(links.map((link) => link.close()));
  if (found.url !== null) await found.stop();
});

describe.skipIf(Boolean(skipReason))("sign-up limits on Redis", () => {
  it("counts across instances: two links, one count", async () => {
    const namespace = `test-${randomBytes(4).toString("hex")}`;
    const [first, second] = [new RedisLink(found.url!, { namespace, log: quiet }), new RedisLink(found.url!, { namespace, log: quiet })];
    links.push(first, second);
    await Promise.all([ready(first), ready(second)]);
    const rule = { limit: 2, windowMs: 60_000 };
    setRedisLink(first);
    expect((await hitWindow("newsletter-signup-ip:192.0.2.1", rule)).allowed).toBe(true);
    expect((await hitWindow("newsletter-signup-ip:192.0.2.1", rule)).allowed).toBe(true);
    // Another instance: its own process memory is empty, Redis is not.
    resetLocalWindows();
    setRedisLink(second);
    const third = await hitWindow("newsletter-signup-ip:192.0.2.1", rule);
    expect(third).toMatchObject({ allowed: false, count: 3 });
    expect(third.retryAfterSeconds).toBeGreaterThan(50);
    expect(await second.command.pttl(second.key("rate:newsletter-signup-ip:192.0.2.1"))).toBeGreaterThan(50_000);
  });

  it("counts in this process while Redis does not answer, rather than refusing every reader", async () => {
    const gone = new RedisLink("redis://127.0.0.1:1/0", { log: quiet });
    links.push(gone);
    setRedisLink(gone);
    resetLocalWindows();
    const rule = { limit: 1, windowMs: 60_000 };
    expect((await hitWindow("k", rule)).allowed).toBe(true);
    expect((await hitWindow("k", rule)).allowed).toBe(false);
  });
});
