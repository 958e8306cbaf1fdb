import { describe, expect, it } from "vitest";
import { isSendableAddress, normalizeAddress, subscriberAddress } from "./address";

describe("subscriber addresses", () => {
  it("normalises case and surrounding space", () => {
    expect(normalizeAddress("  Reader@Example.ORG ")).toBe("reader@example.org");
    expect(subscriberAddress.parse(" Reader@Example.ORG")).toBe("reader@example.org");
  });

  it("accepts ordinary addresses", () => {
    for (const ok of ["a@b.co", "first.last+sport@news.example.org", "o'brien@example.ie"]) expect(isSendableAddress(ok), ok).toBe(true);
  });

  it("refuses anything that could break a header or add a recipient", () => {
    const bad = [
      "reader@example.org\r\nBcc: x@evil.test",
      "a@b.co,c@d.co",
      "a@b.co;c@d.co",
      "<a@b.co>",
      '"a b"@b.co',
      "a b@c.co",
      "a@@b.co",
      "a@b",
      "@b.co",
      "a@",
      ".a@b.co",
      "a..b@c.co",
      "a@-b.co",
      `${"x".repeat(65)}@b.co`,
      `a@${"b".repeat(250)}.co`,
    ];
    for (const value of bad) expect(isSendableAddress(value), JSON.stringify(value)).toBe(false);
  });
});
