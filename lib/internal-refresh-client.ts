// The sending side of the signed refresh notice (lib/internal-refresh.ts): a process other than the
// server (the `npm run publish-due` cron job, the wire inbox process) tells the running server which
// stories changed publicly, so its page cache drops them at once instead of after
// PAGE_CACHE_TTL_SECONDS. Never throws: a server that is down has no cache to refresh.
import "server-only";
import { REFRESH_PATH, SIGNATURE_HEADER, signRefresh } from "./internal-refresh";

// The notice's address: PRESSBOX_URL, else this machine's PORT.
export function refreshUrl(env: Record<string, string | undefined> = process.env): string {
  return `${env.PRESSBOX_URL ?? `http://localhost:${env.PORT ?? 3000}`}${REFRESH_PATH}`;
}

// The route takes at most this many stories a notice (app/api/internal/refresh/route.ts).
const IDS_PER_NOTICE = 500;

async function sendNotice(url: string, articleIds: string[]): Promise<number> {
  const body = JSON.stringify({ articleIds });
  const headers = { "content-type": "application/json", [SIGNATURE_HEADER]: signRefresh(body) };
  return (await fetch(url, { method: "POST", body, headers, signal: AbortSignal.timeout(10_000) })).status;
}

// Tells the server the stories changed (in notices of up to 500); resolves true when it accepted all.
export async function notifyServer(articleIds: string[], log: (line: string) => void = console.log, env: Record<string, string | undefined> = process.env): Promise<boolean> {
  const url = refreshUrl(env);
  try {
    for (let start = 0; start < articleIds.length; start += IDS_PER_NOTICE) {
      const status = await sendNotice(url, articleIds.slice(start, start + IDS_PER_NOTICE));
      if (status < 200 || status > 299) {
        log(`the server at ${url} answered ${status}`);
        return false;
      }
    }
    log(`told the server at ${url} to refresh`);
    return true;
  } catch {
    log(`no server answered at ${url}; its cached pages expire within PAGE_CACHE_TTL_SECONDS`);
    return false;
  }
}
