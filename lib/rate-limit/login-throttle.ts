// Sign-in throttling over the LoginAttempt table, so it holds across server processes and
// restarts. An attempt is written (as a failure) BEFORE the password is checked, so concurrent
// guesses see each other; a successful one is then marked as such.
import type { Db } from "../db";
import { delayAfter, throttleSettings, type ThrottleRule, type ThrottleSettings } from "./settings";

// Enough rows to reach the longest delay; older failures cannot make the wait longer.
const MAX_ROWS_READ = 64;

type FailureWindow = { failures: number; latestAt: Date | null };

async function recentFailures(db: Db, where: { email: string; deviceId: string | null } | { ip: string }, since: Date, excludeId: string): Promise<FailureWindow> {
  const rows = await db.loginAttempt.findMany({
    where: { ...where, isSuccess: false, createdAt: { gte: since }, id: { not: excludeId } },
    orderBy: { createdAt: "desc" },
    take: MAX_ROWS_READ,
    select: { createdAt: true },
  });
  return { failures: rows.length, latestAt: rows[0]?.createdAt ?? null };
}

async function lastSuccessAt(db: Db, email: string): Promise<Date | null> {
  const row = await db.loginAttempt.findFirst({ where: { email, isSuccess: true }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return row?.createdAt ?? null;
}

function waitFor(window: FailureWindow, rule: ThrottleRule, settings: ThrottleSettings, now: Date): number {
  if (!window.latestAt) return 0;
  return Math.max(0, window.latestAt.getTime() + delayAfter(window.failures, rule, settings) - now.getTime());
}

// deviceId: a browser that signed in to this account before, or null for every unknown browser.
type AttemptKey = { email: string; ip: string; deviceId?: string | null };

// Milliseconds the attempt `attemptId` must still wait (0: go ahead), counting the other attempts.
export async function throttleWait(db: Db, key: AttemptKey, attemptId: string, now: Date, settings = throttleSettings()): Promise<number> {
  const accountSince = new Date(Math.max(now.getTime() - settings.account.windowMs, (await lastSuccessAt(db, key.email))?.getTime() ?? 0));
  const [account, ip] = await Promise.all([
    // Per account, each known browser has its own count and unknown browsers share one: a guesser
    // elsewhere cannot lock the owner's browser out.
    recentFailures(db, { email: key.email, deviceId: key.deviceId ?? null }, accountSince, attemptId),
    recentFailures(db, { ip: key.ip }, new Date(now.getTime() - settings.ip.windowMs), attemptId),
  ]);
  return Math.max(waitFor(account, settings.account, settings, now), waitFor(ip, settings.ip, settings, now));
}

export async function startAttempt(db: Db, key: AttemptKey, now: Date): Promise<string> {
  const row = await db.loginAttempt.create({ data: { email: key.email, ip: key.ip, deviceId: key.deviceId ?? null, isSuccess: false, createdAt: now }, select: { id: true } });
  return row.id;
}

// A throttled attempt was never heard: it must not lengthen the wait any further.
export async function forgetAttempt(db: Db, attemptId: string): Promise<void> {
  await db.loginAttempt.delete({ where: { id: attemptId } });
}
