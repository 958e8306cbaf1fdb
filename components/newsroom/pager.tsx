// Newer / older links under a newsroom list (stories, trash, media library, audit log).
type Params = Record<string, string | string[] | undefined>;

// Query parameters that announce what just happened (a deletion, an error): not carried to another page.
const NOTICES = new Set(["page", "error", "deleted", "trashed"]);

// The list's own address for another page: its filters kept, one-time notices dropped.
export function pageHref(params: Params, page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (typeof value === "string" && value && !NOTICES.has(key)) query.set(key, value);
  query.set("page", String(page));
  return `?${query.toString()}`;
}

type Props = { page: number; pages: number; href?: (page: number) => string; params?: Params };

// `href` builds a page's address; by default the current one's, from `params`.
export function Pager({ page, pages, params = {}, href = (to) => pageHref(params, to) }: Props) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 && <a href={href(page - 1)}>← Newer</a>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <a href={href(page + 1)}>Older →</a>}
    </nav>
  );
}
