import type { StoryCard } from "@/lib/listings/queries";
import { formatDate } from "@/lib/format-date";

// A list of stories as on a front or section page: image, kicker, headline, standfirst, byline, time.
export function StoryCardList({ stories, isLeadFirst = false }: { stories: StoryCard[]; isLeadFirst?: boolean }) {
  if (stories.length === 0) return <p className="empty">No stories here yet.</p>;
  return (
    <ul className="story-cards">
      {stories.map((story, index) => (
        <li key={story.id} className={isLeadFirst && index === 0 ? "story-card story-card--lead" : "story-card"}>
          {story.image && !story.image.isWithdrawn && (
            <figure className="story-card-image">
              <img src={story.image.src} srcSet={story.image.srcSetJpeg || undefined} sizes="(min-width: 760px) 320px, 100vw"
                width={story.image.width} height={story.image.height} alt={story.image.altText}
                loading={index === 0 ? "eager" : "lazy"} decoding="async" />
              {story.image.credit && <figcaption className="credit">{story.image.credit.short}</figcaption>}
            </figure>
          )}
          <div className="story-card-text">
            {story.kicker && <p className="kicker">{story.kicker}</p>}
            <h2 className="story-card-headline">
              <a href={story.href}>{story.headline}</a>
            </h2>
            {story.standfirst && <p className="standfirst">{story.standfirst}</p>}
            <p className="story-card-meta">
              {story.bylines.length > 0 && <span>By {story.bylines.join(" and ")} · </span>}
              <span>{story.sectionName}</span> · <time dateTime={story.publishedAt}>{formatDate(story.publishedAt)}</time>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
