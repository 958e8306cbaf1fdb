import type { LibraryItem } from "@/lib/media/library/library-item";

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

// What is wrong with a picture, or about to be: missing alt text or credit, rights running out.
export function MediaBadges({ item }: { item: LibraryItem }) {
  const badges = item.problems.map((problem) => (
    <span key={problem} className="media-badge">
      {problem}
    </span>
  ));
  if (item.rightsState === "expiring" && item.rightsExpireAt) {
    badges.push(
      <span key="soon" className="media-badge media-badge--soon">
        Rights end {day(item.rightsExpireAt)}
      </span>,
    );
  }
  return badges.length ? <span className="media-badges">{badges}</span> : null;
}
