// The client address of the request being served, if any. Server actions, route handlers and
// pages run inside Next.js's request scope and get it; the scheduler, `npm run publish-due`, the
// seed and other scripts run outside any request, where headers() throws, and get null.
// next/headers is loaded on first use, not at the top, so that scripts which never write an audit
// entry never load it (see scripts/next-environment.ts for why loading it before Next.js's
// start-up in the server's own process once killed the server).
import "server-only";
import { clientIp } from "./request-ip";

type NextRequestApi = { headers: typeof import("next/headers").headers; rethrow: typeof import("next/navigation").unstable_rethrow };
let nextRequestApi: Promise<NextRequestApi | null> | null = null;

function loadNextRequestApi(): Promise<NextRequestApi | null> {
  nextRequestApi ??= Promise.all([import("next/headers"), import("next/navigation")]).then(
    ([headersModule, navigation]) => ({ headers: headersModule.headers, rethrow: navigation.unstable_rethrow }),
    () => null,
  );
  return nextRequestApi;
}

export async function requestIpInScope(): Promise<string | null> {
  const next = await loadNextRequestApi();
  if (!next) return null;
  let source: Headers;
  try {
    source = await next.headers();
  } catch (error) {
    // Next.js's own control-flow errors (a prerender bailing out) must pass through.
    next.rethrow(error);
    return null;
  }
  const ip = clientIp(source);
  return ip === "unknown" ? null : ip;
}
