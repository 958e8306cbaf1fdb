// The front page: a lead story, the latest stories, and the top stories of each section, all read
// in one statement whatever the number of sections, and cached under the front page's tag. (The
// sections' own list, which the navigation shares, is one more statement when it is not cached.)
import "server-only";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { column, jsonArray, jsonObject, selectJson } from "../sql-json";
import { getSections, SECTIONS_TAG, type SectionSummary } from "../sections/queries";
import { cardMediaTags, toStoryCards, type StoryCard, type StoryCardRow } from "./story-card";
import { storyCardsSql, toStoryCardRow, type StoryCardJson } from "./story-card-sql";

const FRONT_PAGE_LATEST = 7;
const FRONT_PAGE_PER_SECTION = 3;

export type FrontPage = {
  lead: StoryCard | null;
  latest: StoryCard[];
  sections: { section: SectionSummary; stories: StoryCard[] }[];
};

type FrontPageRows = { latest: StoryCardRow[]; bySection: Map<string, StoryCardRow[]> };

// The newest stories, and each section's newest, in one statement. A section's list is a subquery
// run once per section row that reads the (sectionId, status, publishedAt) index down to its few
// stories, so the cost grows with the number of sections, not of stories (a ROW_NUMBER() window
// over every published story would read them all). Each section gets one story more than it shows:
// the lead, picked afterwards, is left out of its section's block.
async function frontPageRows(): Promise<FrontPageRows> {
  const sectionLists = jsonArray(jsonObject({ id: column("s", "id"), stories: storyCardsSql({ sectionId: column("s", "id") }, FRONT_PAGE_PER_SECTION + 1) }), Prisma.sql`FROM "Section" s`);
  const [json] = await selectJson<{ latest: StoryCardJson[]; sections: { id: string; stories: StoryCardJson[] }[] }>(
    db,
    jsonObject({ latest: storyCardsSql({}, FRONT_PAGE_LATEST + 1), sections: sectionLists }),
  );
  return {
    latest: json.latest.map(toStoryCardRow),
    bySection: new Map(json.sections.map((list) => [list.id, list.stories.map(toStoryCardRow)])),
  };
}

// The newest story with a usable picture leads; the rest of the newest follow as "latest".
function pickLead(stories: StoryCard[]): { lead: StoryCard | null; latest: StoryCard[] } {
  const lead = stories.find((story) => story.image && !story.image.isWithdrawn) ?? stories[0] ?? null;
  return { lead, latest: stories.filter((story) => story !== lead).slice(0, FRONT_PAGE_LATEST) };
}

export async function getFrontPage(): Promise<FrontPage> {
  return cached("front-page", async () => {
    const [rows, sections] = await Promise.all([frontPageRows(), getSections()]);
    const { lead, latest } = pickLead(toStoryCards(rows.latest));
    const perSection = sections.map((section) => (rows.bySection.get(section.id) ?? []).filter((row) => row.id !== lead?.id).slice(0, FRONT_PAGE_PER_SECTION));
    const allRows = [...rows.latest, ...perSection.flat()];
    const value: FrontPage = {
      lead,
      latest,
      sections: sections.map((section, index) => ({ section, stories: toStoryCards(perSection[index]) })).filter((block) => block.stories.length > 0),
    };
    const tags = [cacheTags.frontPage, cacheTags.listings, SECTIONS_TAG, ...new Set(allRows.map((row) => cacheTags.article(row.id))), ...cardMediaTags(allRows)];
    return { value, tags };
  });
}
