import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "./security-headers";

describe("security headers", () => {
  it("sends HSTS only for an https site, Permissions-Policy always", () => {
    expect(staticSecurityHeaders("https://news.example")["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(staticSecurityHeaders("http://localhost:3000")["Strict-Transport-Security"]).toBeUndefined();
    expect(staticSecurityHeaders(undefined)["Permissions-Policy"]).toContain("geolocation=()");
  });

  it("allows scripts only with the response's nonce", () => {
    const nonce = newNonce();
    expect(newNonce()).not.toBe(nonce);
    const policy = contentSecurityPolicy(nonce);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
  });

  it("allows frames only from the embed providers' players", () => {
    expect(contentSecurityPolicy(newNonce())).toContain("frame-src 'self' https://platform.twitter.com https://www.youtube-nocookie.com https://www.instagram.com;");
  });
});
