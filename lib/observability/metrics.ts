// Prometheus metrics of the production server (/metrics, lib/observability/endpoints.ts): requests
// by route kind and status class (count and latency), the page and data caches, queue depths, the
// scheduler's runs, and prom-client's default process metrics. One registry a process, on
// globalThis like the caches it reads.
import client from "prom-client";
import { pageCacheStats } from "../cache/page-cache";
import { cacheStats } from "../cache/tagged-cache";
import type { RouteKind } from "./route-kind";
import { onSchedulerRun } from "./scheduler-runs";
import { onNewsletterDelivery } from "./newsletter-sends";

type Metrics = {
  registry: client.Registry;
  requests: client.Counter<"kind" | "status_class">;
  requestSeconds: client.Histogram<"kind" | "status_class">;
};

declare global {
  var pressboxMetrics: Metrics | undefined;
}

const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const SCHEDULER_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

// A counter whose value lives elsewhere (the caches count their own hits): set at each scrape.
function mirroredCounter(registry: client.Registry, name: string, help: string, read: () => Record<string, number>): void {
  new client.Counter({
    name,
    help,
    labelNames: ["cache"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [cache, value] of Object.entries(read())) this.inc({ cache }, value);
    },
  });
}

function gauge(registry: client.Registry, name: string, help: string, collect: (this: client.Gauge) => void | Promise<void>, labelNames: string[] = []): void {
  new client.Gauge({ name, help, labelNames, registers: [registry], collect });
}

function cacheMetrics(registry: client.Registry): void {
  mirroredCounter(registry, "pressbox_cache_hits_total", "Lookups answered from the cache (page: whole responses; data: what pages read)", () => ({ page: pageCacheStats().hits, data: cacheStats().hits }));
  mirroredCounter(registry, "pressbox_cache_misses_total", "Lookups the cache could not answer", () => ({ page: pageCacheStats().misses, data: cacheStats().misses }));
  gauge(
    registry,
    "pressbox_cache_entries",
    "Entries held in the cache",
    function () {
      this.set({ cache: "page" }, pageCacheStats().entries);
      this.set({ cache: "data" }, cacheStats().entries);
    },
    ["cache"],
  );
  gauge(registry, "pressbox_page_cache_bytes", "Bytes held by the page cache (bodies and their gzip copies)", function () {
    this.set(pageCacheStats().bytes);
  });
}

// Read when scraped; queue-depths.ts is loaded then, never at startup (it reaches the database
// client the Next.js bundle made). A depth that could not be read is left out of the scrape
// rather than shown as 0.
function queueMetrics(registry: client.Registry): void {
  gauge(
    registry,
    "pressbox_queue_depth",
    "Work waiting: stories_scheduled, stories_due (above zero for long: no scheduler run gets through), wire_inbox_files (WIRE_INBOX_DIR), live_streams_open (this process), newsletter_deliveries (queued or being sent)",
    async function () {
      const depths = await (await import("./queue-depths")).queueDepths();
      this.reset();
      const values = {
        stories_scheduled: depths.storiesScheduled,
        stories_due: depths.storiesDue,
        wire_inbox_files: depths.wireInboxFiles,
        live_streams_open: depths.liveStreamsOpen,
        newsletter_deliveries: depths.newsletterDeliveries,
      };
      for (const [queue, value] of Object.entries(values)) if (value !== null) this.set({ queue }, value);
    },
    ["queue"],
  );
}

function schedulerMetrics(registry: client.Registry): void {
  const runs = new client.Counter({
    name: "pressbox_scheduler_runs_total",
    help: "Scheduler runs by outcome: ran, skipped (another instance held the lock), failed",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const seconds = new client.Histogram({ name: "pressbox_scheduler_run_duration_seconds", help: "How long scheduler runs took", labelNames: ["outcome"], buckets: SCHEDULER_BUCKETS, registers: [registry] });
  for (const outcome of ["ran", "skipped", "failed"]) runs.inc({ outcome }, 0);
  onSchedulerRun((outcome, took) => {
    runs.inc({ outcome });
    seconds.observe({ outcome }, took);
  });
}

function newsletterMetrics(registry: client.Registry): void {
  const deliveries = new client.Counter({
    name: "pressbox_newsletter_deliveries_total",
    help: "Newsletter deliveries by outcome: sent, retry (temporary failure, tried again later), failed, bounced, skipped (the reader left), lost (taken over by another sender)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  for (const outcome of ["sent", "retry", "failed", "bounced", "skipped"]) deliveries.inc({ outcome }, 0);
  onNewsletterDelivery((outcome) => deliveries.inc({ outcome }));
}

function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const labelNames = ["kind", "status_class"] as const;
  const requests = new client.Counter({ name: "pressbox_http_requests_total", help: "HTTP requests answered, by route kind and status class", labelNames, registers: [registry] });
  const requestSeconds = new client.Histogram({
    name: "pressbox_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its response",
    labelNames,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  cacheMetrics(registry);
  queueMetrics(registry);
  schedulerMetrics(registry);
  newsletterMetrics(registry);
  return { registry, requests, requestSeconds };
}

export function metrics(): Metrics {
  return (globalThis.pressboxMetrics ??= createMetrics());
}

export function recordRequest(kind: RouteKind, statusClass: string, seconds: number): void {
  const { requests, requestSeconds } = metrics();
  requests.inc({ kind, status_class: statusClass });
  requestSeconds.observe({ kind, status_class: statusClass }, seconds);
}
