// Chromium as an XSS detector. Every page of a watched context starts with alert, confirm, prompt,
// print and window.open replaced by hooks that report to the test (an init script, in every frame,
// before any page script); dialogs, uncaught errors and requests to any other host are recorded
// too, and other hosts do not resolve (the browser cannot reach the network). After a page has
// loaded its DOM is scanned (xss-dom-scan.ts) for what would run on a click or an
// event: on* attributes, script URLs, frames and objects, scripts that are not Next.js's own.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../../e2e/harness";
import { scanDocument, type ScanResult } from "./xss-dom-scan";
import type { PageCheck } from "./xss-pages";

export type Finding = { page: string; detail: string };
export type Findings = {
  pages: number;
  executions: Finding[];
  requests: Finding[];
  pageErrors: Finding[];
  consoleErrors: Finding[];
  cspRefusals: Finding[];
  badStatus: Finding[];
  onAttributes: Finding[];
  unsafeUrls: Finding[];
  unsafeElements: Finding[];
  foreignScripts: Finding[];
  missingText: Finding[];
};

export const emptyFindings = (): Findings => ({
  pages: 0,
  executions: [],
  requests: [],
  pageErrors: [],
  consoleErrors: [],
  cspRefusals: [],
  badStatus: [],
  onAttributes: [],
  unsafeUrls: [],
  unsafeElements: [],
  foreignScripts: [],
  missingText: [],
});

const HOOKS = `(() => {
  const report = (kind, args) => { try { window.__pbxReport(kind, Array.from(args, String).join(", ").slice(0, 300)); } catch (e) {} };
  const hook = (name, answer) => { try { Object.defineProperty(window, name, { value: function () { report(name, arguments); return answer; }, writable: false, configurable: false }); } catch (e) {} };
  hook("alert", undefined); hook("confirm", false); hook("prompt", null); hook("print", undefined); hook("open", null);
})();`;

// Only the test server's address resolves: a payload that loads a script from elsewhere fails
// to connect, and its request is still recorded.
export function launchWatchedBrowser(): Promise<Browser> {
  return launchBrowser(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]);
}

export async function watchContext(context: BrowserContext, origin: string, findings: Findings): Promise<void> {
  await context.exposeBinding("__pbxReport", ({ frame }, kind: string, detail: string) => {
    findings.executions.push({ page: frame.url(), detail: `${kind}(${detail})` });
  });
  await context.addInitScript(HOOKS);
  context.on("page", (page) => watchPage(page, origin, findings));
}

function watchPage(page: Page, origin: string, findings: Findings): void {
  page.on("dialog", (dialog) => {
    findings.executions.push({ page: page.url(), detail: `dialog ${dialog.type()}: ${dialog.message()}` });
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("pageerror", (error) => findings.pageErrors.push({ page: page.url(), detail: error.message.slice(0, 300) }));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // The Content-Security-Policy refusing an injected handler or script is a defence working
    // (e.g. ProseMirror parsing pasted hostile HTML), counted apart from real console errors.
    if (message.text().includes("violates the following Content Security Policy")) findings.cspRefusals.push({ page: page.url(), detail: message.text().slice(0, 300) });
    else findings.consoleErrors.push({ page: page.url(), detail: message.text().slice(0, 300) });
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:")) findings.requests.push({ page: page.url(), detail: url.slice(0, 200) });
  });
}

function recordScan(findings: Findings, page: string, scan: ScanResult): void {
  findings.onAttributes.push(...scan.onAttributes.map((detail) => ({ page, detail })));
  findings.unsafeUrls.push(...scan.unsafeUrls.map((detail) => ({ page, detail })));
  findings.unsafeElements.push(...scan.unsafeElements.map((detail) => ({ page, detail })));
  findings.foreignScripts.push(...scan.foreignScripts.map((detail) => ({ page, detail })));
  findings.missingText.push(...scan.missingText.map((detail) => ({ page, detail })));
}

// Opens one page, scans it and checks its text. The scan runs after the load event, which waits
// for every script of the page (Next's chunks are async scripts, which hold it back too), for
// images to load or fail, and for frames; reader pages have no client components. A screen that
// renders on the client (the story editor) names what to wait for.
async function visit(page: Page, baseUrl: string, check: PageCheck, findings: Findings): Promise<void> {
  const response = await page.goto(baseUrl + check.path, { waitUntil: "load" });
  if (check.waitFor) await page.locator(check.waitFor).first().waitFor();
  findings.pages += 1;
  if (response?.status() !== 200) findings.badStatus.push({ page: check.path, detail: `HTTP ${response?.status()}` });
  recordScan(findings, check.path, await page.evaluate(scanDocument, { texts: check.texts, jsonLd: check.jsonLd }));
}

// Visits every page, `tabs` at a time in one context.
export async function visitAll(context: BrowserContext, baseUrl: string, checks: PageCheck[], findings: Findings, tabs = 3): Promise<void> {
  const queue = [...checks];
  await Promise.all(
    Array.from({ length: tabs }, async () => {
      const page = await context.newPage();
      for (let check = queue.shift(); check; check = queue.shift()) await visit(page, baseUrl, check, findings);
      await page.close();
    }),
  );
}
