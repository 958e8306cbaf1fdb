import { describe, expect, test } from "vitest";
import { BUILT_IN_PROVIDERS, configuredProviders, embedUrlProblem, isWebUrl, matchProvider, playerOrigins, playerUrl, type EmbedProvider } from "./providers";

const FAKE: EmbedProvider = { name: "Fake Clips", schemes: ["http://127.0.0.1:*/clips/*"], endpoint: "http://127.0.0.1:9/oembed", player: "http://127.0.0.1:9/player?u={url}", allowPrivate: true };
const PROVIDERS = [FAKE, ...BUILT_IN_PROVIDERS];
const nameOf = (url: string) => matchProvider(url, PROVIDERS)?.name ?? null;

describe("matching a URL to an allowed provider", () => {
  test.each([
    ["https://x.com/FIFAWorldCup/status/1234567890", "X"],
    ["https://twitter.com/FIFAWorldCup/status/1234567890", "X"],
    ["https://mobile.twitter.com/FIFAWorldCup/status/1234567890", "X"],
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube"],
    ["https://youtu.be/dQw4w9WgXcQ", "YouTube"],
    ["https://m.youtube.com/shorts/dQw4w9WgXcQ", "YouTube"],
    ["https://www.instagram.com/p/C1a2b3c4d5/", "Instagram"],
    ["http://127.0.0.1:4567/clips/goal-7", "Fake Clips"],
  ])("%s is %s", (url, name) => expect(nameOf(url)).toBe(name));

  test.each([
    ["another site naming a provider in its query", "https://evil.example/watch?next=https://www.youtube.com/watch?v=x"],
    ["a look-alike host", "https://www.youtube.com.evil.example/watch?v=x"],
    ["a host ending like a provider's", "https://notyoutube.com/watch?v=x"],
    ["a provider's other pages", "https://x.com/FIFAWorldCup"],
    ["plain http for an https provider", "http://www.youtube.com/watch?v=x"],
    ["a javascript: URL", "javascript:alert(1)//https://x.com/a/status/1"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a URL with a password", "https://user:pw@x.com/a/status/1"],
    ["a URL hiding a newline", "https://x.com/a/status/1\njavascript:alert(1)"],
    ["another port's path on the fake provider's host", "http://127.0.0.1:4567/admin"],
  ])("refuses %s", (_why, url) => expect(nameOf(url)).toBeNull());

  test("a refusal says why and names the allowed providers", () => {
    expect(embedUrlProblem("https://example.com/video/1", PROVIDERS)).toBe("example.com is not an embed provider Pressbox allows (allowed: Fake Clips, X, YouTube, Instagram).");
    expect(embedUrlProblem("ftp://example.com/x", PROVIDERS)).toBe("An embed needs an http or https address.");
    expect(embedUrlProblem("https://youtu.be/dQw4w9WgXcQ", PROVIDERS)).toBeNull();
  });
});

describe("only web addresses", () => {
  test.each(["https://a.example/x", "http://127.0.0.1:8/x"])("%s is one", (url) => expect(isWebUrl(url)).toBe(true));
  test.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", " https://a.example", "//a.example/x", "/relative", "mailto:a@b.c", `https://a.example/${"x".repeat(2100)}`, 42, null])("%s is not", (url) =>
    expect(isWebUrl(url)).toBe(false),
  );
});

describe("the player loaded after a reader's click", () => {
  test("is the provider's own, built from the URL", () => {
    const youtube = BUILT_IN_PROVIDERS.find((p) => p.name === "YouTube")!;
    expect(playerUrl(youtube, "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    expect(playerUrl(youtube, "https://youtu.be/dQw4w9WgXcQ")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    expect(playerUrl(youtube, "https://www.youtube.com/watch?v=%22%3E%3Cscript%3E")).toBeNull();
    expect(playerUrl(FAKE, "http://127.0.0.1:4567/clips/a?b=1&c")).toBe(`http://127.0.0.1:9/player?u=${encodeURIComponent("http://127.0.0.1:4567/clips/a?b=1&c")}`);
  });

  test("is none for a provider without one", () => {
    expect(playerUrl({ ...FAKE, player: undefined }, "http://127.0.0.1:4567/clips/1")).toBeNull();
  });
});

test("the players' origins, once each, are what a page may frame", () => {
  expect(playerOrigins(PROVIDERS)).toEqual(["http://127.0.0.1:9", "https://platform.twitter.com", "https://www.youtube-nocookie.com", "https://www.instagram.com"]);
});

describe("EMBED_PROVIDERS", () => {
  test("reads a JSON list of providers", () => {
    expect(configuredProviders(JSON.stringify([FAKE]))).toEqual([FAKE]);
    expect(configuredProviders(undefined)).toEqual([]);
  });

  test("a mistyped setting is an error naming what is wrong, never a looser allow-list", () => {
    expect(() => configuredProviders("name=x")).toThrow(/EMBED_PROVIDERS is not JSON/);
    expect(() => configuredProviders(JSON.stringify([{ ...FAKE, endpoint: "javascript:alert(1)" }]))).toThrow(/endpoint must be an http or https address/);
  });
});
