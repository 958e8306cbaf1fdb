import type { FormAction } from "@/components/newsroom/action-form";
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import type { TrashRow } from "@/lib/articles/list-stories";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { RestoreForm } from "./restore-form";
import { StoryLink, StoryStatusBadge } from "./story-cells";

// labelledBy: the heading that names the list (the trash screen's title).
type Props = { rows: TrashRow[]; total: number; canRestore: (row: TrashRow) => boolean; restore: FormAction; labelledBy: string };

// The story list's Trash view: who deleted each story and when, when it goes for good, Restore.
export function TrashTable({ rows, total, canRestore, restore, labelledBy }: Props) {
  if (rows.length === 0) return <p className="muted">The trash is empty.</p>;
  const columns: AdminColumn<TrashRow>[] = [
    { header: "Headline", cell: (row) => <StoryLink story={row} /> },
    { header: "Was", cell: (row) => <StoryStatusBadge status={row.status} /> },
    { header: "Section", cell: (row) => row.sectionName ?? "—" },
    { header: "Deleted by", cell: (row) => row.deletedBy ?? "—" },
    { header: "Deleted", cell: (row) => <time dateTime={row.deletedAt}>{formatDateTime(row.deletedAt)}</time> },
    { header: "Deleted for good", cell: (row) => <time dateTime={row.purgeAt}>{formatDate(row.purgeAt)}</time> },
    {
      header: "Restore",
      isHeaderHidden: true,
      cell: (row) => (canRestore(row) ? <RestoreForm articleId={row.id} version={row.version} action={restore} /> : <span className="muted">Ask an editor</span>),
    },
  ];
  return (
    <>
      <p className="result-count">
        {total} {total === 1 ? "story" : "stories"} in the trash
      </p>
      <AdminTable rows={rows} columns={columns} rowKey={(row) => row.id} labelledBy={labelledBy} className="trash-table" />
    </>
  );
}
