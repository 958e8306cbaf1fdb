// The production server's bench-only hooks (PRESSBOX_BENCH_HOOKS, scripts/server.ts) and a timed
// request: what bench/run.ts and bench/sports.ts measure a page with.
type Server = { url: string };

export type Stats = { queries: number; memory: { rss: number }; pageCache: { entries: number; hits: number; misses: number } };

// Retried: after a long load run the client's pooled keep-alive connection may have been closed.
export async function stats(server: Server): Promise<Stats> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await (await fetch(`${server.url}/__pressbox/stats`)).json()) as Stats;
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function clearCaches(server: Server, tags?: string[]): Promise<void> {
  const response = await fetch(`${server.url}/__pressbox/clear-cache`, { method: "POST", body: JSON.stringify(tags ? { tags } : {}) });
  if (!response.ok) throw new Error(`clear-cache answered ${response.status}`);
}

export async function timedGet(url: string): Promise<{ ms: number; status: number; text: string; cache: string | null }> {
  const started = process.hrtime.bigint();
  const response = await fetch(url, { redirect: "manual" });
  const text = await response.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, status: response.status, text, cache: response.headers.get("x-pressbox-cache") };
}
