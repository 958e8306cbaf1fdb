import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { acceptRefreshSignature, isFreshRefreshSignature, signRefresh } from "./internal-refresh";

const BODY = JSON.stringify({ articleIds: ["a1"] });
const NOW = Date.UTC(2026, 11, 5, 10, 0, 0);

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", "internal-refresh-unit-secret");
});

// The unit files share one worker (vitest.config.mts): leave the environment as it was found.
afterAll(() => {
  vi.unstubAllEnvs();
});

describe("refresh notice signatures", () => {
  it("accept a fresh notice once, and refuse the same signature replayed", async () => {
    const signature = signRefresh(BODY, undefined, NOW);
    expect(await acceptRefreshSignature(BODY, signature, NOW)).toBe(true);
    expect(await acceptRefreshSignature(BODY, signature, NOW + 1_000)).toBe(false);
  });

  it("expire after five minutes, and are not accepted from the future either", async () => {
    expect(isFreshRefreshSignature(signRefresh(BODY, undefined, NOW), NOW + 4 * 60_000)).toBe(true);
    expect(await acceptRefreshSignature(BODY, signRefresh(BODY, undefined, NOW), NOW + 6 * 60_000)).toBe(false);
    expect(await acceptRefreshSignature(BODY, signRefresh(BODY, undefined, NOW + 6 * 60_000), NOW)).toBe(false);
  });

  it("bind the body and the secret", async () => {
    expect(await acceptRefreshSignature(`${BODY} `, signRefresh(BODY, undefined, NOW), NOW)).toBe(false);
    expect(await acceptRefreshSignature(BODY, signRefresh(BODY, "another-secret", NOW), NOW)).toBe(false);
    expect(await acceptRefreshSignature(BODY, "zz", NOW)).toBe(false);
  });

  it("cannot be made fresh by editing the time in a captured signature", async () => {
    const captured = signRefresh(BODY, undefined, NOW);
    const later = NOW + 10 * 60_000;
    const edited = captured.replace(String(NOW), String(later));
    expect(await acceptRefreshSignature(BODY, edited, later)).toBe(false);
  });
});
