// Where to go after signing in: only a path on this site, so a crafted link cannot send a
// freshly signed-in editor to another site.
export const DEFAULT_AFTER_SIGN_IN = "/newsroom";

// `host` is the request's Host: an absolute URL (next-auth makes those) counts only on this host.
export function safeCallbackUrl(value: unknown, host?: string | null): string {
  if (typeof value !== "string" || !value) return DEFAULT_AFTER_SIGN_IN;
  let path = value;
  if (/^https?:\/\//i.test(value)) {
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url || !host || url.host !== host) return DEFAULT_AFTER_SIGN_IN;
    path = `${url.pathname}${url.search}`;
  }
  const isLocalPath = path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") && !/[\u0000-\u001f]/.test(path);
  const isLoop = /^\/(sign-in|sign-out|api\/)/.test(path);
  return isLocalPath && !isLoop ? path : DEFAULT_AFTER_SIGN_IN;
}
