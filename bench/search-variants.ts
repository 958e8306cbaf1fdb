// Search as readers use it, measured per kind of query: plain, within a section and within a date
// range, each for words in nearly every story (newest first) and for words in a few hundred
// (ranked). Each variant's requests rotate through its words and the sections.
import { median, percentile } from "./load";
import { timedGet } from "./server-probe";

// The same limit as lib/search/ranking.ts: up to it a search is ranked, above it newest first.
const RANKED_MATCH_LIMIT = 1000;
const DAY_MS = 86_400_000;

export type SearchVariantResult = { name: string; words: string[]; samples: number; p50Ms: number; p95Ms: number; withResults: number };

type SeedWords = { searchTerms: string[]; searchTermCounts: Record<string, number>; sectionPaths: string[] };

function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

// Common: the two words found most often. Rare: up to four words found in some stories but few
// enough to be ranked.
export function searchVariantQueries(seed: SeedWords): { name: string; words: string[]; query: (word: string, i: number) => string }[] {
  const common = seed.searchTerms.slice(0, 2);
  const rare = seed.searchTerms.filter((word) => seed.searchTermCounts[word] > 0 && seed.searchTermCounts[word] <= RANKED_MATCH_LIMIT).slice(0, 4);
  const sections = seed.sectionPaths.map((p) => p.replace(/^\//, ""));
  // The last 30 days before yesterday: every story count has stories there.
  const dates = `&from=${day(-31)}&to=${day(-2)}`;
  const kinds = [
    ["plain", () => ""],
    ["section", (i: number) => `&section=${encodeURIComponent(sections[i % sections.length])}`],
    ["date", () => dates],
  ] as const;
  return kinds.flatMap(([kind, filter]) =>
    (
      [
        ["common", common],
        ["rare", rare],
      ] as const
    ).map(([frequency, words]) => ({ name: `${kind}, ${frequency}`, words: [...words], query: (word: string, i: number) => `/search?q=${encodeURIComponent(word)}${filter(i)}` })),
  );
}

export async function measureSearchVariants(serverUrl: string, seed: SeedWords, samples: number): Promise<SearchVariantResult[]> {
  const results: SearchVariantResult[] = [];
  for (const variant of searchVariantQueries(seed)) {
    if (variant.words.length === 0) continue;
    const times: number[] = [];
    let withResults = 0;
    for (let i = 0; i < samples; i += 1) {
      const target = variant.query(variant.words[i % variant.words.length], Math.floor(i / variant.words.length));
      const result = await timedGet(`${serverUrl}${target}`);
      if (result.status !== 200) throw new Error(`${target} answered ${result.status}`);
      if (!result.text.includes("No stories")) withResults += 1;
      times.push(result.ms);
    }
    results.push({ name: variant.name, words: variant.words, samples, p50Ms: Math.round(median(times) * 100) / 100, p95Ms: Math.round(percentile(times, 95) * 100) / 100, withResults });
  }
  return results;
}
