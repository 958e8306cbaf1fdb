// The front page: a lead story, the latest stories, and the top stories of each section.
// One statement for the latest, one for every section's top stories, cached under the front
// page's tag.
import "server-only";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db } from "../db";
import { getSections, SECTIONS_TAG, type SectionSummary } from "../sections/queries";
import { cardMediaTags, toStoryCards, type StoryCard, type StoryCardRow } from "./story-card";
import { loadStoryCardLists, storyCardsSql } from "./story-card-sql";

const FRONT_PAGE_LATEST = 7;
const FRONT_PAGE_PER_SECTION = 3;

export type FrontPage = {
  lead: StoryCard | null;
  latest: StoryCard[];
  sections: { section: SectionSummary; stories: StoryCard[] }[];
};

async function latestRows(): Promise<StoryCardRow[]> {
  return (await loadStoryCardLists<{ latest: StoryCardRow[] }>(db, { latest: storyCardsSql({}, FRONT_PAGE_LATEST + 1) })).latest;
}

// Each section's newest stories but the lead, all sections in one statement.
async function sectionRows(sections: SectionSummary[], exclude: string[]): Promise<StoryCardRow[][]> {
  if (sections.length === 0) return [];
  const lists = Object.fromEntries(sections.map((section, index) => [`s${index}`, storyCardsSql({ sectionId: section.id, exclude }, FRONT_PAGE_PER_SECTION)]));
  const rows = await loadStoryCardLists<Record<string, StoryCardRow[]>>(db, lists);
  return sections.map((_, index) => rows[`s${index}`]);
}

// The newest story with a usable picture leads; the rest of the newest follow as "latest".
function pickLead(stories: StoryCard[]): { lead: StoryCard | null; latest: StoryCard[] } {
  const lead = stories.find((story) => story.image && !story.image.isWithdrawn) ?? stories[0] ?? null;
  return { lead, latest: stories.filter((story) => story !== lead).slice(0, FRONT_PAGE_LATEST) };
}

export async function getFrontPage(): Promise<FrontPage> {
  return cached("front-page", async () => {
    const [rows, sections] = await Promise.all([latestRows(), getSections()]);
    const { lead, latest } = pickLead(toStoryCards(rows));
    const perSection = await sectionRows(sections, lead ? [lead.id] : []);
    const allRows = [...rows, ...perSection.flat()];
    const value: FrontPage = {
      lead,
      latest,
      sections: sections.map((section, index) => ({ section, stories: toStoryCards(perSection[index]) })).filter((block) => block.stories.length > 0),
    };
    const tags = [cacheTags.frontPage, cacheTags.listings, SECTIONS_TAG, ...new Set(allRows.map((row) => cacheTags.article(row.id))), ...cardMediaTags(allRows)];
    return { value, tags };
  });
}
