import { describe, expect, it } from "vitest";
import { createPace } from "./pace";
import { retryDelayMs, sendSettings } from "./settings";

describe("sender settings", () => {
  it("falls back to sensible defaults for missing or nonsense values", () => {
    expect(sendSettings({})).toMatchObject({ ratePerSecond: 20, batchSize: 100, concurrency: 4, maxAttempts: 6, leaseMs: 300_000 });
    expect(sendSettings({ NEWSLETTER_SEND_RATE: "-3", NEWSLETTER_SEND_CONCURRENCY: "lots" })).toMatchObject({ ratePerSecond: 20, concurrency: 4 });
    expect(sendSettings({ NEWSLETTER_SEND_RATE: "50", NEWSLETTER_SEND_CONCURRENCY: "1000" })).toMatchObject({ ratePerSecond: 50, concurrency: 32 });
  });

  it("backs off exponentially, with jitter of at most a quarter either way, capped at six hours", () => {
    const base = 60_000;
    expect(retryDelayMs(1, base, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(2, base, () => 0.5)).toBe(120_000);
    expect(retryDelayMs(4, base, () => 0.5)).toBe(480_000);
    expect(retryDelayMs(3, base, () => 0)).toBe(180_000);
    expect(retryDelayMs(3, base, () => 0.999999)).toBeCloseTo(300_000, -2);
    expect(retryDelayMs(40, base, () => 0.5)).toBe(6 * 3600 * 1000);
  });
});

describe("send pace", () => {
  it("spaces sends 1/rate apart however many ask at once", async () => {
    let clock = 1000;
    const pace = createPace(10, () => clock);
    const started = performance.now();
    await Promise.all([pace.wait(), pace.wait(), pace.wait()]);
    // The third waited two slots (200 ms) on the real timer; the clock itself stood still.
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    clock += 1000;
    const again = performance.now();
    await pace.wait();
    expect(performance.now() - again).toBeLessThan(50);
  });
});
