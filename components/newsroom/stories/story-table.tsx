import type { StoryRow } from "@/lib/articles/list-stories";

type Props = { rows: StoryRow[]; total: number; page: number; pages: number; params: Record<string, string | string[] | undefined> };

function pageHref(params: Props["params"], page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (typeof value === "string" && key !== "page" && key !== "error" && value) query.set(key, value);
  query.set("page", String(page));
  return `?${query.toString()}`;
}

export function StoryTable({ rows, total, page, pages, params }: Props) {
  if (rows.length === 0) return <p className="empty">No stories match. Clear the filters or start a new story.</p>;
  return (
    <>
      <p className="result-count">
        {total} {total === 1 ? "story" : "stories"}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Status</th>
            <th scope="col">Section</th>
            <th scope="col">Bylines</th>
            <th scope="col">Last edited by</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={`/newsroom/stories/${row.id}`}>{row.headline || "(no headline yet)"}</a>
                {row.hasExpiredPhoto && (
                  <>
                    {" "}
                    <span className="badge badge--warning">photo rights expired</span>
                  </>
                )}
              </td>
              <td>
                <span className={`badge badge--${row.status.toLowerCase()}`}>{row.status.replace("_", " ").toLowerCase()}</span>
                {row.embargoUntil && (
                  <>
                    {" "}
                    <span className="badge badge--warning">
                      Embargoed until <time dateTime={row.embargoUntil}>{new Date(row.embargoUntil).toLocaleString("en-GB", { timeZone: "UTC" })} UTC</time>
                    </span>
                  </>
                )}
              </td>
              <td>{row.sectionName ?? "—"}</td>
              <td>{row.bylines.join(", ") || "—"}</td>
              <td>{row.lastEditedBy ?? "—"}</td>
              <td>
                <time dateTime={row.updatedAt}>{new Date(row.updatedAt).toLocaleString("en-GB", { timeZone: "UTC" })}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pagination" aria-label="Pages">
          {page > 1 && <a href={pageHref(params, page - 1)}>← Newer</a>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <a href={pageHref(params, page + 1)}>Older →</a>}
        </nav>
      )}
    </>
  );
}
