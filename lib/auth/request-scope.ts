// The client address of the request being served, if any. Server actions, route handlers and
// pages run inside Next.js's request scope and get it; the scheduler, `npm run publish-due`, the
// seed and other scripts run outside any request, where headers() throws, and get null.
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { clientIp } from "./request-ip";

export async function requestIpInScope(): Promise<string | null> {
  let source: Headers;
  try {
    source = await headers();
  } catch (error) {
    // Next.js's own control-flow errors (a prerender bailing out) must pass through.
    unstable_rethrow(error);
    return null;
  }
  const ip = clientIp(source);
  return ip === "unknown" ? null : ip;
}
