// How an edition's parts are laid out, shared by the email (HTML and text) and the archive's web
// page: consecutive stories under the same heading form one group ("Lead", "Football", …), and
// the introduction is paragraphs split at blank lines.
import type { EditionContent, EditionStory } from "./content";
import { NEWSROOM_TIME_ZONE } from "../schedule";

export type StoryGroup = { heading: string; stories: EditionStory[] };

export function groupByHeading(stories: EditionStory[]): StoryGroup[] {
  const groups: StoryGroup[] = [];
  for (const story of stories) {
    const last = groups[groups.length - 1];
    if (last && last.heading === story.heading) last.stories.push(story);
    else groups.push({ heading: story.heading, stories: [story] });
  }
  return groups;
}

export function introParagraphs(intro: string): string[] {
  return intro
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

const dateLineFormat = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: NEWSROOM_TIME_ZONE });

// The day the edition is for, as its masthead says: "Monday 7 December 2026".
export function editionDateLine(edition: Pick<EditionContent, "scheduledFor" | "sentAt">): string {
  return dateLineFormat.format(edition.sentAt ?? edition.scheduledFor).replace(",", "");
}
