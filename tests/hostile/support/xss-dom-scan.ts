// The DOM scan that runs inside each opened page (passed to page.evaluate, so it is one
// self-contained function: nothing from outside its body exists in the browser). It lists what
// would run on a click or an event, and which typed texts are missing from the page.
//  - on* attributes on any element;
//  - script-capable URLs (javascript:, vbscript:, data: …) in any URL attribute, after removing
//    the whitespace and control characters browsers ignore there;
//  - frames, objects, embeds, <base>, <meta http-equiv>, SVG <animate>/<set>, srcdoc, and styles
//    with expression()/javascript:/behavior;
//  - scripts that are not Next.js's own: an src outside /_next/ on this origin, JSON-LD that does
//    not parse, or inline code other than Next's flight-data pushes (whose argument must parse as
//    JSON, so a string that broke out of one would show) and Turbopack's chunk list.
import type { JsonLdCheck, TextCheck } from "./xss-pages";

export type ScanInput = { texts: TextCheck[]; jsonLd: JsonLdCheck[] };
export type ScanResult = { onAttributes: string[]; unsafeUrls: string[]; unsafeElements: string[]; foreignScripts: string[]; missingText: string[] };

export function scanDocument(input: ScanInput): ScanResult {
  const norm = (value: unknown) =>
    String(value ?? "")
      .replace(/\s+/g, " ")
      .trim();
  const quote = (value: unknown) => JSON.stringify(String(value)).slice(0, 140);
  const result: ScanResult = { onAttributes: [], unsafeUrls: [], unsafeElements: [], foreignScripts: [], missingText: [] };
  const urlAttributes = new Set([
    "href",
    "src",
    "srcset",
    "imagesrcset",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "data",
    "codebase",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "ping",
    "manifest",
    "icon",
  ]);
  const isScriptUrl = (url: string) => /^(javascript|vbscript|livescript|data|mhtml|jar):/i.test(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ""));
  for (const element of Array.from(document.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const where = `<${element.localName} ${name}=${quote(attribute.value)}>`;
      if (name.startsWith("on")) result.onAttributes.push(where);
      const urls = name.endsWith("srcset") ? attribute.value.split(",").map((part) => part.trim()) : [attribute.value];
      if (urlAttributes.has(name) && urls.some(isScriptUrl)) result.unsafeUrls.push(where);
      if (name === "srcdoc") result.unsafeElements.push(where);
      if (name === "style" && /expression\s*\(|javascript:|behavior\s*:|-moz-binding/i.test(attribute.value)) result.unsafeElements.push(where);
    }
  }
  const risky = "iframe, frame, frameset, object, embed, applet, base, portal, meta[http-equiv], animate, set, link[rel~=import i]";
  for (const element of Array.from(document.querySelectorAll(risky))) result.unsafeElements.push(element.outerHTML.slice(0, 160));
  for (const style of Array.from(document.querySelectorAll("style"))) {
    if (/expression\s*\(|javascript:|@import|pbx-/i.test(style.textContent ?? "")) result.unsafeElements.push(`<style>${quote(style.textContent)}`);
  }
  const ldObjects: Record<string, unknown>[] = [];
  const flightPrefixes = ["self.__next_f.push(", "(self.__next_f=self.__next_f||[]).push("];
  for (const script of Array.from(document.querySelectorAll("script"))) {
    const text = (script.textContent ?? "").trim();
    if (script.hasAttribute("src")) {
      const url = new URL(script.getAttribute("src") ?? "", location.href);
      if (url.origin !== location.origin || !url.pathname.startsWith("/_next/")) result.foreignScripts.push(`<script src=${quote(script.getAttribute("src"))}>`);
      continue;
    }
    if (script.type === "application/ld+json") {
      try {
        ldObjects.push(JSON.parse(text));
      } catch {
        result.foreignScripts.push(`JSON-LD that does not parse: ${quote(text)}`);
      }
      continue;
    }
    const prefix = flightPrefixes.find((p) => text.startsWith(p));
    if (prefix) {
      try {
        if (!text.endsWith(")")) throw new Error("not a call");
        JSON.parse(text.slice(prefix.length, -1));
      } catch {
        result.foreignScripts.push(`flight data that is not one JSON value: ${quote(text)}`);
      }
    } else if (!text.startsWith('(globalThis["TURBOPACK"]')) {
      result.foreignScripts.push(`inline script: ${quote(text)}`);
    }
  }
  // Each selector's candidate values, read once however many checks share it.
  const candidates = new Map<string, string[]>();
  for (const check of input.texts) {
    const key = `${check.selector}\u0000${check.attr ?? ""}`;
    if (!candidates.has(key))
      candidates.set(
        key,
        Array.from(document.querySelectorAll(check.selector), (el) => norm(check.attr ? el.getAttribute(check.attr) : el.textContent)),
      );
    const found = candidates.get(key)!;
    const want = norm(check.text);
    if (!(check.exact === false ? found.some((value) => value.includes(want)) : found.includes(want))) {
      result.missingText.push(`${check.selector}${check.attr ? `[${check.attr}]` : ""} ${quote(want)} among ${found.length}${found.length ? `, e.g. ${quote(found[0])}` : ""}`);
    }
  }
  for (const check of input.jsonLd) {
    const want = norm(check.text);
    const values = ldObjects.flatMap((ld) => (check.key === "author" ? ((ld.author as { name?: string }[] | undefined) ?? []).map((a) => a.name) : [ld[check.key]]));
    if (!values.some((value) => (check.key === "keywords" ? norm(value).includes(want) : norm(value) === want))) result.missingText.push(`JSON-LD ${check.key} ${quote(want)}`);
  }
  return result;
}
