// The Wire screen's list: newest first, one row per agency item, with what the desk needs to
// decide (agency, urgency, version, embargo, status, pending update, the draft if there is one).
import { AdminTable, type AdminColumn } from "@/components/newsroom/admin-table";
import { formatDateTime } from "@/lib/format-date";
import type { WireRow } from "@/lib/wire/queries";

export function WireStatus({ row }: { row: Pick<WireRow, "status" | "pendingVersion" | "needsUnpublish"> }) {
  return (
    <span className="wire-status">
      <span className={`status-badge wire-badge--${row.status}`}>{row.status}</span>
      {row.pendingVersion !== null && <span className="status-badge wire-badge--pending">pending wire update v{row.pendingVersion}</span>}
      {row.needsUnpublish && <span className="status-badge status-badge--off">story still published</span>}
    </span>
  );
}

export function EmbargoCell({ row }: { row: Pick<WireRow, "embargoedUntil" | "isEmbargoed"> }) {
  if (!row.embargoedUntil) return <span className="muted">none</span>;
  return row.isEmbargoed ? <strong className="wire-embargo">until {formatDateTime(row.embargoedUntil)}</strong> : <span className="muted">lifted {formatDateTime(row.embargoedUntil)}</span>;
}

const COLUMNS: readonly AdminColumn<WireRow>[] = [
  {
    header: "Headline",
    cell: (row) => (
      // The agency's item id stays on the reading view: here it is noise beside the headline.
      <a href={`/newsroom/wire/${row.id}`}>{row.headline || row.guid}</a>
    ),
  },
  { header: "Agency", cell: (row) => row.agency ?? (row.provider || <span className="muted">unknown</span>) },
  { header: "Urgency", isNumeric: true, cell: (row) => row.urgency ?? "–" },
  { header: "Version", isNumeric: true, cell: (row) => row.version },
  { header: "Embargo", cell: (row) => <EmbargoCell row={row} /> },
  { header: "Status", cell: (row) => <WireStatus row={row} /> },
  {
    header: "Draft",
    cell: (row) =>
      row.draft ? (
        <a href={`/newsroom/stories/${row.draft.id}`}>
          {row.draft.status.replace("_", " ").toLowerCase()}
          <span className="visually-hidden">: open the story made from “{row.headline || row.guid}”</span>
        </a>
      ) : (
        <span className="muted">no draft</span>
      ),
  },
  { header: "Received", cell: (row) => formatDateTime(row.receivedAt) },
];

export function WireTable({ rows }: { rows: readonly WireRow[] }) {
  return (
    <AdminTable
      rows={rows}
      columns={COLUMNS}
      rowKey={(row) => row.id}
      rowClassName={(row) => (row.status === "canceled" ? "wire-row--canceled" : undefined)}
      labelledBy="wire-items-heading"
      className="wire-table"
    />
  );
}
