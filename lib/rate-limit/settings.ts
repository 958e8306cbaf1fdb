// How hard sign-in is throttled. Each key (an account's email, a client IP) gets a few free
// failures; after that every further try must wait twice as long as the one before, up to a cap.
export type ThrottleRule = {
  // Failures allowed before any waiting starts.
  freeFailures: number;
  // How far back failures count.
  windowMs: number;
};

export type ThrottleSettings = {
  account: ThrottleRule;
  ip: ThrottleRule;
  // Wait after the first failure past the free ones; doubles with each further failure.
  baseDelayMs: number;
  maxDelayMs: number;
};

const HOUR = 60 * 60 * 1000;

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export function throttleSettings(env: Record<string, string | undefined> = process.env): ThrottleSettings {
  return {
    // Per account, failures count until the next successful sign-in (or a day without any).
    account: { freeFailures: positiveInt(env.LOGIN_ACCOUNT_FREE_ATTEMPTS, 5), windowMs: 24 * HOUR },
    // Per IP, successes do not reset the count: one valid account must not unlock guessing others.
    ip: { freeFailures: positiveInt(env.LOGIN_IP_FREE_ATTEMPTS, 20), windowMs: HOUR },
    baseDelayMs: 2_000,
    maxDelayMs: positiveInt(env.LOGIN_MAX_DELAY_SECONDS, 900) * 1000,
  };
}

// How long to wait after the latest of `failures` failures before the next try is heard.
export function delayAfter(failures: number, rule: ThrottleRule, settings: ThrottleSettings): number {
  const over = failures - rule.freeFailures;
  if (over < 0) return 0;
  // 2^over grows past any cap quickly; clamping the exponent keeps the number finite.
  return Math.min(settings.baseDelayMs * 2 ** Math.min(over, 30), settings.maxDelayMs);
}
