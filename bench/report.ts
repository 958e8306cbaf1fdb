// The benchmark's markdown table (bench/results.md, and README.md between the bench markers),
// with each number beside its target. One column per story count measured.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

type Summary = { rps: number; p50Ms: number; p99Ms: number; errors: number };
type Samples = { medianMs: number; p95Ms: number; queriesMin: number; queriesMax: number };
type SearchVariant = { name: string; p50Ms: number; p95Ms: number };
type Publish = { trials: number; freshOnFirstRequest: number; frontPageFresh: number; publishMedianMs: number; publishToVisibleMedianMs: number };

export type BenchRun = {
  stories: number;
  tool: string;
  machine: string;
  startedAt: string;
  minutes: number;
  options: Record<string, number | boolean>;
  seedSeconds: number;
  cached: {
    bytes: number;
    pressbox: Summary;
    plainNode: Summary;
    bareNext: Summary;
    ratio: number;
    bareNextRatio: number;
    atHalfRate: { targetRps: number; rps: number; p99Ms: number; errors: number; non2xx: number };
  };
  uncachedArticle: Samples;
  coldArticle: Samples;
  preview: Samples;
  front: Samples;
  frontCached: { rps: number };
  section: Samples;
  sectionCached: { rps: number };
  search: { p50Ms: number; p95Ms: number; samples: number };
  // Older runs in results.json predate these two.
  searchVariants?: SearchVariant[];
  publish: Publish;
  postgres?: { copySeconds: number; uncachedArticle: Samples; front: Samples; searchVariants: SearchVariant[]; publish: Publish };
  memory: { rssAfterWarmupMb: number; rssAfterSoakMb: number; soakSeconds: number; exit?: string | null; soak?: { rps: number; p99Ms: number; errors: number; non2xx: number } | null };
};

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

function n(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString("en-GB", { maximumFractionDigits: 1 }) : "–";
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export function renderReport(runs: BenchRun[]): string {
  const sorted = [...runs].sort((a, b) => a.stories - b.stories);
  const base = sorted[0];
  const rows: [string, string, (r: BenchRun) => string][] = [
    ["Cached article, Pressbox (50 connections)", "", (r) => `${n(r.cached.pressbox.rps)} req/s, p50 ${n(r.cached.pressbox.p50Ms)} ms, p99 ${n(r.cached.pressbox.p99Ms)} ms`],
    ["Same bytes, plain Node.js `http`", "", (r) => `${n(r.cached.plainNode.rps)} req/s, p99 ${n(r.cached.plainNode.p99Ms)} ms`],
    ["Same bytes, bare Next.js prerendered route", "", (r) => `${n(r.cached.bareNext.rps)} req/s (${pct(r.cached.bareNextRatio)} of plain)`],
    ["Pressbox ÷ plain Node.js", "≥ 30%", (r) => pct(r.cached.ratio)],
    [
      "At half Pressbox's rate: p99, errors",
      "< 50 ms, 0",
      (r) => `${n(r.cached.atHalfRate.rps)} req/s: p99 ${n(r.cached.atHalfRate.p99Ms)} ms, ${r.cached.atHalfRate.errors + r.cached.atHalfRate.non2xx} errors`,
    ],
    [
      "Uncached article render (its data dropped): median, queries",
      "< 25 ms, ≤ 6",
      (r) =>
        `${n(r.uncachedArticle.medianMs)} ms, ${r.uncachedArticle.queriesMin === r.uncachedArticle.queriesMax ? r.uncachedArticle.queriesMax : `${r.uncachedArticle.queriesMin}–${r.uncachedArticle.queriesMax}`} queries`,
    ],
    ["Uncached article vs. smallest run", "≤ 1.5×", (r) => `${(r.uncachedArticle.medianMs / base.uncachedArticle.medianMs).toFixed(2)}×`],
    ["Article with every cache cold: median, queries", "", (r) => `${n(r.coldArticle.medianMs)} ms, ${r.coldArticle.queriesMax} queries`],
    ["Draft preview (never cached): median, queries", "", (r) => `${n(r.preview.medianMs)} ms, ${r.preview.queriesMax} queries`],
    ["Front page: uncached median / cached rate", "", (r) => `${n(r.front.medianMs)} ms / ${n(r.frontCached.rps)} req/s`],
    ["Section page: uncached median / cached rate", "", (r) => `${n(r.section.medianMs)} ms / ${n(r.sectionCached.rps)} req/s`],
    ["Search: p50 / p95", "p95 < 50 ms at 100,000", (r) => `${n(r.search.p50Ms)} / ${n(r.search.p95Ms)} ms`],
    ["Search by kind (plain, section, date × common, rare): slowest p95", "< 50 ms at 100,000", (r) => slowestSearch(r.searchVariants)],
    [
      "Publish → visible on the next request (story, front page)",
      "50 of 50",
      (r) => `${r.publish.freshOnFirstRequest}/${r.publish.trials}, ${r.publish.frontPageFresh}/${r.publish.trials} (median ${n(r.publish.publishToVisibleMedianMs)} ms)`,
    ],
    [
      "Server RSS after warm-up / after soak",
      "",
      (r) =>
        r.memory.exit
          ? `${n(r.memory.rssAfterWarmupMb)} MB / ${r.memory.exit}`
          : `${n(r.memory.rssAfterWarmupMb)} MB / ${n(r.memory.rssAfterSoakMb)} MB (${r.memory.soakSeconds} s at ${n(r.memory.soak?.rps ?? Number.NaN)} req/s, ${(r.memory.soak?.errors ?? 0) + (r.memory.soak?.non2xx ?? 0)} errors)`,
    ],
    ["Seeding time", "", (r) => `${n(r.seedSeconds)} s`],
  ];
  const header = `| Measure | Target | ${sorted.map((r) => `${r.stories.toLocaleString("en-GB")} stories`).join(" | ")} |`;
  const rule = `|---|---|${sorted.map(() => "---").join("|")}|`;
  const body = rows.map(([label, target, cell]) => `| ${label} | ${target} | ${sorted.map(cell).join(" | ")} |`);
  const machines = [...new Set(sorted.map((r) => `${r.machine}; load tool ${r.tool}`))];
  const when = sorted.map((r) => `${r.stories.toLocaleString("en-GB")} stories: ${r.startedAt.slice(0, 16).replace("T", " ")} UTC, ${r.minutes} min`).join("; ");
  const comparisons = sorted.filter((r) => r.postgres).map(renderComparison);
  return [`Machine: ${machines.join(" / ")}. Runs: ${when}.`, "", header, rule, ...body, "", ...comparisons].join("\n");
}

function slowestSearch(variants: SearchVariant[] | undefined): string {
  if (!variants?.length) return "–";
  const slowest = variants.reduce((worst, variant) => (variant.p95Ms > worst.p95Ms ? variant : worst));
  return `${n(slowest.p95Ms)} ms (${slowest.name})`;
}

function ratio(postgres: number, sqlite: number): string {
  return Number.isFinite(postgres / sqlite) && sqlite > 0 ? `${(postgres / sqlite).toFixed(2)}×` : "–";
}

// SQLite and PostgreSQL on the same newsroom (`--postgres`): medians (search p50 / p95) and
// PostgreSQL's time as a multiple of SQLite's.
export function renderComparison(run: BenchRun): string {
  const pg = run.postgres!;
  const sqliteSearch = new Map((run.searchVariants ?? []).map((variant) => [variant.name, variant]));
  const rows = [
    `| Uncached article render: median | < 25 ms | ${n(run.uncachedArticle.medianMs)} ms | ${n(pg.uncachedArticle.medianMs)} ms | ${ratio(pg.uncachedArticle.medianMs, run.uncachedArticle.medianMs)} |`,
    `| Front page, uncached: median |  | ${n(run.front.medianMs)} ms | ${n(pg.front.medianMs)} ms | ${ratio(pg.front.medianMs, run.front.medianMs)} |`,
    ...pg.searchVariants.map((variant) => {
      const sqlite = sqliteSearch.get(variant.name);
      const sqliteCell = sqlite ? `${n(sqlite.p50Ms)} / ${n(sqlite.p95Ms)} ms` : "–";
      return `| Search (${variant.name}): p50 / p95 | p95 < 50 ms | ${sqliteCell} | ${n(variant.p50Ms)} / ${n(variant.p95Ms)} ms | ${sqlite ? ratio(variant.p95Ms, sqlite.p95Ms) : "–"} |`;
    }),
    `| Publish → visible (story, front page): median | 50 of 50 | ${run.publish.freshOnFirstRequest}/${run.publish.trials}, ${run.publish.frontPageFresh}/${run.publish.trials}, ${n(run.publish.publishToVisibleMedianMs)} ms | ${pg.publish.freshOnFirstRequest}/${pg.publish.trials}, ${pg.publish.frontPageFresh}/${pg.publish.trials}, ${n(pg.publish.publishToVisibleMedianMs)} ms | ${ratio(pg.publish.publishToVisibleMedianMs, run.publish.publishToVisibleMedianMs)} |`,
    `| Seeding (PostgreSQL: COPY of the SQLite newsroom) |  | ${n(run.seedSeconds)} s | ${n(pg.copySeconds)} s |  |`,
  ];
  return [
    `SQLite and PostgreSQL, ${run.stories.toLocaleString("en-GB")} stories (\`--postgres\`; ratio: PostgreSQL ÷ SQLite, search by p95):`,
    "",
    "| Measure | Target | SQLite | PostgreSQL | Ratio |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

export function updateReadme(file: string, table: string): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return;
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`);
}
