// One purge request to an HTTP cache or CDN API: bounded in time, and never throwing into the
// write path that asked for it. A failure is logged; the page then lives until its s-maxage.
export const PURGE_TIMEOUT_MS = 3000;

export async function sendPurge(what: string, url: string, init: RequestInit, timeoutMs = PURGE_TIMEOUT_MS): Promise<boolean> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text().catch(() => "");
    if (response.ok) return true;
    console.error(`[cache] ${what} purge at ${new URL(url).origin} answered ${response.status}: ${text.slice(0, 200)}`);
  } catch (error) {
    console.error(`[cache] ${what} purge at ${safeOrigin(url)} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return false;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(an invalid address)";
  }
}

// Splits keys into batches of at most `count` keys and `chars` characters joined by one separator.
export function batches(keys: readonly string[], count: number, chars = Infinity): string[][] {
  const result: string[][] = [];
  let batch: string[] = [];
  let length = 0;
  for (const key of keys) {
    if (batch.length > 0 && (batch.length >= count || length + 1 + key.length > chars)) {
      result.push(batch);
      batch = [];
      length = 0;
    }
    length += (batch.length > 0 ? 1 : 0) + key.length;
    batch.push(key);
  }
  if (batch.length > 0) result.push(batch);
  return result;
}
