// "Used in": every story (any status) and byline profile that uses the picture.
import type { MediaUsage } from "@/lib/media/usage";

const STATUS_LABELS: Record<string, string> = { DRAFT: "draft", IN_REVIEW: "in review", SCHEDULED: "scheduled", PUBLISHED: "published", UNPUBLISHED: "unpublished" };

export function MediaUsageList({ usage }: { usage: MediaUsage }) {
  if (!usage.stories.length && !usage.bylines.length) return <p className="muted">Not used in any story.</p>;
  return (
    <ul className="usage-list">
      {usage.stories.map((story) => (
        <li key={story.id}>
          <a href={`/newsroom/stories/${story.id}`}>{story.headline || "(no headline yet)"}</a>
          <span className={`status-badge${story.status === "PUBLISHED" ? "" : " status-badge--off"}`}>{STATUS_LABELS[story.status] ?? story.status}</span>
          <span className="muted">{[story.isHero && "hero", story.isInBody && "in the body"].filter(Boolean).join(", ")}</span>
          {story.status === "PUBLISHED" && story.sectionSlug && <a href={`/${story.sectionSlug}/${story.slug}`}>view</a>}
        </li>
      ))}
      {usage.bylines.map((byline) => (
        <li key={byline.id}>
          <a href={`/newsroom/admin/bylines/${byline.id}`}>{byline.name}</a> <span className="muted">byline photo</span>
        </li>
      ))}
    </ul>
  );
}
