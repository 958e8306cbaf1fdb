import type { FormAction } from "@/components/newsroom/action-form";
import type { TrashRow } from "@/lib/articles/list-stories";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { RestoreForm } from "./restore-form";

type Props = { rows: TrashRow[]; total: number; canRestore: (row: TrashRow) => boolean; restore: FormAction };

// The story list's Trash view: who deleted each story and when, when it goes for good, Restore.
export function TrashTable({ rows, total, canRestore, restore }: Props) {
  if (rows.length === 0) return <p className="empty">The trash is empty.</p>;
  return (
    <>
      <p className="result-count">
        {total} {total === 1 ? "story" : "stories"} in the trash
      </p>
      <table className="data-table trash-table">
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Was</th>
            <th scope="col">Section</th>
            <th scope="col">Deleted by</th>
            <th scope="col">Deleted</th>
            <th scope="col">Deleted for good</th>
            <th scope="col">
              <span className="visually-hidden">Restore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={`/newsroom/stories/${row.id}`}>{row.headline || "(no headline yet)"}</a>
              </td>
              <td>
                <span className={`badge badge--${row.status.toLowerCase()}`}>{row.status.replace("_", " ").toLowerCase()}</span>
              </td>
              <td>{row.sectionName ?? "—"}</td>
              <td>{row.deletedBy ?? "—"}</td>
              <td>
                <time dateTime={row.deletedAt}>{formatDateTime(row.deletedAt)}</time>
              </td>
              <td>
                <time dateTime={row.purgeAt}>{formatDate(row.purgeAt)}</time>
              </td>
              <td>{canRestore(row) ? <RestoreForm articleId={row.id} version={row.version} action={restore} /> : <span className="muted">Ask an editor</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
