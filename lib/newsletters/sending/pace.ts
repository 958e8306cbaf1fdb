// A rate limit for one process: each send waits for its slot, slots 1/rate seconds apart. Shared
// by the concurrent senders of one run, so concurrency overlaps SMTP round trips without raising
// the rate.
export type Pace = { wait: () => Promise<void> };

export function createPace(ratePerSecond: number, now: () => number = () => performance.now()): Pace {
  const gapMs = 1000 / ratePerSecond;
  let next = 0;
  return {
    wait() {
      const at = Math.max(now(), next);
      next = at + gapMs;
      const delay = at - now();
      return delay > 0 ? new Promise((resolve) => setTimeout(resolve, delay)) : Promise.resolve();
    },
  };
}
