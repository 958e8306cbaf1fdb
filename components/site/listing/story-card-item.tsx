import type { StoryCard } from "@/lib/listings/story-card";
import { formatDate } from "@/lib/format-date";
import { PhotoImg } from "../photo-img";

export type HeadingLevel = 2 | 3;

type Props = { story: StoryCard; isLead?: boolean; headingLevel?: HeadingLevel; isImageEager?: boolean; hasImage?: boolean };

function CardImage({ story, isLead, isEager }: { story: StoryCard; isLead: boolean; isEager: boolean }) {
  const image = story.image;
  if (!image || image.isWithdrawn) return null;
  return (
    <figure className="story-card-image">
      <PhotoImg photo={image} sizes={isLead ? "(min-width: 1040px) 660px, (min-width: 760px) 62vw, 100vw" : "(min-width: 1040px) 320px, (min-width: 760px) 30vw, 100vw"} isPriority={isEager} />
      {image.credit && <figcaption className="credit">{image.credit.short}</figcaption>}
    </figure>
  );
}

function StoryMeta({ story }: { story: StoryCard }) {
  return (
    <p className="story-card-meta">
      {story.bylines.length > 0 && <span>By {story.bylines.join(" and ")} · </span>}
      <span>{story.sectionName}</span> · <time dateTime={story.publishedAt}>{formatDate(story.publishedAt)}</time>
    </p>
  );
}

// One story in a listing: image with credit, kicker, headline (the link), standfirst, bylines and time.
export function StoryCardItem({ story, isLead = false, headingLevel = 2, isImageEager = false, hasImage = true }: Props) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className={isLead ? "story-card story-card--lead" : "story-card"}>
      {hasImage && <CardImage story={story} isLead={isLead} isEager={isImageEager} />}
      <div className="story-card-text">
        {story.kicker && <p className="kicker">{story.kicker}</p>}
        <Heading className="story-card-headline">
          <a href={story.href}>{story.headline}</a>
        </Heading>
        {story.standfirst && <p className="standfirst">{story.standfirst}</p>}
        <StoryMeta story={story} />
      </div>
    </li>
  );
}
