import type { FrontPage } from "@/lib/listings/front-page";
import { StoryCardList } from "../story-card-list";
import { StoryCardItem } from "./story-card-item";

// Lead story, the latest headlines beside it, then each section's top stories.
export function FrontPageView({ front, siteName }: { front: FrontPage; siteName: string }) {
  return (
    <div className="front-page">
      <h1 className="visually-hidden">{siteName}: the latest sport news</h1>
      {!front.lead && <p className="empty">No stories have been published yet.</p>}
      <div className="front-top">
        {front.lead && (
          <section aria-labelledby="lead-heading" className="front-lead">
            <h2 id="lead-heading" className="visually-hidden">
              Top story
            </h2>
            <ul className="story-cards story-cards--single">
              <StoryCardItem story={front.lead} isLead headingLevel={3} isImageEager />
            </ul>
          </section>
        )}
        {front.latest.length > 0 && (
          <section aria-labelledby="latest-heading" className="front-latest">
            <h2 id="latest-heading" className="front-section-title">
              Latest
            </h2>
            <ul className="latest-list">
              {front.latest.map((story) => (
                <StoryCardItem key={story.id} story={story} headingLevel={3} hasImage={false} />
              ))}
            </ul>
          </section>
        )}
      </div>
      {front.sections.map(({ section, stories }) => (
        <section key={section.id} aria-labelledby={`front-${section.slug}`} className="front-block">
          <h2 id={`front-${section.slug}`} className="front-section-title">
            <a href={`/${section.slug}`}>{section.name}</a>
          </h2>
          <StoryCardList stories={stories} headingLevel={3} isFirstImageEager={false} />
        </section>
      ))}
    </div>
  );
}
