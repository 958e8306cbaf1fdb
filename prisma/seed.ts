// The demo newsroom: `npm run db:seed` (or `npx tsx prisma/seed.ts`), and once on `npm start`.
// It only ever seeds an empty newsroom: if any section exists it adds and changes nothing.
//
// Order: agencies, people and tags, then the pictures (through createMedia, so they get real
// renditions and files), then sections and every story in ONE transaction. Sections are what marks
// a newsroom as "already there", so they appear together with the stories or not at all; the steps
// before are find-or-create, so a run that died half-way is finished by simply running it again.
import { performance } from "node:perf_hooks";
import type { Db, Tx } from "../lib/db";
import { createDemoPhoto, createDemoRegistry, mapLimited, SEED_TRANSACTION, type DemoRegistry } from "../tests/fixtures/demo-factories";
import { DEMO_BYLINE_PHOTOS, DEMO_SECTIONS, type PhotoSpec, type StorySpec } from "../tests/fixtures/demo-newsroom";
import { FOOTBALL_STORIES, OLYMPICS_STORIES } from "../tests/fixtures/demo-stories";
import { CRICKET_STORIES, MOTORSPORT_STORIES, TENNIS_STORIES } from "../tests/fixtures/demo-stories-more";
import { createModelStory } from "../tests/fixtures/model-story-factory";
import { MODEL_STORY, MODEL_STORY_FIGURE, MODEL_STORY_RELATED } from "../tests/fixtures/model-story";
import { createDemoStory, type StoryRefs } from "../tests/fixtures/story-factory";
import { LIVE_MATCH_SLUG, LIVE_MATCH_STORY } from "../tests/fixtures/demo-live";
import { createDemoLiveCoverage } from "../tests/fixtures/live-factory";
import { createLeagueRecordsAndLinks, createPursuitRecords } from "../tests/fixtures/demo-sports-factory";
import { createDemoNewsletters } from "../tests/fixtures/demo-newsletters";

export const DEMO_STORIES: readonly StorySpec[] = [...OLYMPICS_STORIES, ...FOOTBALL_STORIES, LIVE_MATCH_STORY, ...CRICKET_STORIES, ...TENNIS_STORIES, ...MOTORSPORT_STORIES];

export type SeedResult = { isCreated: boolean; seconds: number; stories: number; pictures: number };

// Pictures are drawn and processed a few at a time: sharp works off the main thread.
const PHOTO_CONCURRENCY = 3;

type Photos = { bySeed: Map<string, string> };

async function createPhotos(db: Db, registry: DemoRegistry): Promise<Photos> {
  const specs: PhotoSpec[] = [MODEL_STORY.hero, MODEL_STORY_FIGURE.photo, ...DEMO_STORIES.map((story) => story.hero), ...Object.values(DEMO_BYLINE_PHOTOS)];
  const ids = await mapLimited(specs, PHOTO_CONCURRENCY, (spec) => createDemoPhoto(db, spec, registry));
  return { bySeed: new Map(specs.map((spec, index) => [spec.seed, ids[index]])) };
}

function refsFor(story: Omit<StorySpec, "paragraphs">, sections: Map<string, string>, registry: DemoRegistry, photos: Photos): StoryRefs {
  const lookup = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Demo data refers to unknown "${key}"`);
    return id;
  };
  return {
    sectionId: lookup(sections, story.section),
    bylineIds: story.bylines.map((slug) => lookup(registry.bylines, slug)),
    tagIds: story.tags.map((name) => lookup(registry.tags, name)),
    heroMediaId: lookup(photos.bySeed, story.hero.seed),
  };
}

async function createSections(tx: Tx): Promise<Map<string, string>> {
  const sections = new Map<string, string>();
  for (const [position, section] of DEMO_SECTIONS.entries()) {
    sections.set(section.slug, (await tx.section.create({ data: { ...section, position } })).id);
  }
  return sections;
}

async function attachBylinePhotos(tx: Tx, registry: DemoRegistry, photos: Photos): Promise<void> {
  for (const [slug, spec] of Object.entries(DEMO_BYLINE_PHOTOS)) {
    const photoMediaId = photos.bySeed.get(spec.seed);
    // Only fills an empty photo: a profile someone already gave a picture keeps it.
    await tx.bylineProfile.updateMany({ where: { id: registry.bylines.get(slug), photoMediaId: null }, data: { photoMediaId } });
  }
}

async function createStories(tx: Tx, registry: DemoRegistry, photos: Photos, now: Date): Promise<number> {
  const sections = await createSections(tx);
  const storyIds = new Map<string, string>();
  for (const story of DEMO_STORIES) {
    storyIds.set(story.slug, (await createDemoStory(tx, story, refsFor(story, sections, registry, photos), now)).id);
  }
  const pursuit = await createPursuitRecords(tx);
  const modelStory = await createModelStory(
    tx,
    {
      ...refsFor(MODEL_STORY, sections, registry, photos),
      heroMediaId: photos.bySeed.get(MODEL_STORY.hero.seed)!,
      figureMediaId: photos.bySeed.get(MODEL_STORY_FIGURE.photo.seed)!,
      relatedArticleIds: MODEL_STORY_RELATED.map((related) => storyIds.get(related.slug)!),
      resultsEventId: pursuit.womenFinalId,
      medalTableId: pursuit.pursuitMedalTableId,
    },
    now,
  );
  await createDemoLiveCoverage(tx, storyIds.get(LIVE_MATCH_SLUG)!, registry.bylines, now);
  await createLeagueRecordsAndLinks(tx, storyIds, modelStory.id, pursuit, now);
  await attachBylinePhotos(tx, registry, photos);
  // The main newsletter (which the model story's sign-up block offers: it names none), a second
  // one, and a sent briefing for the archive.
  await createDemoNewsletters(tx, new Map([...storyIds, [MODEL_STORY.slug, modelStory.id]]), now);
  return DEMO_STORIES.length + 1;
}

const hasSections = async (client: Db | Tx) => (await client.section.count()) > 0;

export async function seedDemoNewsroom(db: Db, log: (message: string) => void = console.log): Promise<SeedResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started) / 1000;
  if (await hasSections(db)) {
    log("Demo newsroom: the database already has sections, so nothing was added or changed.");
    return { isCreated: false, seconds: elapsed(), stories: 0, pictures: 0 };
  }
  const registry = await createDemoRegistry(db);
  const photos = await createPhotos(db, registry);
  const now = new Date();
  const stories = await db.$transaction(
    // Checked again inside the transaction: another process may have seeded meanwhile.
    async (tx) => ((await hasSections(tx)) ? 0 : createStories(tx, registry, photos, now)),
    SEED_TRANSACTION,
  );
  const result = { isCreated: stories > 0, seconds: elapsed(), stories, pictures: photos.bySeed.size };
  log(
    result.isCreated
      ? `Demo newsroom seeded in ${result.seconds.toFixed(1)} s: ${DEMO_SECTIONS.length} sections, ${stories} stories, ${result.pictures} pictures.`
      : "Demo newsroom: another process seeded it first; nothing more was added.",
  );
  return result;
}

async function main(): Promise<void> {
  // Imported here, not at the top: lib/db opens the database named by DATABASE_URL when loaded.
  const { db } = await import("../lib/db");
  const { ensureAccounts } = await import("../lib/users/bootstrap");
  try {
    await seedDemoNewsroom(db);
    // The same first accounts as `npm start` (demo accounts, or PRESSBOX_ADMIN_EMAIL's admin).
    await ensureAccounts(db, process.env);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
