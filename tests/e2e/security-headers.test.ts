// Content-Security-Policy on every page type, including pages served from the whole-response
// cache: a script injected into the page (as if escaping had failed) is refused by Chromium, while
// the page's own scripts, which carry the response's nonce, run (the app hydrates). Permissions-
// Policy on every response; HSTS only for an https SITE_URL (lib/security-headers.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { db } from "@/lib/db";
import { launchBrowser, urlFor } from "./harness";
import { EDITOR, signIn } from "./newsroom-session";

const INJECTED = '<script>window.__injectedScript = 1</script><img src="/nothing.png" onerror="window.__injectedHandler = 1">';

let browser: Browser;
let pages: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  const story = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, include: { section: true, tags: { include: { tag: true } }, bylines: { include: { profile: true } } } });
  pages = [
    "/",
    `/${story.section!.slug}`,
    `/${story.section!.slug}/${story.slug}`,
    `/tag/${story.tags[0].tag.slug}`,
    `/author/${story.bylines[0].profile.slug}`,
    "/search?q=final",
    "/sign-in",
    "/no-such-page-at-all",
  ];
});

afterAll(async () => {
  await browser?.close();
});

type Visit = { status: number; cache: string | null; policy: string | null; permissions: string | null; injected: unknown; handler: unknown; hydrated: boolean; violations: string[] };

// Opens `path` with INJECTED spliced into the HTML on its way to the browser, headers untouched.
async function visit(context: BrowserContext, path: string): Promise<Visit> {
  const page: Page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction("__reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) => (window as unknown as { __reportViolation: (t: string) => void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI}`)),
  );
  let headers: Record<string, string> = {};
  let status = 0;
  await page.route(urlFor(path), async (route) => {
    const response = await route.fetch();
    headers = response.headers();
    status = response.status();
    const body = (await response.text()).replace("</body>", `${INJECTED}</body>`);
    await route.fulfill({ response, body });
  });
  await page.goto(urlFor(path));
  await page.waitForLoadState("networkidle");
  const state = await page.evaluate(() => {
    const w = window as Window & { __injectedScript?: unknown; __injectedHandler?: unknown; next?: unknown };
    return { injected: w.__injectedScript, handler: w.__injectedHandler, hydrated: typeof w.next === "object" && w.next !== null };
  });
  await page.close();
  return { status, cache: headers["x-pressbox-cache"] ?? null, policy: headers["content-security-policy"] ?? null, permissions: headers["permissions-policy"] ?? null, violations, ...state };
}

function expectProtected(result: Visit, path: string) {
  expect(result.policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(result.permissions, path).toContain("camera=()");
  expect(result.injected, `${path}: injected script ran`).toBeUndefined();
  expect(result.handler, `${path}: injected handler ran`).toBeUndefined();
  expect(
    result.violations.some((v) => v.startsWith("script-src")),
    `${path}: no violation reported`,
  ).toBe(true);
  expect(result.hydrated, `${path}: the page's own scripts did not run`).toBe(true);
}

describe("Content-Security-Policy", () => {
  it("refuses injected scripts on every reader page type, rendered and from the page cache", async () => {
    const context = await browser.newContext();
    for (const path of pages) {
      const first = await visit(context, path);
      expectProtected(first, path);
      const second = await visit(context, path);
      expectProtected(second, `${path} (again)`);
      if (second.cache === "hit") expect(second.policy, `${path}: a cached page keeps the nonce its body carries`).toBe(first.policy);
      else expect(second.policy, `${path}: an uncached page gets a new nonce`).not.toBe(first.policy);
    }
    const article = pages[2];
    expect((await visit(context, article)).cache).toBe("hit");
    await context.close();
  });

  it("refuses injected scripts in the newsroom", async () => {
    const { context } = await signIn(browser, EDITOR);
    for (const path of ["/newsroom/stories", "/newsroom/media"]) expectProtected(await visit(context, path), path);
    await context.close();
  });
});
