// Security headers the production server (scripts/server.ts) sends on every response.
//
// Content-Security-Policy with a nonce: for every response it renders, the server makes a fresh
// nonce and puts the policy on the REQUEST too, where Next.js reads it and stamps the nonce on
// every script it emits; the same policy goes on the response. 'strict-dynamic' lets those
// scripts load Next's chunks; anything else (an inline script or event handler injected into the
// page) is refused by the browser.
//
// With the whole-response page cache: a cached page is stored with its headers, so a hit replays
// the body and the policy whose nonce that body carries, as one pair: they always match. A nonce
// is therefore reused for the life of one cached entry, which is safe here because the nonce only
// guards against markup injected into a response, and stored content reaches a page only through a
// new render (every write drops the cached entries that show it), which gets a new nonce; React
// escapes that content anyway. Uncached responses (staff screens, search, previews) get a new
// nonce every time.
import { randomBytes } from "node:crypto";
import { playerOrigins } from "./embeds/providers";
import { mediaPublicBaseUrl } from "./media/file/storage-config";
import { siteConfig } from "./site-config";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

// siteUrl: the address links in emails are made from (SITE_URL). The newsroom may be reached by
// another host name, and a newsletter preview shows the email's images from that address.
export function contentSecurityPolicy(nonce: string, siteUrl: string = siteConfig.url): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React and Tiptap set style attributes (focal points, editor positions).
    "style-src 'self' 'unsafe-inline'",
    // Renditions may come from a public bucket or CDN (MEDIA_PUBLIC_BASE_URL): its origin only;
    // and from the site's own address, which emails (and their previews) use.
    ["img-src 'self' data: blob:", ...new Set([new URL(siteUrl).origin, ...publicMediaOrigin()])].join(" "),
    // Embeds load their provider's player in a frame, and only after the reader asks for it.
    ["frame-src 'self'", ...playerOrigins()].join(" "),
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}

// The public base's origin, not its full address: a source with a path stops matching after a
// redirect (CSP ignores paths then), and a CDN or bucket host serves nothing but files anyway.
function publicMediaOrigin(): string[] {
  const base = mediaPublicBaseUrl();
  return base ? [new URL(base).origin] : [];
}

// Headers that do not change per response: Permissions-Policy always, HSTS when the site is https.
export function staticSecurityHeaders(siteUrl: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  };
  if (siteUrl?.startsWith("https://")) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
