// The library's grid of pictures: thumbnail cropped around the focal point, caption, credit and
// what needs attention. Each tile opens the picture's detail screen.
import type { LibraryItem } from "@/lib/media/library/library-item";
import { focalStyle } from "./focal-style";
import { MediaBadges } from "./media-badges";

function MediaTile({ item }: { item: LibraryItem }) {
  const description = item.defaultCaption || item.altText || item.originalName;
  return (
    <li className="media-tile">
      <a href={`/newsroom/media/${item.id}`}>
        {item.src ? <img src={item.src} alt={item.altText} loading="lazy" style={focalStyle(item.focalX, item.focalY)} /> : <span className="muted">No preview</span>}
        <span className="media-tile-body">
          <span className="media-tile-caption">{description}</span>
          <span className="media-tile-credit">{item.credit ?? "No credit"}</span>
          <MediaBadges item={item} />
        </span>
      </a>
    </li>
  );
}

export function MediaGrid({ items }: { items: LibraryItem[] }) {
  if (!items.length) return <p className="muted">No pictures match. Clear the filters, or upload some.</p>;
  return (
    <ul className="media-grid" aria-label="Pictures">
      {items.map((item) => (
        <MediaTile key={item.id} item={item} />
      ))}
    </ul>
  );
}
