import { describe, expect, it } from "vitest";
import { pageCacheKey } from "./page-request";

const get = (url: string) => pageCacheKey({ method: "GET", url, headers: {} });

describe("newsletter pages in the page cache", () => {
  it("never keeps a subscriber's own pages, whose signed links are in the query", () => {
    for (const url of ["/newsletter/confirm?token=abc", "/newsletter/preferences?token=abc", "/newsletter/unsubscribe?token=abc&list=x", "/newsletter/thanks?n=x", "/newsletter/confirm"]) {
      expect(get(url)).toBeNull();
    }
  });

  it("keeps /newsletter, keyed by the sign-up problem it shows", () => {
    expect(get("/newsletter")).toBe("std /newsletter");
    expect(get("/newsletter?error=invalid&utm_source=x")).toBe("std /newsletter?error=invalid");
    expect(get("/newsletter/archive")).toBe("std /newsletter/archive");
  });
});
