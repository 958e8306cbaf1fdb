// Varnish with vmod xkey (deploy/varnish/pressbox.vcl): a `PURGE` request whose `xkey-purge`
// header lists the keys, sent to every instance in VARNISH_PURGE_URLS at once. Varnish answers
// 200 with how many objects went; one that is down or slow is logged and skipped.
import { batches, sendPurge } from "./send";

// Varnish's default http_req_hdr_len is 8 KB: longer key lists go in several requests.
const HEADER_CHARS = 4000;

export function varnishUrls(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
}

export async function purgeVarnish(urls: readonly string[], keys: readonly string[], timeoutMs?: number): Promise<void> {
  const requests = batches(keys, Infinity, HEADER_CHARS).flatMap((batch) =>
    urls.map((base) => sendPurge("Varnish", new URL("/", base).toString(), { method: "PURGE", headers: { "xkey-purge": batch.join(" ") } }, timeoutMs)),
  );
  await Promise.all(requests);
}
