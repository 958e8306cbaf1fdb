// Newer / older links that keep the current filters.
type Props = { page: number; pages: number; params: Record<string, string | string[] | undefined> };

function pageHref(params: Props["params"], page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (typeof value === "string" && value && key !== "page" && key !== "deleted") query.set(key, value);
  query.set("page", String(page));
  return `?${query.toString()}`;
}

export function Pager({ page, pages, params }: Props) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 && <a href={pageHref(params, page - 1)}>← Newer</a>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <a href={pageHref(params, page + 1)}>Older →</a>}
    </nav>
  );
}
