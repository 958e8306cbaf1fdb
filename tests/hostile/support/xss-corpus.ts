// The XSS corpus: the injection sections of the Big List of Naughty Strings (npm package
// big-list-of-naughty-strings, read from its blns.txt so each string keeps its section) plus this
// project's own payloads for what blns lacks: javascript:/data: URLs, SVG onload, iframe srcdoc,
// event attributes, CSS expressions, template and parser-confusion tricks. Project payloads call
// alert('pbx-…') with their own id, so an execution names the payload that ran.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export type Payload = { id: string; source: string; text: string };

// Every blns section about code or markup reaching an interpreter; "Script Injection" is the XSS one.
export const BLNS_SECTIONS = [
  "Script Injection",
  "SQL Injection",
  "Server Code Injection",
  "Command Injection (Ruby)",
  "XXE Injection (XML)",
  "Unwanted Interpolation",
  "File Inclusion",
  "Known CVEs and Vulnerabilities",
] as const;

const PROJECT_PAYLOADS = [
  `<a href="javascript:alert('pbx-01')">pbx-01 click</a>`,
  `<a href="JaVaScRiPt&colon;alert('pbx-02')">pbx-02</a>`,
  `<a href="&#106;avascript:alert('pbx-03')">pbx-03</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgncGJ4LTA0Jyk8L3NjcmlwdD4=">pbx-04</a>`,
  `<a href="vbscript:msgbox('pbx-05')">pbx-05</a>`,
  `<svg onload="alert('pbx-06')"></svg>`,
  `<svg><animate onbegin="alert('pbx-07')" attributeName="x" dur="1s"/></svg>`,
  `<svg><a xlink:href="javascript:alert('pbx-08')"><text x="20" y="20">pbx-08</text></a></svg>`,
  `<svg><set attributeName="href" to="javascript:alert('pbx-09')"/></svg>`,
  `<iframe srcdoc="<script>parent.alert('pbx-10')</script>"></iframe>`,
  `<iframe src="javascript:alert('pbx-11')"></iframe>`,
  `<object data="data:text/html,<script>alert('pbx-12')</script>"></object>`,
  `<embed src="data:image/svg+xml,<svg onload=alert('pbx-13')>">`,
  `<body onload="alert('pbx-14')">`,
  `<details open ontoggle="alert('pbx-15')">pbx-15</details>`,
  `<input autofocus onfocus="alert('pbx-16')">`,
  `<video><source onerror="alert('pbx-17')"></video>`,
  `<div style="background:url(javascript:alert('pbx-18'))">pbx-18</div>`,
  `<div style="width: expression(alert('pbx-19'))">pbx-19</div>`,
  `<style>@import 'javascript:alert("pbx-20")';</style>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="alert('pbx-21')"></style></mglyph></table></mtext></math>`,
  `<noscript><p title="</noscript><img src=x onerror=alert('pbx-22')>"></noscript>`,
  `<template><img src=x onerror="alert('pbx-23')"></template><img src=x onerror="alert('pbx-23b')">`,
  `<form action="javascript:alert('pbx-24')"><button>pbx-24</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert('pbx-25')">`,
  `<base href="javascript:alert('pbx-26')//">`,
  `</script><script>alert('pbx-27')</script>`,
  `\\u003c/script\\u003e<script>alert('pbx-28')</script>`,
  `"></a><img src=x onerror=alert('pbx-29')>{{constructor.constructor('alert("pbx-29b")')()}}`,
  `]]><script>alert('pbx-30')</script><![CDATA[`,
  `<img src="x" onerror="alert('pbx-31')" alt="pbx-31">`,
  `javascript:alert('pbx-32')`,
];

// The strings of each wanted section, in file order. A section starts at a "#\tName" line followed
// by a bare "#"; other comment lines and blank lines are not strings.
export function readBlnsSections(text: string): Map<string, string[]> {
  const lines = text.split("\n");
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  lines.forEach((line, index) => {
    const header = /^#\s+(\S.*)$/.exec(line);
    if (header && lines[index + 1] === "#") {
      current = [];
      sections.set(header[1].trim(), current);
    } else if (!line.startsWith("#") && line.trim() !== "" && current) {
      current.push(line);
    }
  });
  return sections;
}

function blnsText(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve("big-list-of-naughty-strings/blns.txt"), "utf8");
}

export type Corpus = { payloads: Payload[]; bySource: Record<string, number> };

// The whole corpus, each distinct string once (blns repeats a few), in a stable order.
export function loadXssCorpus(): Corpus {
  const sections = readBlnsSections(blnsText());
  const payloads: Payload[] = [];
  const seen = new Set<string>();
  const add = (source: string, text: string) => {
    if (seen.has(text.trim())) return;
    seen.add(text.trim());
    payloads.push({ id: `x${String(payloads.length).padStart(3, "0")}`, source, text });
  };
  for (const name of BLNS_SECTIONS) {
    const strings = sections.get(name);
    if (!strings?.length) throw new Error(`blns.txt has no section "${name}" (the package layout changed?)`);
    for (const text of strings) add(`blns: ${name}`, text);
  }
  for (const text of PROJECT_PAYLOADS) add("project", text);
  const bySource: Record<string, number> = {};
  for (const payload of payloads) bySource[payload.source] = (bySource[payload.source] ?? 0) + 1;
  return { payloads, bySource };
}

// How many strings blns.txt's script-injection section holds (duplicates included).
export function blnsScriptInjectionCount(): number {
  return readBlnsSections(blnsText()).get("Script Injection")?.length ?? 0;
}

// Link targets a story body must never keep: script schemes, spelled every way browsers forgive.
export const HOSTILE_HREFS = [
  "javascript:alert('pbx-href-1')",
  "JavaScript:alert(1)",
  "JAVASCRIPT:alert(1)",
  " javascript:alert(1)",
  "\tjavascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "java\rscript:alert(1)",
  "java\u0000script:alert(1)",
  "\u0001javascript:alert(1)",
  "\u00a0javascript:alert(1)",
  "\u2028javascript:alert(1)",
  "\ufeffjavascript:alert(1)",
  "javascript&colon;alert(1)",
  "&#106;avascript:alert(1)",
  "&#x6A;avascript:alert(1)",
  "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
  "javascript://%0aalert(1)",
  "jav&#x09;ascript:alert(1)",
  "javascript\u003aalert(1)",
  "vbscript:msgbox(1)",
  "VBScript:msgbox(1)",
  "livescript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "DATA:text/html,<script>alert(1)</script>",
  "data:image/svg+xml,<svg onload=alert(1)>",
  "data:application/javascript,alert(1)",
  "file:///etc/passwd",
  "blob:https://example.com/0b0e3b6c",
  "filesystem:https://example.com/temporary/x",
  "about:blank",
  "//evil.example/x.js",
  "/\\evil.example/x.js",
  "\\\\evil.example\\x",
  "https:javascript:alert(1)",
  "mhtml:file://C:/x.mht!x.htm",
  "ftp://evil.example/x",
  "",
  `https://example.com/${"a".repeat(2100)}`,
];

// Links whose scheme is allowed but whose text is hostile: stored as typed, shown escaped.
const NASTY_SAFE_HREFS = [
  `/search?q="><script>alert('pbx-href-safe-1')</script>`,
  `https://example.com/"onmouseover="alert('pbx-href-safe-2')`,
  `mailto:desk@example.com?subject="><img/src=x/onerror=alert('pbx-href-safe-3')>`,
  `#"><svg/onload=alert('pbx-href-safe-4')>`,
  `/'onfocus='alert(5)'autofocus='`,
];

// The k-th link of a story gets one of them, in turn.
export const nastySafeHref = (story: number, k: number) => NASTY_SAFE_HREFS[(story + k) % NASTY_SAFE_HREFS.length];

// Ids a related-story teaser must not be saved with (the record-id rule: 20–32 of [a-z0-9]).
export const HOSTILE_ARTICLE_IDS: unknown[] = [
  "javascript:alert(1)",
  "<script>alert(1)</script>",
  "../../newsroom/admin",
  "' OR 1=1 --",
  "c0000000000000000000000000", // well-formed, but no such story
  "C0FFEE0000000000000000000000",
  "a".repeat(33),
  "abc",
  { $ne: null },
  ["c0000000000000000000000001"],
  42,
];
