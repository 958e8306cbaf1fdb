// The front page: a lead story, the latest stories, and the top stories of each section.
// One query for the latest and one per section (a handful), cached under the front page's tag.
import "server-only";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db } from "../db";
import { getSections, SECTIONS_TAG, type SectionSummary } from "../sections/queries";
import { listingWhere } from "./queries";
import { cardMediaTags, storyCardSelect, toStoryCards, type StoryCard } from "./story-card";

export const FRONT_PAGE_LATEST = 7;
export const FRONT_PAGE_PER_SECTION = 3;

export type FrontPage = {
  lead: StoryCard | null;
  latest: StoryCard[];
  sections: { section: SectionSummary; stories: StoryCard[] }[];
};

const newestFirst = [{ publishedAt: "desc" as const }, { id: "asc" as const }];

function latestRows() {
  return db.article.findMany({ where: listingWhere({}), orderBy: newestFirst, take: FRONT_PAGE_LATEST + 1, select: storyCardSelect });
}

function sectionRows(section: SectionSummary, exclude: string[]) {
  return db.article.findMany({
    where: { ...listingWhere({ sectionId: section.id }), id: { notIn: exclude } },
    orderBy: newestFirst,
    take: FRONT_PAGE_PER_SECTION,
    select: storyCardSelect,
  });
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
    const perSection = await Promise.all(sections.map((section) => sectionRows(section, lead ? [lead.id] : [])));
    const allRows = [...rows, ...perSection.flat()];
    const value: FrontPage = {
      lead,
      latest,
      sections: sections
        .map((section, index) => ({ section, stories: toStoryCards(perSection[index]) }))
        .filter((block) => block.stories.length > 0),
    };
    const tags = [cacheTags.frontPage, cacheTags.listings, SECTIONS_TAG, ...new Set(allRows.map((row) => cacheTags.article(row.id))), ...cardMediaTags(allRows)];
    return { value, tags };
  });
}
