// Tells the other Pressbox instances to drop what an invalidation names, over Redis pub/sub
// (REDIS_URL). The sender has already dropped its own entries; it PUBLISHes the invalidation on
// one channel, every subscribed instance (the sender too) drops and acknowledges on the sender's
// own ack channel, and the sender waits, about a second at most, for as many acks as PUBLISH
// counted receivers. scripts/server.ts holds the writer's response until then, so when an editor's
// publish returns, every live instance has dropped the old page.
// An instance that loses Redis may miss messages: it drops its caches at once and keeps entries
// for REDIS_FALLBACK_TTL_SECONDS only (lib/cache/ttl.ts) until it listens again, then drops
// everything once more, since whatever was said meanwhile never reached it. An instance that
// could not publish owes the others a full drop, which it publishes as soon as it can.
// Without REDIS_URL there are no peers to tell (lib/cluster/start.ts starts none).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Invalidation } from "../cache/propagate";
import type { RedisLink } from "./redis";

export type PeerHooks = {
  dropTags: (tags: readonly string[]) => void;
  clearAll: () => void;
  // True while this instance may be missing messages: caches keep entries briefly.
  setFallbackTtl: (isFallback: boolean) => void;
};

export type TellReport = { receivers: number; acknowledged: number };

const ACK_WAIT_MS = 1_000;
const MAX_TAGS = 10_000;

const PeerMessage = z.union([
  z.object({ id: z.string().max(100), from: z.string().max(100), tags: z.array(z.string().max(500)).max(MAX_TAGS) }),
  z.object({ id: z.string().max(100), from: z.string().max(100), all: z.literal(true) }),
]);
const Ack = z.object({ id: z.string().max(100), from: z.string().max(100) });

type Waiter = { acknowledged: number; expected: number | null; done: () => void };

export class PeerCluster {
  private readonly waiters = new Map<string, Waiter>();
  private owesFullDrop = false;

  constructor(
    private readonly link: RedisLink,
    private readonly hooks: PeerHooks,
    private readonly ackWaitMs: number = ACK_WAIT_MS,
  ) {
    // Until the first subscription holds, this instance could already be missing messages.
    if (!link.isSubscribed) hooks.setFallbackTtl(true);
    link.listen(this.channel, (message) => this.receive(message));
    link.listen(this.ackChannel(link.instanceId), (message) => this.receiveAck(message));
    link.onLost(() => {
      this.hooks.setFallbackTtl(true);
      this.hooks.clearAll();
    });
    link.onRestored(() => {
      this.hooks.clearAll();
      this.hooks.setFallbackTtl(false);
      this.payOwedDrop();
    });
    link.command.on("ready", () => this.payOwedDrop());
  }

  private payOwedDrop(): void {
    if (this.owesFullDrop) void this.tell({ all: true });
  }

  private get channel(): string {
    return this.link.key("invalidate");
  }

  private ackChannel(instanceId: string): string {
    return this.link.key(`invalidate-ack:${instanceId}`);
  }

  // Resolves once every instance that received the invalidation acknowledged it, or after the
  // wait (the missing ones are logged). Never rejects: a failed publish is logged and owed.
  async tell(invalidation: Invalidation): Promise<TellReport> {
    const id = randomUUID();
    const acked = this.link.isSubscribed ? this.awaitAcks(id) : null;
    let receivers: number;
    try {
      receivers = await this.link.command.publish(this.channel, JSON.stringify({ id, from: this.link.instanceId, ...invalidation }));
      if ("all" in invalidation) this.owesFullDrop = false;
    } catch (error) {
      this.waiters.delete(id);
      // One line per outage: later failures only add to the full drop already owed.
      if (!this.owesFullDrop)
        console.error(
          `[cluster] could not tell the other instances to drop ${"all" in invalidation ? "everything" : `${invalidation.tags.slice(0, 5).join(", ")}${invalidation.tags.length > 5 ? " …" : ""}`}; they get a full drop once Redis answers (${error instanceof Error ? error.message : String(error)})`,
        );
      this.owesFullDrop = true;
      return { receivers: 0, acknowledged: 0 };
    }
    if (!acked) return { receivers, acknowledged: 0 };
    const acknowledged = await acked(receivers);
    if (acknowledged < receivers) console.warn(`[cluster] ${receivers - acknowledged} of ${receivers} instance(s) did not acknowledge invalidation ${id} within ${this.ackWaitMs} ms`);
    return { receivers, acknowledged };
  }

  // Starts counting acks for id before the PUBLISH (an ack may come before PUBLISH's answer);
  // the returned function waits for `expected` of them or the deadline.
  private awaitAcks(id: string): (expected: number) => Promise<number> {
    const waiter: Waiter = { acknowledged: 0, expected: null, done: () => {} };
    this.waiters.set(id, waiter);
    return (expected) =>
      new Promise<number>((resolve) => {
        const timer = setTimeout(finish, this.ackWaitMs);
        function finish() {
          clearTimeout(timer);
          resolve(waiter.acknowledged);
        }
        waiter.expected = expected;
        waiter.done = () => {
          this.waiters.delete(id);
          finish();
        };
        if (waiter.acknowledged >= expected) waiter.done();
      }).finally(() => this.waiters.delete(id));
  }

  private receive(raw: string): void {
    const message = parse(PeerMessage, raw);
    if (!message) return;
    // The sender dropped its own entries before publishing; it acks so counts stay simple.
    if (message.from !== this.link.instanceId) {
      if ("all" in message) this.hooks.clearAll();
      else this.hooks.dropTags(message.tags);
    }
    const ack = JSON.stringify({ id: message.id, from: this.link.instanceId });
    this.link.command.publish(this.ackChannel(message.from), ack).catch(() => {});
  }

  private receiveAck(raw: string): void {
    const ack = parse(Ack, raw);
    const waiter = ack && this.waiters.get(ack.id);
    if (!waiter) return;
    waiter.acknowledged += 1;
    if (waiter.expected !== null && waiter.acknowledged >= waiter.expected) waiter.done();
  }
}

function parse<T>(schema: z.ZodType<T>, raw: string): T | null {
  try {
    const result = schema.safeParse(JSON.parse(raw));
    if (result.success) return result.data;
  } catch {
    // Falls through to the log line below.
  }
  console.warn(`[cluster] ignored a malformed message on Redis: ${raw.slice(0, 200)}`);
  return null;
}

declare global {
  var pressboxPeers: PeerCluster | undefined;
}

// The server's peers, once lib/cluster/start.ts made them (REDIS_URL set).
export function setPeers(peers: PeerCluster | undefined): void {
  globalThis.pressboxPeers = peers;
}

export async function tellPeers(invalidation: Invalidation): Promise<void> {
  await globalThis.pressboxPeers?.tell(invalidation);
}
