import type { StoryCard } from "@/lib/listings/story-card";
import { StoryCardList } from "../story-card-list";

// "More on this story" at the foot of an article.
export function RelatedStories({ stories }: { stories: StoryCard[] }) {
  if (stories.length === 0) return null;
  return (
    <section className="related-stories" aria-labelledby="related-heading">
      <h2 id="related-heading" className="related-stories-title">
        More on this story
      </h2>
      <StoryCardList stories={stories} headingLevel={3} isFirstImageEager={false} />
    </section>
  );
}
