// The one allow-list for URLs a person can put in a story: http(s), mailto and site-relative paths.
// Used by the link mark, by server validation and again by the renderer (defence in depth).
const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
// Control characters and whitespace let "java\nscript:" slip past naive checks; refuse them outright.
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length === 0 || href.length > 2048) return false;
  if (UNSAFE_CHARACTERS.test(href)) return false;
  if (href.startsWith("/")) return !href.startsWith("//") && !href.startsWith("/\\");
  if (href.startsWith("#")) return true;
  try {
    const url = new URL(href);
    return ALLOWED_PROTOCOLS.has(url.protocol);
  } catch {
    return false;
  }
}
