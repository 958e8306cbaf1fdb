// A sent edition as a web page: the same introduction and stories as the email, with links to the
// stories on the site, and none of a subscriber's personal links.
import type { EditionContent } from "@/lib/newsletters/editions/content";
import { editionDateLine, groupByHeading, introParagraphs } from "@/lib/newsletters/editions/layout";

export function ArchivedEdition({ edition }: { edition: EditionContent }) {
  const groups = groupByHeading(edition.stories);
  return (
    <article className="listing prose" aria-labelledby="edition-heading">
      <p className="kicker">
        <a href={`/newsletter/archive/${edition.newsletter.slug}`}>{edition.newsletter.name}</a>
      </p>
      <h1 id="edition-heading" className="listing-title">
        {edition.subject}
      </h1>
      <p className="dateline">{editionDateLine(edition)}</p>
      {introParagraphs(edition.intro).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      {groups.map((group, groupIndex) => (
        <section key={groupIndex} aria-label={group.heading || undefined}>
          {group.heading && <h2>{group.heading}</h2>}
          {group.stories.map((story, index) => {
            const image = groupIndex === 0 && index === 0 ? story.image : null;
            return (
              <div key={story.id} className="story-card">
                {image && (
                  <figure className="story-figure">
                    <img src={image.src} alt={image.altText} width={image.width} height={image.height} loading="eager" decoding="async" style={{ maxWidth: "100%", height: "auto" }} />
                    {image.credit && <figcaption className="credit">{image.credit}</figcaption>}
                  </figure>
                )}
                {story.kicker && <p className="kicker">{story.kicker}</p>}
                <h3 className="story-card-headline">
                  <a href={story.path}>{story.headline}</a>
                </h3>
                {story.standfirst && <p className="standfirst">{story.standfirst}</p>}
              </div>
            );
          })}
        </section>
      ))}
    </article>
  );
}
