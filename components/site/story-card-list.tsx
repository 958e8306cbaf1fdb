import type { StoryCard } from "@/lib/listings/story-card";
import { StoryCardItem, type HeadingLevel } from "./listing/story-card-item";

type Props = {
  stories: StoryCard[];
  isLeadFirst?: boolean;
  // The level of each story's headline, one below the heading of the list.
  headingLevel?: HeadingLevel;
  // The first picture loads at once (it is likely on screen); the rest when scrolled to.
  isFirstImageEager?: boolean;
  emptyText?: string;
};

// A list of stories as on a section page: image with credit, kicker, headline, standfirst, byline, time.
export function StoryCardList({ stories, isLeadFirst = false, headingLevel = 2, isFirstImageEager = true, emptyText = "No stories here yet." }: Props) {
  if (stories.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <ul className="story-cards">
      {stories.map((story, index) => (
        <StoryCardItem key={story.id} story={story} isLead={isLeadFirst && index === 0} headingLevel={headingLevel} isImageEager={isFirstImageEager && index === 0} />
      ))}
    </ul>
  );
}
