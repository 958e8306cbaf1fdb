// The demo newsroom of prisma/seed.ts without its pictures, for tests that need a realistic site
// but not photos: the same sections, people, tags and stories (published and drafts, indexed for
// search), written in a few seconds instead of drawing and resizing two dozen pictures.
import type { Db } from "../../../lib/db";
import { DEMO_STORIES } from "../../../prisma/seed";
import { createDemoRegistry, SEED_TRANSACTION } from "../../fixtures/demo-factories";
import { DEMO_SECTIONS } from "../../fixtures/demo-newsroom";
import { createDemoStory } from "../../fixtures/story-factory";

export async function seedTextNewsroom(db: Db): Promise<void> {
  const registry = await createDemoRegistry(db);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const sections = new Map<string, string>();
    for (const [position, section] of DEMO_SECTIONS.entries()) sections.set(section.slug, (await tx.section.create({ data: { ...section, position } })).id);
    for (const story of DEMO_STORIES) {
      const refs = {
        sectionId: sections.get(story.section)!,
        bylineIds: story.bylines.map((slug) => registry.bylines.get(slug)!),
        tagIds: story.tags.map((name) => registry.tags.get(name)!),
        heroMediaId: null,
      };
      await createDemoStory(tx, story, refs, now);
    }
  }, SEED_TRANSACTION);
}
