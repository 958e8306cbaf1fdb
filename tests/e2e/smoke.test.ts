import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { baseUrl, launchBrowser, screenshot } from "./harness";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test("the front page answers 200 with an English document", async () => {
  const page = await browser.newPage();
  const response = await page.goto(baseUrl());
  await screenshot(page, "smoke-front-page");
  expect(response?.status()).toBe(200);
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
});
