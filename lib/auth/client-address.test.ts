import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustProxy } from "./client-address";

describe("the client's address", () => {
  it("is the socket's without TRUST_PROXY, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", parseTrustProxy(undefined))).toBe("203.0.113.9");
    expect(clientAddress("::ffff:127.0.0.1", "10.0.0.1, 1.2.3.4", parseTrustProxy("0"))).toBe("127.0.0.1");
  });

  it("is the entry the trusted hops added, not what the client put before them", () => {
    // client sent "6.6.6.6"; the one proxy appended the real client 203.0.113.9 and connected from 10.0.0.2
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", parseTrustProxy("1"))).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2", parseTrustProxy("2"))).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", undefined, parseTrustProxy("1"))).toBe("10.0.0.2");
  });

  it("skips the listed proxies from the right", () => {
    const trust = parseTrustProxy("10.0.0.2, 10.0.0.3");
    expect(clientAddress("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2", trust)).toBe("203.0.113.9");
    // A request straight from the internet: its own header is not believed.
    expect(clientAddress("198.51.100.7", "10.0.0.2", trust)).toBe("198.51.100.7");
  });
});
