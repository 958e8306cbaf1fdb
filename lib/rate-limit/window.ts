// Counting requests per key in fixed windows ("at most 10 sign-ups per IP per 10 minutes"). With
// REDIS_URL the counts live in Redis (INCR + PEXPIRE), so every instance behind one load balancer
// sees the same count; without it, in this process (one instance). A Redis that does not answer
// falls back to this process's count for that call rather than refusing every reader.
import { redisLink } from "../cluster/redis";

export type WindowRule = { limit: number; windowMs: number };

// allowed false: over the limit, try again in retryAfterSeconds.
export type WindowAnswer = { allowed: boolean; count: number; retryAfterSeconds: number };

type Slot = { count: number; resetAt: number };

// Kept small: entries past their window are dropped whenever the map grows past this.
const MAX_LOCAL_KEYS = 50_000;

declare global {
  var pressboxRateWindows: Map<string, Slot> | undefined;
}

function localSlots(): Map<string, Slot> {
  return (globalThis.pressboxRateWindows ??= new Map());
}

function countLocally(key: string, rule: WindowRule, now: number): { count: number; resetAt: number } {
  const slots = localSlots();
  if (slots.size > MAX_LOCAL_KEYS) for (const [k, slot] of slots) if (slot.resetAt <= now) slots.delete(k);
  let slot = slots.get(key);
  if (!slot || slot.resetAt <= now) slots.set(key, (slot = { count: 0, resetAt: now + rule.windowMs }));
  slot.count += 1;
  return slot;
}

async function countInRedis(key: string, rule: WindowRule, now: number): Promise<{ count: number; resetAt: number } | null> {
  const link = redisLink();
  if (!link) return null;
  const name = link.key(`rate:${key}`);
  try {
    const [[, count], [, ttl]] = (await link.command.multi().incr(name).pttl(name).exec()) as [[unknown, number], [unknown, number]];
    if (ttl < 0) await link.command.pexpire(name, rule.windowMs);
    return { count, resetAt: now + (ttl > 0 ? ttl : rule.windowMs) };
  } catch (error) {
    console.warn(`[rate-limit] Redis did not count ${key}; counting in this process: ${(error as Error).message}`);
    return null;
  }
}

// Counts this request against key and says whether it is within the rule.
export async function hitWindow(key: string, rule: WindowRule, now = Date.now()): Promise<WindowAnswer> {
  const slot = (await countInRedis(key, rule, now)) ?? countLocally(key, rule, now);
  return { allowed: slot.count <= rule.limit, count: slot.count, retryAfterSeconds: Math.max(1, Math.ceil((slot.resetAt - now) / 1000)) };
}

// Forgets every count made in this process (tests).
export function resetLocalWindows(): void {
  localSlots().clear();
}
