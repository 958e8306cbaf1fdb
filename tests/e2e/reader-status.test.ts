// Addresses that changed state: an unpublished story answers 410 with the site's page, a renamed
// one redirects permanently, and cached pages change only when the story's tags are dropped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { db } from "@/lib/db";
import { launchBrowser, screenshot, urlFor } from "./harness";
import { getText, notifyServer } from "./reader-support";

const PHONE = { width: 390, height: 844 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("stories that moved or went away", () => {
  it("answers 410 with the site's page for an unpublished story", async () => {
    const story = await db.article.findFirstOrThrow({ where: { slug: "curling-rink-stays-perfect" } });
    await db.article.update({ where: { id: story.id }, data: { status: "UNPUBLISHED" } });
    try {
      await notifyServer([story.id]);
      const page = await browser.newPage({ viewport: PHONE });
      const response = await page.goto(urlFor("/olympics/curling-rink-stays-perfect"));
      expect(response?.status()).toBe(410);
      await expect(page.locator("h1").innerText()).resolves.toMatch(/removed/i);
      expect(await page.locator(".site-header nav a").count()).toBeGreaterThan(0);
      await screenshot(page, "reader-410-phone");
      await page.close();
    } finally {
      await db.article.update({ where: { id: story.id }, data: { status: "PUBLISHED" } });
      await notifyServer([story.id]);
    }
    expect((await getText("/olympics/curling-rink-stays-perfect")).status).toBe(200);
  });

  it("redirects a changed slug permanently from the old address", async () => {
    const story = await db.article.findFirstOrThrow({ where: { slug: "rookie-takes-pole-position" }, include: { section: true } });
    await db.article.update({ where: { id: story.id }, data: { slug: "rookie-snatches-pole" } });
    const redirect = await db.redirect.create({ data: { fromPath: "/motorsport/rookie-takes-pole-position", toPath: "/motorsport/rookie-snatches-pole" } });
    try {
      await notifyServer([story.id]);
      const response = await fetch(urlFor("/motorsport/rookie-takes-pole-position"), { redirect: "manual" });
      expect([301, 308]).toContain(response.status);
      expect(new URL(response.headers.get("location")!, urlFor("/")).pathname).toBe("/motorsport/rookie-snatches-pole");
      expect((await getText("/motorsport/rookie-snatches-pole")).status).toBe(200);
    } finally {
      await db.redirect.delete({ where: { id: redirect.id } });
      await db.article.update({ where: { id: story.id }, data: { slug: story.slug } });
      await notifyServer([story.id]);
    }
  });
});

describe("the page cache", () => {
  it("serves listings from memory until the story's tags are dropped", async () => {
    const story = await db.article.findFirstOrThrow({ where: { slug: "qualifier-stuns-top-seed" } });
    for (const path of ["/", "/tennis", "/feed.xml"]) expect((await getText(path)).text).toContain("Qualifier stuns top seed");
    await db.article.update({ where: { id: story.id }, data: { headline: "Behind the cache's back" } });
    try {
      for (const path of ["/", "/tennis", "/feed.xml"]) expect((await getText(path)).text, path).not.toContain("Behind the cache");
      await notifyServer([story.id]);
      for (const path of ["/", "/tennis", "/feed.xml"]) expect((await getText(path)).text, path).toContain("Behind the cache");
    } finally {
      await db.article.update({ where: { id: story.id }, data: { headline: story.headline } });
      await notifyServer([story.id]);
    }
  });
});
