// Accounts and roles, the way staff meet them: the sign-in page, a staff area that shows each
// role only its screens, the admin screens themselves, sign-out, and a disabled user shut out.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS } from "@/lib/users/bootstrap";
import type { Role } from "@/lib/permissions";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";

const ADMIN_SCREENS = [
  { path: "/newsroom/admin/users", heading: "Users" },
  { path: "/newsroom/admin/bylines", heading: "Bylines" },
  { path: "/newsroom/admin/credits", heading: "Agencies & photographers" },
  { path: "/newsroom/admin/sections", heading: "Sections & tags" },
  { path: "/newsroom/admin/audit", heading: "Audit log" },
] as const;

const account = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  return { context, page: await context.newPage() };
}

// Signs in through the form, starting from `path` (the proxy sends the visitor to sign in first).
async function signIn(page: Page, credentials: { email: string; password: string }, path: string): Promise<void> {
  await page.goto(urlFor(path));
  await page.waitForURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path);
}

const navLabels = (page: Page) => page.locator(".newsroom-nav a").allInnerTexts();

describe("signing in", () => {
  it("sends an anonymous visitor from the staff area to sign in, and back after", async () => {
    const response = await fetch(urlFor("/newsroom/admin/audit?action=auth."), { redirect: "manual" });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/sign-in?callbackUrl=%2Fnewsroom%2Fadmin%2Faudit%3Faction%3Dauth.");
  });

  it("says the same thing for a wrong password as for an unknown email", async () => {
    const { context, page } = await newPage();
    const errors = collectPageErrors(page);
    await page.goto(urlFor("/sign-in"));
    await page.getByLabel("Email").fill(account("EDITOR").email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form's own alert (Next.js has a route announcer with the same role).
    const alert = page.locator(".auth-error");
    await expect(alert.innerText()).resolves.toMatch(/do not match an account/);
    await page.getByLabel("Email").fill("nobody@pressbox.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForFunction(() => !document.querySelector("button[disabled]"));
    await expect(alert.innerText()).resolves.toMatch(/do not match an account/);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await screenshot(page, "roles-sign-in-error");
    expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
    await context.close();
  });
});

describe("each role sees only its screens", () => {
  for (const role of ["CONTRIBUTOR", "EDITOR"] as const) {
    it(`a ${role.toLowerCase()} gets the story desk only, and no admin screen`, async () => {
      const { context, page } = await newPage();
      await signIn(page, account(role), "/newsroom/admin/users");
      // The Wire screen is part of the desk: whoever may write a story may import agency copy.
      // Sports data is the desk's (editors).
      expect(await navLabels(page)).toEqual(role === "EDITOR" ? ["Stories", "Media", "Wire", "Sports data", "Newsletters"] : ["Stories", "Media", "Wire"]);
      await expect(page.locator(".newsroom-user-name").innerText()).resolves.toBe(account(role).name);
      for (const screen of ADMIN_SCREENS) {
        await page.goto(urlFor(screen.path));
        await expect(page.locator("h1").innerText()).resolves.toBe("Not available to your role");
        expect(await page.locator("table").count()).toBe(0);
      }
      await screenshot(page, `roles-${role.toLowerCase()}-not-allowed`);
      await context.close();
    });
  }

  it("an admin gets every screen, each working without errors", async () => {
    const { context, page } = await newPage();
    const errors = collectPageErrors(page);
    await signIn(page, account("ADMIN"), "/newsroom/admin/users");
    expect(await navLabels(page)).toEqual(["Stories", "Media", "Wire", "Sports data", "Newsletters", "Users", "Bylines", "Agencies & photographers", "Sections & tags", "Audit log"]);
    for (const screen of ADMIN_SCREENS) {
      const response = await page.goto(urlFor(screen.path));
      expect(response?.status()).toBe(200);
      await expect(page.locator("h1").innerText()).resolves.toBe(screen.heading);
      await expect(page.locator('.newsroom-nav a[aria-current="page"]').innerText()).resolves.toBe(screen.heading);
      await screenshot(page, `roles-admin-${screen.path.split("/").pop()}`);
    }
    await expect(page.locator("table").innerText()).resolves.toContain("signed in");
    const details = [
      { path: `/newsroom/admin/users/${(await db.user.findUniqueOrThrow({ where: { email: account("EDITOR").email } })).id}`, name: "user" },
      { path: `/newsroom/admin/bylines/${(await db.bylineProfile.findUniqueOrThrow({ where: { slug: "aiko-mori" } })).id}`, name: "byline" },
      { path: `/newsroom/admin/sections/tags/${(await db.tag.findUniqueOrThrow({ where: { slug: "curling" } })).id}`, name: "tag" },
    ];
    for (const detail of details) {
      expect((await page.goto(urlFor(detail.path)))?.status()).toBe(200);
      await screenshot(page, `roles-admin-${detail.name}-detail`);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("admin screens at work", () => {
  it("previews an agency's credit as the format is typed", async () => {
    const { context, page } = await newPage();
    await signIn(page, account("ADMIN"), "/newsroom/admin/credits");
    await page.getByRole("link", { name: "BSR Agency" }).click();
    await page.waitForURL(/\/credits\/agencies\//);
    await expect(page.locator(".credit-full-preview").innerText()).resolves.toBe("Photo by Douwe Bijlsma/BSR Agency/Getty Images");
    await page.getByLabel("Full-credit format").fill("{photographer} for {agency}");
    await expect(page.locator(".credit-full-preview").innerText()).resolves.toBe("Douwe Bijlsma for BSR Agency");
    await page.getByLabel("Full-credit format").fill("{photog}");
    await expect(page.locator(".credit-preview .form-error").innerText()).resolves.toContain("unknown placeholder {photog}");
    await screenshot(page, "roles-admin-agency-preview");
    await context.close();
  });

  it("shuts a disabled user out at once", async () => {
    const email = `disable-me-${Date.now()}@pressbox.test`;
    const password = "a-password-for-e2e";
    await db.user.create({ data: { email, name: "Disable Me", role: "EDITOR", passwordHash: await hashPassword(password, 4) } });
    const victim = await newPage();
    await signIn(victim.page, { email, password }, "/newsroom/admin/users");
    const admin = await newPage();
    await signIn(admin.page, account("ADMIN"), "/newsroom/admin/users");
    await admin.page.getByRole("link", { name: "Disable Me" }).click();
    admin.page.once("dialog", (dialog) => void dialog.accept());
    await admin.page.getByRole("button", { name: "Disable account" }).click();
    await admin.page.getByRole("heading", { name: "Enable the account" }).waitFor();
    await screenshot(admin.page, "roles-admin-user-disabled");
    await victim.page.reload();
    await victim.page.waitForURL(/\/sign-in/);
    await victim.context.close();
    await admin.context.close();
  });

  it("signs out with a button, not a link", async () => {
    const { context, page } = await newPage({ width: 390, height: 844 });
    await signIn(page, account("ADMIN"), "/newsroom/admin/users");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "roles-admin-users-phone");
    await page.getByRole("link", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-out$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in\?signedOut=1/);
    await expect(page.getByRole("status").innerText()).resolves.toBe("You have signed out.");
    await page.goto(urlFor("/newsroom/admin/users"));
    await page.waitForURL(/\/sign-in\?callbackUrl=/);
    await context.close();
  });
});
