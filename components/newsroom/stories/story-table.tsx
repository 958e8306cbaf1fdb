import type { StoryRow } from "@/lib/articles/list-stories";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { Pager } from "@/components/newsroom/pager";
import { StoryLink, StoryStatusBadge } from "./story-cells";

// labelledBy: the heading that names the list (the stories screen's title).
type Props = { rows: StoryRow[]; total: number; page: number; pages: number; params: Record<string, string | string[] | undefined>; labelledBy: string };

const COLUMNS: AdminColumn<StoryRow>[] = [
  {
    header: "Headline",
    cell: (row) => (
      <>
        <StoryLink story={row} />
        {row.hasExpiredPhoto && (
          <>
            {" "}
            <span className="badge badge--warning">photo rights expired</span>
          </>
        )}
      </>
    ),
  },
  {
    header: "Status",
    cell: (row) => (
      <>
        <StoryStatusBadge status={row.status} />
        {row.embargoUntil && (
          <>
            {" "}
            <span className="badge badge--warning">
              Embargoed until <time dateTime={row.embargoUntil}>{new Date(row.embargoUntil).toLocaleString("en-GB", { timeZone: "UTC" })} UTC</time>
            </span>
          </>
        )}
      </>
    ),
  },
  { header: "Section", cell: (row) => row.sectionName ?? "—" },
  { header: "Bylines", cell: (row) => row.bylines.join(", ") || "—" },
  { header: "Last edited by", cell: (row) => row.lastEditedBy ?? "—" },
  { header: "Updated", cell: (row) => <time dateTime={row.updatedAt}>{new Date(row.updatedAt).toLocaleString("en-GB", { timeZone: "UTC" })}</time> },
];

export function StoryTable({ rows, total, page, pages, params, labelledBy }: Props) {
  if (rows.length === 0) return <p className="muted">No stories match. Clear the filters or start a new story.</p>;
  return (
    <>
      <p className="result-count">
        {total} {total === 1 ? "story" : "stories"}
      </p>
      <AdminTable rows={rows} columns={COLUMNS} rowKey={(row) => row.id} labelledBy={labelledBy} />
      <Pager page={page} pages={pages} params={params} />
    </>
  );
}
