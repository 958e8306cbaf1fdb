import { describe, expect, it } from "vitest";
import { hasSessionCookie, httpCachePolicy, isNotModified, notModifiedHeaders, privateCacheControl, publicCacheControl, publicHeaders, SITE_TAG, strongEtag, surrogateKeys, withVary } from "./http-headers";
import { storableResponse } from "./page-request";

describe("how long caches may keep a public page", () => {
  it("lets a purged shared cache keep it for a day, and browsers for a minute", () => {
    const policy = httpCachePolicy({ HTTP_CACHE_PURGE: "varnish" });
    expect(publicCacheControl(policy)).toBe("public, max-age=60, s-maxage=86400, stale-while-revalidate=60");
  });

  it("gives a shared cache nobody purges the browsers' short lifetime", () => {
    expect(httpCachePolicy({}).sharedMaxAge).toBe(60);
    expect(httpCachePolicy({ HTTP_MAX_AGE_SECONDS: "30" }).sharedMaxAge).toBe(30);
  });

  it("takes each lifetime from its variable, ignoring what is not a whole number of seconds", () => {
    const policy = httpCachePolicy({ HTTP_CACHE_PURGE: "fastly", HTTP_MAX_AGE_SECONDS: "10", HTTP_SHARED_MAX_AGE_SECONDS: "3600", HTTP_STALE_WHILE_REVALIDATE_SECONDS: "5" });
    expect(publicCacheControl(policy)).toBe("public, max-age=10, s-maxage=3600, stale-while-revalidate=5");
    expect(httpCachePolicy({ HTTP_MAX_AGE_SECONDS: "-1", HTTP_STALE_WHILE_REVALIDATE_SECONDS: "soon" })).toMatchObject({ maxAge: 60, staleWhileRevalidate: 60 });
  });
});

describe("the headers of a public page", () => {
  const policy = httpCachePolicy({ HTTP_CACHE_PURGE: "varnish" });

  it("carry validators and the render's tags, plus the site-wide one, as Surrogate-Key and xkey", () => {
    const headers = publicHeaders({ etag: '"abc"', lastModified: Date.UTC(2026, 11, 7, 5, 0, 0), tags: ["article:a", "front-page"] }, policy);
    expect(headers).toEqual({
      "cache-control": publicCacheControl(policy),
      etag: '"abc"',
      "last-modified": "Mon, 07 Dec 2026 05:00:00 GMT",
      "surrogate-key": `article:a front-page ${SITE_TAG}`,
      xkey: [`article:a front-page ${SITE_TAG}`],
    });
  });

  it("add Cache-Tag, comma-separated, only for Cloudflare", () => {
    const headers = publicHeaders({ etag: '"abc"', lastModified: 0, tags: ["article:a"] }, httpCachePolicy({ HTTP_CACHE_PURGE: "cloudflare" }));
    expect(headers["cache-tag"]).toBe(`article:a,${SITE_TAG}`);
  });

  it("split a long key list over several xkey lines, none longer than Varnish accepts", () => {
    const tags = Array.from({ length: 400 }, (_, index) => `article:${String(index).padStart(25, "0")}`);
    const lines = publicHeaders({ etag: '"abc"', lastModified: 0, tags }, policy).xkey as string[];
    expect(lines.length).toBeGreaterThan(1);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(4000);
    expect(lines.join(" ").split(" ")).toEqual([...tags, SITE_TAG]);
  });

  it("leave out a tag that would break the header", () => {
    expect(surrogateKeys(["article:a", "two words", "a,b", "line\nbreak", "article:a"])).toEqual(["article:a", SITE_TAG]);
  });
});

describe("strong ETags", () => {
  it("are equal for the same bytes and differ for others", () => {
    expect(strongEtag(Buffer.from("<p>a</p>"))).toBe(strongEtag(Buffer.from("<p>a</p>")));
    expect(strongEtag(Buffer.from("<p>a</p>"))).not.toBe(strongEtag(Buffer.from("<p>b</p>")));
    expect(strongEtag(Buffer.from("x"))).toMatch(/^"[\w-]+"$/);
  });
});

describe("conditional requests", () => {
  const modified = Date.UTC(2026, 11, 7, 5, 0, 0, 600);

  it("match If-None-Match weakly, in a list, or with *", () => {
    expect(isNotModified({ "if-none-match": '"x", "abc"' }, '"abc"', modified)).toBe(true);
    expect(isNotModified({ "if-none-match": 'W/"abc"' }, '"abc"', modified)).toBe(true);
    expect(isNotModified({ "if-none-match": "*" }, '"abc"', modified)).toBe(true);
    expect(isNotModified({ "if-none-match": '"abd"' }, '"abc"', modified)).toBe(false);
  });

  it("let If-None-Match decide over If-Modified-Since", () => {
    expect(isNotModified({ "if-none-match": '"old"', "if-modified-since": "Mon, 07 Dec 2026 06:00:00 GMT" }, '"abc"', modified)).toBe(false);
  });

  it("compare If-Modified-Since to the second", () => {
    expect(isNotModified({ "if-modified-since": "Mon, 07 Dec 2026 05:00:00 GMT" }, '"abc"', modified)).toBe(true);
    expect(isNotModified({ "if-modified-since": "Mon, 07 Dec 2026 04:59:59 GMT" }, '"abc"', modified)).toBe(false);
    expect(isNotModified({ "if-modified-since": "yesterday" }, '"abc"', modified)).toBe(false);
    expect(isNotModified({}, '"abc"', modified)).toBe(false);
  });

  it("answer 304 without the body's Content-Security-Policy, whose nonce belongs to the reader's copy", () => {
    const kept = notModifiedHeaders({ "cache-control": "public", etag: '"a"', "content-security-policy": "script-src 'nonce-x'", "content-type": "text/html", vary: "rsc", xkey: ["a"] });
    expect(kept).toEqual({ "cache-control": "public", etag: '"a"', vary: "rsc", xkey: ["a"] });
  });
});

describe("sessions", () => {
  it("are seen in every form of the next-auth session cookie, and only there", () => {
    expect(hasSessionCookie({ cookie: "next-auth.session-token=abc" })).toBe(true);
    expect(hasSessionCookie({ cookie: "theme=dark; __Secure-next-auth.session-token=abc" })).toBe(true);
    expect(hasSessionCookie({ cookie: "theme=dark;next-auth.session-token.0=abc" })).toBe(true);
    expect(hasSessionCookie({ cookie: "next-auth.csrf-token=abc; next-auth.callback-url=x" })).toBe(false);
    expect(hasSessionCookie({ cookie: "my-next-auth.session-token=abc" })).toBe(false);
    expect(hasSessionCookie({})).toBe(false);
  });

  it("make any answer private and unstored, keeping a stream's no-transform", () => {
    expect(privateCacheControl("public, max-age=600")).toBe("private, no-store");
    expect(privateCacheControl(undefined)).toBe("private, no-store");
    expect(privateCacheControl("no-store, no-transform")).toBe("private, no-store, no-transform");
  });

  it("keep a page rendered with a session out of the page cache", () => {
    const response = { statusCode: 200, getHeaders: () => ({ "content-type": "text/html" }) };
    expect(storableResponse({ method: "GET", url: "/", headers: {} }, response)).not.toBeNull();
    expect(storableResponse({ method: "GET", url: "/", headers: { cookie: "next-auth.session-token=abc" } }, response)).toBeNull();
  });
});

describe("Vary", () => {
  it("keeps Next.js's names and adds one once", () => {
    expect(withVary("rsc, next-router-state-tree", "Accept-Encoding")).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(withVary("accept-encoding", "Accept-Encoding")).toBe("accept-encoding");
    expect(withVary(undefined, "Accept-Encoding")).toBe("Accept-Encoding");
  });
});
