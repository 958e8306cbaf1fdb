import { pageCount, pageHref } from "@/lib/listings/pagination";

type Props = { path: string; page: number; total: number; pageSize: number; query?: Record<string, string | undefined> };

// Which page numbers to show: the first, the last, and two either side of the current one.
function visiblePages(current: number, last: number): (number | "gap")[] {
  const pages: (number | "gap")[] = [];
  for (let page = 1; page <= last; page += 1) {
    if (page === 1 || page === last || Math.abs(page - current) <= 2) pages.push(page);
    else if (pages[pages.length - 1] !== "gap") pages.push("gap");
  }
  return pages;
}

export function PaginationNav({ path, page, total, pageSize, query }: Props) {
  const last = pageCount(total, pageSize);
  if (last <= 1) return null;
  const href = (n: number) => pageHref(path, n, query);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <a className="pagination-step" rel="prev" href={href(page - 1)}>
          ← Newer
        </a>
      )}
      <ul>
        {visiblePages(page, last).map((n, index) =>
          n === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <a href={href(n)} aria-current={n === page ? "page" : undefined} aria-label={`Page ${n}`}>
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < last && (
        <a className="pagination-step" rel="next" href={href(page + 1)}>
          Older →
        </a>
      )}
    </nav>
  );
}
