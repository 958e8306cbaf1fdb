// Sessions as a person and an attacker meet them in Chromium: signing out ends the session on the
// server (the old cookie, replayed in another browser, opens nothing); a guesser typing wrong
// passwords for a known account from another browser gets throttled, while the owner's browser,
// which signed in before (device cookie), still signs in at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, screenshot, urlFor } from "./harness";
import { createTestUser, type TestUser } from "../fixtures/accounts";
import { throttleSettings } from "@/lib/rate-limit/settings";
import { db } from "@/lib/db";

let browser: Browser;
let owner: TestUser;

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await createTestUser("EDITOR", { name: "Session Owner" });
});

afterAll(async () => {
  await browser?.close();
});

async function signInWith(context: BrowserContext, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(urlFor("/sign-in?callbackUrl=/newsroom/stories"));
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/newsroom/stories" || url.searchParams.has("error") || url.pathname === "/sign-in").catch(() => undefined);
  await page.waitForLoadState("networkidle");
  return page;
}

describe("sessions", () => {
  it("ends the session on the server at sign-out: the copied cookie opens nothing", async () => {
    const context = await browser.newContext();
    const page = await signInWith(context, owner.password);
    await page.getByRole("heading", { name: "Stories", level: 1 }).waitFor();
    const copied = await context.cookies();
    expect(copied.map((c) => c.name)).toEqual(expect.arrayContaining(["next-auth.session-token", "pressbox-device"]));
    await page.goto(urlFor("/sign-out"));
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/sign-in\?signedOut=1/);

    const replay = await browser.newContext();
    await replay.addCookies(copied.filter((c) => c.name === "next-auth.session-token"));
    const replayed = await replay.newPage();
    await replayed.goto(urlFor("/newsroom/stories"));
    await replayed.waitForURL(/\/sign-in\?callbackUrl=/);
    await replay.close();
    await context.close();
  });

  it("throttles a guesser's browser, never the owner's", async () => {
    const owners = await browser.newContext();
    await (await signInWith(owners, owner.password)).getByRole("heading", { name: "Stories", level: 1 }).waitFor();
    await owners.clearCookies({ name: "next-auth.session-token" });

    // The guesser also claims another address: without TRUST_PROXY the server must not believe it.
    const guesser = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "6.6.6.6" } });
    // Wrong guesses until the account refuses unknown browsers (the free tries, then doubling waits).
    let page: Page | null = null;
    let shown = "";
    for (let i = 0; i < throttleSettings().account.freeFailures + 10 && !/Too many sign-in attempts/.test(shown); i += 1) {
      await page?.close();
      page = await signInWith(guesser, `wrong-guess-${i}`);
      shown = await page
        .locator(".auth-error")
        .innerText({ timeout: 5_000 })
        .catch(() => "");
    }
    expect(shown).toMatch(/Too many sign-in attempts/);
    await screenshot(page!, "sessions-guesser-throttled");

    const back = await signInWith(owners, owner.password);
    await back.getByRole("heading", { name: "Stories", level: 1 }).waitFor();
    const addresses = new Set((await db.loginAttempt.findMany({ where: { email: owner.email }, select: { ip: true } })).map((row) => row.ip));
    expect([...addresses]).toEqual(["127.0.0.1"]);
    await guesser.close();
    await owners.close();
  });
});
