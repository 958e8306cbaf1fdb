// Cross-site posts: a state-changing request whose Origin names another site (or is "null", as
// from sandboxed frames and file: pages) is refused before anything runs. A request without an
// Origin (curl, server to server, cron) is not judged here: browsers send Origin on every POST,
// and the session cookie is SameSite=Lax besides. Next.js makes the same comparison for server
// actions, but answers it with a 500; this answers 403 with a message.
import { siteConfig } from "../site-config";

const CROSS_SITE_MESSAGE = "Refused: this request came from another site. Reload the page on this site and try again.";

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export function isCrossSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  const originHost = hostOf(origin);
  if (!originHost) return true;
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return ![forwarded, headers.get("host"), hostOf(siteConfig.url)].includes(originHost);
}

export function crossSiteRefusal(): Response {
  return Response.json({ error: CROSS_SITE_MESSAGE, code: "FORBIDDEN" }, { status: 403 });
}
