import type { RelatedTeaser as Teaser } from "@/lib/editor/body-records";

// An inline link to another story, always showing that story's current headline.
export function RelatedTeaser({ label, story }: { label?: string; story: Teaser }) {
  return (
    <p className="related-teaser">
      <a href={story.href}>
        {label && <span className="related-teaser-label">{label}</span>} <span className="related-teaser-headline">{story.headline}</span>
      </a>
    </p>
  );
}
