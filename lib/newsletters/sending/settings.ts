// How fast and how hard the sender works, from the environment (read at each run, so a test or an
// operator can change them without a restart). Defaults suit one SMTP relay of a small newsroom.
export type SendSettings = {
  // Messages per second, this process (NEWSLETTER_SEND_RATE).
  ratePerSecond: number;
  // Deliveries claimed at a time (NEWSLETTER_SEND_BATCH).
  batchSize: number;
  // SMTP transactions under way at once (NEWSLETTER_SEND_CONCURRENCY; also the pool's connections).
  concurrency: number;
  // Attempts before a temporary failure becomes FAILED (NEWSLETTER_SEND_ATTEMPTS).
  maxAttempts: number;
  // How long a claim holds (NEWSLETTER_SEND_LEASE_SECONDS): longer than a batch takes to send.
  leaseMs: number;
  // The first retry's delay; each further one doubles (NEWSLETTER_RETRY_SECONDS).
  retryBaseMs: number;
};

function positive(value: string | undefined, fallback: number, max: number): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? Math.min(number, max) : fallback;
}

export function sendSettings(env: Record<string, string | undefined> = process.env): SendSettings {
  return {
    ratePerSecond: positive(env.NEWSLETTER_SEND_RATE, 20, 10_000),
    batchSize: Math.floor(positive(env.NEWSLETTER_SEND_BATCH, 100, 1_000)),
    concurrency: Math.floor(positive(env.NEWSLETTER_SEND_CONCURRENCY, 4, 32)),
    maxAttempts: Math.floor(positive(env.NEWSLETTER_SEND_ATTEMPTS, 6, 50)),
    leaseMs: positive(env.NEWSLETTER_SEND_LEASE_SECONDS, 300, 86_400) * 1000,
    retryBaseMs: positive(env.NEWSLETTER_RETRY_SECONDS, 60, 86_400) * 1000,
  };
}

const MAX_RETRY_MS = 6 * 3600 * 1000;

// Exponential back-off with ±25 % jitter (so a relay's hiccup does not bring every retry back in
// the same second): base, 2×base, 4×base… capped at six hours. `attempts`: attempts made so far.
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exact = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return Math.round(exact * (0.75 + random() * 0.5));
}
