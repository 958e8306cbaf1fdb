// "Accept this only once" across every Pressbox instance: a key is spent by the first instance
// that claims it, until it expires. With REDIS_URL set, the claim is one SET NX PX on Redis, so a
// signed refresh notice (lib/internal-refresh.ts) captured and replayed to another instance behind
// the same load balancer is refused there too; without it, a Map in this process (one instance).
import type { RedisLink } from "./redis";

export interface OnceStore {
  // True for the first claim of key before expiresAt (ms since epoch), false afterwards.
  claim(key: string, expiresAt: number, now: number): Promise<boolean>;
}

export class InProcessOnceStore implements OnceStore {
  private readonly claimed = new Map<string, number>();

  async claim(key: string, expiresAt: number, now: number): Promise<boolean> {
    for (const [claimedKey, until] of this.claimed) if (until < now) this.claimed.delete(claimedKey);
    if (this.claimed.has(key)) return false;
    this.claimed.set(key, expiresAt);
    return true;
  }
}

export class RedisOnceStore implements OnceStore {
  constructor(
    private readonly link: RedisLink,
    private readonly prefix: string,
  ) {}

  // Throws when Redis does not answer: the caller refuses rather than risk a replay.
  async claim(key: string, expiresAt: number, now: number): Promise<boolean> {
    const ttlMs = Math.max(1, Math.ceil(expiresAt - now));
    return (await this.link.command.set(this.link.key(`${this.prefix}:${key}`), "1", "PX", ttlMs, "NX")) === "OK";
  }
}
