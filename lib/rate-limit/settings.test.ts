import { describe, expect, it } from "vitest";
import { delayAfter, throttleSettings } from "./settings";

const settings = throttleSettings({});

describe("sign-in delays", () => {
  it("lets the first few failures through without waiting", () => {
    for (let failures = 0; failures < settings.account.freeFailures; failures += 1) {
      expect(delayAfter(failures, settings.account, settings)).toBe(0);
    }
  });

  it("doubles the wait with every further failure, up to the cap", () => {
    const free = settings.account.freeFailures;
    const waits = [0, 1, 2, 3].map((extra) => delayAfter(free + extra, settings.account, settings));
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(delayAfter(free + 200, settings.account, settings)).toBe(settings.maxDelayMs);
  });

  it("allows more failures per IP than per account, and reads overrides from the environment", () => {
    expect(settings.ip.freeFailures).toBeGreaterThan(settings.account.freeFailures);
    const custom = throttleSettings({ LOGIN_ACCOUNT_FREE_ATTEMPTS: "3", LOGIN_IP_FREE_ATTEMPTS: "9", LOGIN_MAX_DELAY_SECONDS: "60" });
    expect(custom.account.freeFailures).toBe(3);
    expect(custom.ip.freeFailures).toBe(9);
    expect(custom.maxDelayMs).toBe(60_000);
    expect(throttleSettings({ LOGIN_ACCOUNT_FREE_ATTEMPTS: "nonsense" }).account.freeFailures).toBe(5);
  });
});
