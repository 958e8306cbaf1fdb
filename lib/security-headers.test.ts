import { afterEach, describe, expect, it } from "vitest";
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

describe("img-src and the public media base", () => {
  const saved = process.env.MEDIA_PUBLIC_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.MEDIA_PUBLIC_BASE_URL;
    else process.env.MEDIA_PUBLIC_BASE_URL = saved;
  });

  it("allows images from this site and its SITE_URL only when no public base is set", () => {
    delete process.env.MEDIA_PUBLIC_BASE_URL;
    expect(contentSecurityPolicy(newNonce(), "https://sport.example.org/")).toContain("img-src 'self' data: blob: https://sport.example.org;");
  });

  it("adds the public base's origin, without its path, when MEDIA_PUBLIC_BASE_URL is set", () => {
    process.env.MEDIA_PUBLIC_BASE_URL = "https://cdn.example.net:8443/pressbox/media/";
    expect(contentSecurityPolicy(newNonce(), "https://sport.example.org")).toContain("img-src 'self' data: blob: https://sport.example.org https://cdn.example.net:8443;");
  });
});
