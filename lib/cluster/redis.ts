// The connections to Redis (REDIS_URL) that let several Pressbox instances behind one load balancer
// stay exact: a command connection (PUBLISH, SET NX) and a subscriber connection (a connection
// that subscribed can run nothing else). The link knows whether this instance is listening right
// now: an instance that is not may miss an invalidation, so lib/cluster/peers.ts shortens its
// cache time while the link is lost and drops everything once it is back. Without REDIS_URL
// nothing here connects (one instance needs none of it). The server's link is kept on globalThis:
// Next.js bundles load this module more than once in one process.
import { randomBytes } from "node:crypto";
import Redis from "ioredis";

type Handler = (message: string) => void;

export type RedisLinkOptions = {
  // Channel and key prefix; the default names REDIS_URL's database number, because pub/sub
  // channels are shared by every database of one Redis server.
  namespace?: string;
  instanceId?: string;
  // Where the link's few lines go (one when it first listens, one per outage, one when back).
  log?: (line: string, level: "info" | "warn") => void;
};

// A subscriber that stops answering PING (a connection cut without a reset) counts as lost.
const HEARTBEAT_MS = 5_000;
const HEARTBEAT_WAIT_MS = 3_000;
// A PUBLISH or SET that Redis has not answered by then failed: nobody waits longer on Redis.
const COMMAND_TIMEOUT_MS = 2_000;

// "host:port/db" of a Redis URL, never its password (it goes to logs and /readyz).
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 6379}${parsed.pathname.length > 1 ? parsed.pathname : "/0"}`;
  } catch {
    return "(an unreadable REDIS_URL)";
  }
}

function defaultNamespace(url: string): string {
  const database = /^\/(\d+)/.exec(URL.canParse(url) ? new URL(url).pathname : "")?.[1] ?? "0";
  return `pressbox:${database}`;
}

export class RedisLink {
  readonly instanceId: string;
  readonly namespace: string;
  readonly command: Redis;
  readonly subscriber: Redis;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly lostListeners = new Set<() => void>();
  private readonly restoredListeners = new Set<() => void>();
  private readonly log: (line: string, level: "info" | "warn") => void;
  private readonly where: string;
  private readonly startedAt = Date.now();
  private isListening = false;
  private hasListened = false;
  private lostSince: number | null = null;
  private lastError: string | null = null;
  private isClosed = false;
  private heartbeat: ReturnType<typeof setInterval>;

  constructor(url: string, options: RedisLinkOptions = {}) {
    this.instanceId = options.instanceId ?? `${process.pid}-${randomBytes(4).toString("hex")}`;
    this.namespace = options.namespace ?? defaultNamespace(url);
    this.log = options.log ?? ((line, level) => (level === "warn" ? console.warn(line) : console.log(line)));
    this.where = describeRedisUrl(url);
    // Commands fail at once while Redis is away instead of queueing: a writer's request waits
    // for its invalidation to be sent, never for Redis to come back.
    this.command = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS, connectionName: `pressbox-${this.instanceId}` });
    // Subscriptions are renewed by this class on every "ready", so it knows when they hold again.
    this.subscriber = new Redis(url, { autoResubscribe: false, maxRetriesPerRequest: null, connectionName: `pressbox-${this.instanceId}-sub` });
    this.command.on("error", (error: Error) => (this.lastError = error.message));
    this.subscriber.on("error", (error: Error) => (this.lastError = error.message));
    this.subscriber.on("ready", () => void this.subscribeAll());
    this.subscriber.on("close", () => this.markLost());
    this.subscriber.on("message", (channel: string, message: string) => {
      for (const handler of [...(this.handlers.get(channel) ?? [])]) {
        try {
          handler(message);
        } catch (error) {
          console.error(`[cluster] a handler of ${channel} failed`, error);
        }
      }
    });
    this.heartbeat = setInterval(() => void this.checkHeartbeat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  // `<namespace>:<name>`: every channel and key this link uses.
  key(name: string): string {
    return `${this.namespace}:${name}`;
  }

  // Delivers each message on the channel to handler, across reconnects.
  listen(channel: string, handler: Handler): void {
    let set = this.handlers.get(channel);
    if (!set) {
      this.handlers.set(channel, (set = new Set()));
      if (this.subscriber.status === "ready") void this.subscriber.subscribe(channel).catch(() => {});
    }
    set.add(handler);
  }

  onLost(listener: () => void): void {
    this.lostListeners.add(listener);
  }

  // Called once the subscriptions hold again (and the first time they hold).
  onRestored(listener: () => void): void {
    this.restoredListeners.add(listener);
  }

  // True while this instance hears every message published on its channels.
  get isSubscribed(): boolean {
    return this.isListening;
  }

  state(): { isSubscribed: boolean; lostSince: number | null; lastError: string | null; where: string } {
    return { isSubscribed: this.isListening, lostSince: this.isListening ? null : (this.lostSince ?? this.startedAt), lastError: this.lastError, where: this.where };
  }

  // For /readyz: both connections answer. When not, the message says since when and why; the
  // caller decides what a lost link means (lib/readiness.ts: degraded, still serving).
  async check(): Promise<{ ok: boolean; ms: number; message?: string }> {
    const started = Date.now();
    const answer = await this.command.ping().then(
      () => null,
      (error: Error) => error.message,
    );
    const ms = Date.now() - started;
    const { lostSince, lastError } = this.state();
    if (answer === null && lostSince === null) return { ok: true, ms };
    // ioredis's own refusal ("Stream isn't writeable…") says less than the connection's error.
    const why = (this.command.status === "ready" ? answer : null) ?? lastError ?? answer ?? "not subscribed";
    const since = lostSince === null ? "" : ` since ${new Date(lostSince).toISOString()}`;
    return { ok: false, ms, message: `Redis at ${this.where} is unavailable${since} (${why}): this instance serves with short cache times and may miss live notices until it is back.` };
  }

  async close(): Promise<void> {
    this.isClosed = true;
    clearInterval(this.heartbeat);
    this.isListening = false;
    await Promise.allSettled([this.command.quit(), this.subscriber.quit()]);
    this.command.disconnect();
    this.subscriber.disconnect();
  }

  private async subscribeAll(): Promise<void> {
    try {
      const channels = [...this.handlers.keys()];
      if (channels.length > 0) await this.subscriber.subscribe(...channels);
    } catch (error) {
      // The connection went again while subscribing; its "ready" will come back here.
      this.lastError = error instanceof Error ? error.message : String(error);
      return;
    }
    if (this.isClosed || this.subscriber.status !== "ready") return;
    const lostFor = this.lostSince === null ? null : Date.now() - this.lostSince;
    this.isListening = true;
    this.lostSince = null;
    if (this.hasListened)
      this.log(`[cluster] Redis at ${this.where} is back after ${((lostFor ?? 0) / 1000).toFixed(1)} s: instance ${this.instanceId} dropped its caches and keeps entries for their normal time again`, "info");
    else this.log(`[cluster] instance ${this.instanceId} listening on Redis at ${this.where}`, "info");
    this.hasListened = true;
    for (const listener of [...this.restoredListeners]) listener();
  }

  // One log line per outage, however many reconnect attempts fail meanwhile.
  private markLost(): void {
    if (!this.isListening || this.isClosed) return;
    this.isListening = false;
    this.lostSince = Date.now();
    this.log(`[cluster] lost Redis at ${this.where}${this.lastError ? ` (${this.lastError})` : ""}; instance ${this.instanceId} keeps serving with short cache times until it is back`, "warn");
    for (const listener of [...this.lostListeners]) listener();
  }

  private async checkHeartbeat(): Promise<void> {
    if (!this.isListening) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silent = new Promise<"silent">((resolve) => (timer = setTimeout(() => resolve("silent"), HEARTBEAT_WAIT_MS)));
    const answer = await Promise.race([this.subscriber.ping().catch(() => "failed"), silent]);
    clearTimeout(timer);
    if (answer !== "silent" || !this.isListening) return;
    this.lastError = `no answer to PING within ${HEARTBEAT_WAIT_MS} ms`;
    // Reconnecting closes the socket: "close" marks the link lost, "ready" restores it.
    this.subscriber.disconnect(true);
  }
}

declare global {
  var pressboxRedisLink: RedisLink | undefined;
}

// The server's link, once lib/cluster/start.ts made it (REDIS_URL set); null otherwise.
export function redisLink(): RedisLink | null {
  return globalThis.pressboxRedisLink ?? null;
}

export function setRedisLink(link: RedisLink | undefined): void {
  globalThis.pressboxRedisLink = link;
}
