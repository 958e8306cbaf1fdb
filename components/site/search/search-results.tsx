import type { SearchHit } from "@/lib/search/types";
import { formatDate } from "@/lib/format-date";
import { HighlightedText } from "./highlighted-text";

type Props = { hits: SearchHit[]; total: number; isTotalCapped: boolean; text: string; firstIndex: number };

// A capped count was stopped one past its limit, so "more than" the limit is what is known.
function Summary({ total, isTotalCapped, text }: { total: number; isTotalCapped: boolean; text: string }) {
  const count = isTotalCapped ? `More than ${(total - 1).toLocaleString("en-GB")} stories match` : total === 1 ? "1 story matches" : `${total.toLocaleString("en-GB")} stories match`;
  return (
    <p className="search-summary" role="status">
      {total === 0 ? (
        <>No stories match “{text}”. Try fewer or different words, or remove a filter.</>
      ) : (
        <>
          {count} “{text}”.
        </>
      )}
    </p>
  );
}

export function SearchResults({ hits, total, isTotalCapped, text, firstIndex }: Props) {
  return (
    <section aria-labelledby="results-heading" className="search-results">
      <h2 id="results-heading" className="visually-hidden">
        Results
      </h2>
      <Summary total={total} isTotalCapped={isTotalCapped} text={text} />
      {hits.length > 0 && (
        <ol className="search-hits" start={firstIndex}>
          {hits.map((hit) => (
            <li key={hit.id} className="search-hit">
              {hit.kicker && <p className="kicker">{hit.kicker}</p>}
              <h3 className="search-hit-headline">
                <a href={hit.href}>
                  <HighlightedText parts={hit.headline} />
                </a>
              </h3>
              <p className="search-hit-snippet">
                <HighlightedText parts={hit.snippet} />
              </p>
              <p className="story-card-meta">
                <span>{hit.sectionName}</span> · <time dateTime={hit.publishedAt}>{formatDate(hit.publishedAt)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
