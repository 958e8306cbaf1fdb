// Fastly: purge by surrogate keys (the Surrogate-Key response header Pressbox sends), through the
// API's batch endpoint, POST /service/{service_id}/purge with {"surrogate_keys": [...]} (at most
// 256 keys a request), authenticated by a token with purge_select scope in Fastly-Key.
import { batches, sendPurge } from "./send";

export type FastlyConfig = { serviceId: string; apiToken: string; apiBase?: string };

const KEYS_PER_REQUEST = 256;

export async function purgeFastly(config: FastlyConfig, keys: readonly string[], timeoutMs?: number): Promise<void> {
  const url = `${config.apiBase ?? "https://api.fastly.com"}/service/${encodeURIComponent(config.serviceId)}/purge`;
  const headers = { "Fastly-Key": config.apiToken, "content-type": "application/json", accept: "application/json" };
  await Promise.all(batches(keys, KEYS_PER_REQUEST).map((batch) => sendPurge("Fastly", url, { method: "POST", headers, body: JSON.stringify({ surrogate_keys: batch }) }, timeoutMs)));
}
