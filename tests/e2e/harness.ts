// What e2e tests share: Chromium (scripts/chromium.ts says which one) launched the same way
// everywhere, the URL of the server that tests/setup/next-server.ts started for this run, and
// screenshots kept in test-results/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";
import { testChromium } from "../../scripts/chromium";
import "../setup/provided-context";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];
const SCREENSHOT_DIR = "test-results";

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: testChromium().path, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export function baseUrl(): string {
  return inject("baseUrl");
}

// An absolute URL on the test server: urlFor("/newsroom/articles").
export function urlFor(pathname: string): string {
  return new URL(pathname, baseUrl()).toString();
}

// Saves a full-page screenshot as test-results/<name>.png and returns its path.
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// Uncaught exceptions and console errors of a page, to assert a screen ran cleanly.
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // "Failed to load resource" names no URL in its text; the location does.
    const { url } = message.location();
    if (message.type() === "error") errors.push(url ? `${message.text()} (${url})` : message.text());
  });
  return errors;
}
