// Tells the streams of a live coverage (lib/live/stream.ts) that a change was committed: the live
// commands publish (articleId, seq) after commit, each open stream listens for its story and then
// reads the change log itself (changesSince), so a lost or duplicated notice costs nothing but a
// read (and a stream also reads on its heartbeat timer). With REDIS_URL set, the server's notices
// also go over Redis (RedisLiveBus), so a reader whose stream is open on another instance hears a
// change committed on this one. Kept on globalThis: Next.js may load this module in more than one
// bundle of the same server process.
import { z } from "zod";
import type { RedisLink } from "../cluster/redis";

export type LiveListener = (seq: number) => void;

export interface LiveBus {
  publish(articleId: string, seq: number): void;
  // Returns the function that stops listening.
  subscribe(articleId: string, listener: LiveListener): () => void;
}

export class InProcessLiveBus implements LiveBus {
  private readonly listeners = new Map<string, Set<LiveListener>>();

  publish(articleId: string, seq: number): void {
    for (const listener of [...(this.listeners.get(articleId) ?? [])]) {
      try {
        listener(seq);
      } catch (error) {
        // One broken stream must not keep the notice from the others, nor fail the write.
        console.error("[live] a stream's listener failed", error);
      }
    }
  }

  subscribe(articleId: string, listener: LiveListener): () => void {
    const set = this.listeners.get(articleId) ?? new Set<LiveListener>();
    this.listeners.set(articleId, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(articleId) === set) this.listeners.delete(articleId);
    };
  }

  articleIds(): string[] {
    return [...this.listeners.keys()];
  }

  listenerCount(articleId: string): number {
    return this.listeners.get(articleId)?.size ?? 0;
  }
}

const LiveNotice = z.object({ articleId: z.string().max(100), seq: z.number().int(), from: z.string().max(100) });

// Carries notices between instances: a notice reaches this instance's streams at once and the
// others' through one Redis channel (an instance ignores its own). When this instance's link comes
// back after an outage, its streams are reminded to read, since notices may have been missed.
export class RedisLiveBus implements LiveBus {
  private isFailing = false;

  constructor(
    private readonly link: RedisLink,
    readonly local: InProcessLiveBus = new InProcessLiveBus(),
  ) {
    link.listen(this.channel, (raw) => this.relay(raw));
    link.onRestored(() => {
      // 0: no particular change; a stream reads whatever follows its cursor.
      for (const articleId of local.articleIds()) local.publish(articleId, 0);
    });
  }

  private get channel(): string {
    return this.link.key("live");
  }

  publish(articleId: string, seq: number): void {
    this.local.publish(articleId, seq);
    const notice = JSON.stringify({ articleId, seq, from: this.link.instanceId });
    // A notice that does not go out is caught up by the other instances' streams on their timer;
    // logged once until one goes out again.
    this.link.command.publish(this.channel, notice).then(
      () => (this.isFailing = false),
      (error: Error) => {
        if (!this.isFailing) console.warn(`[live] could not tell the other instances of live changes (${error.message}); their streams catch up on their timer`);
        this.isFailing = true;
      },
    );
  }

  subscribe(articleId: string, listener: LiveListener): () => void {
    return this.local.subscribe(articleId, listener);
  }

  private relay(raw: string): void {
    let notice: z.infer<typeof LiveNotice>;
    try {
      notice = LiveNotice.parse(JSON.parse(raw));
    } catch {
      console.warn(`[live] ignored a malformed notice on Redis: ${raw.slice(0, 200)}`);
      return;
    }
    if (notice.from !== this.link.instanceId) this.local.publish(notice.articleId, notice.seq);
  }
}

declare global {
  var pressboxLiveBus: InProcessLiveBus | undefined;
  var pressboxRedisLiveBus: RedisLiveBus | undefined;
}

// This process's streams listen here, whichever bus carries the notices.
const local = (globalThis.pressboxLiveBus ??= new InProcessLiveBus());

// Notices go over Redis once the server started its link (lib/cluster/start.ts), else stay here.
export const liveBus: LiveBus & { listenerCount(articleId: string): number } = {
  publish: (articleId, seq) => (globalThis.pressboxRedisLiveBus ?? local).publish(articleId, seq),
  subscribe: (articleId, listener) => local.subscribe(articleId, listener),
  listenerCount: (articleId) => local.listenerCount(articleId),
};

export function startRedisLiveBus(link: RedisLink): RedisLiveBus {
  return (globalThis.pressboxRedisLiveBus ??= new RedisLiveBus(link, local));
}

export function stopRedisLiveBus(): void {
  globalThis.pressboxRedisLiveBus = undefined;
}
