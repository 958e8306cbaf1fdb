import { describe, expect, it } from "vitest";
import { clientIp } from "./request-ip";

describe("clientIp", () => {
  it("takes the last x-forwarded-for entry: the one our own side added", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "10.9.9.9, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": "198.51.100.4" })).toBe("198.51.100.4");
  });

  it("falls back to x-real-ip, then to 'unknown'", () => {
    expect(clientIp({ "x-real-ip": " 192.0.2.1 " })).toBe("192.0.2.1");
    expect(clientIp({})).toBe("unknown");
    expect(clientIp(undefined)).toBe("unknown");
  });
});
