// The bench stories, written in bulk: oldest first, in transactions of CHUNK stories, so each
// story's related teasers can point at older stories that are already there. Published times
// are spread 15 minutes apart back from now; drafts come last, saved in the past hour or two.
import type Database from "better-sqlite3";
import { parseBody } from "../../lib/editor/validate";
import { createRng, pick, type Rng } from "./prose";
import { buildStory, type StoryRows } from "./story";
import { StoryWriter } from "./sql-writer";
import type { BaseData } from "./base";
import { SECTION_WEIGHTS } from "./vocabulary";

const CHUNK = 5_000;
const RELATED = 5;
// Related teasers point at one of the next RELATED_WINDOW older stories.
const RELATED_WINDOW = 200;
const STEP_MS = 15 * 60_000;
// Every VALIDATE_EVERY-th body (and the first few) goes through the server's own validation.
const VALIDATE_EVERY = 997;

export type BulkOptions = { stories: number; drafts: number; seed: number; log: (line: string) => void };
export type WrittenStory = { id: string; headline: string; word: string; sectionSlug: string; slug: string };
export type BulkResult = { published: WrittenStory[]; draftIds: string[] };

function sectionPicker(base: BaseData): (rng: Rng) => BaseData["sections"][number] {
  const weighted = base.sections.flatMap((section) => Array<typeof section>(SECTION_WEIGHTS[section.slug] ?? 1).fill(section));
  return (rng) => pick(rng, weighted);
}

function slugAllocator(taken: Set<string>): (base: string) => string {
  return (base) => {
    const root = base || "story";
    let slug = root;
    for (let n = 2; taken.has(slug); n++) slug = `${root}-${n}`;
    taken.add(slug);
    return slug;
  };
}

function relatedFrom(rng: Rng, candidates: readonly string[], fallback: readonly string[]): string[] {
  const chosen = new Set<string>();
  const pool = candidates.length >= RELATED ? candidates : [...candidates, ...fallback];
  while (chosen.size < Math.min(RELATED, pool.length)) chosen.add(pick(rng, pool));
  return [...chosen];
}

function validateSample(story: StoryRows, index: number): void {
  if (index > 3 && index % VALIDATE_EVERY !== 0) return;
  parseBody(story.body);
  parseBody(story.sidebar.body, "sidebar");
}

export function writeBenchStories(sqlite: Database.Database, base: BaseData, options: BulkOptions): BulkResult {
  const writer = new StoryWriter(sqlite, base.editor.id);
  const sectionOf = sectionPicker(base);
  const uniqueSlug = slugAllocator(base.slugs);
  const rng = createRng(options.seed);
  const now = Date.now();
  // ids[i] is the i-th newest story; built from the oldest (i = stories - 1) down to 0.
  const ids: string[] = new Array(options.stories);
  const published: WrittenStory[] = new Array(options.stories);
  const build = (index: number, relatedIds: string[]) => {
    const story = buildStory({ index, seed: options.seed * 1_000_003 + index, section: sectionOf(rng), relatedIds, uniqueSlug }, base.pools);
    validateSample(story, index);
    return story;
  };
  const writeChunk = sqlite.transaction((from: number, to: number) => {
    sqlite.pragma("defer_foreign_keys = ON");
    for (let i = from; i > to; i--) {
      const story = build(i, relatedFrom(rng, ids.slice(i + 1, i + 1 + RELATED_WINDOW), base.demoPublishedIds));
      writer.writePublished(story, new Date(now - 10 * 60_000 - i * STEP_MS - Math.floor(rng() * 10 * 60_000)));
      ids[i] = story.id;
      published[i] = { id: story.id, headline: story.headline, word: story.word, sectionSlug: base.sections.find((s) => s.id === story.sectionId)!.slug, slug: story.slug };
    }
  });
  for (let from = options.stories - 1; from >= 0; from -= CHUNK) {
    writeChunk(from, Math.max(from - CHUNK, -1));
    options.log(`bench seed: ${options.stories - Math.max(from - CHUNK + 1, 0)} of ${options.stories} stories written`);
  }
  const draftIds = writeDrafts(sqlite, writer, options, (index) => build(index, relatedFrom(rng, ids.slice(0, RELATED_WINDOW), base.demoPublishedIds)), now);
  return { published, draftIds };
}

// Drafts are numbered after the published stories, so their distinctive words differ too.
function writeDrafts(sqlite: Database.Database, writer: StoryWriter, options: BulkOptions, build: (index: number) => StoryRows, now: number): string[] {
  const ids: string[] = [];
  sqlite.transaction(() => {
    sqlite.pragma("defer_foreign_keys = ON");
    for (let d = 0; d < options.drafts; d++) {
      const story = build(options.stories + d);
      writer.writeDraft(story, new Date(now - (d + 1) * 60_000));
      ids.push(story.id);
    }
  })();
  return ids;
}
