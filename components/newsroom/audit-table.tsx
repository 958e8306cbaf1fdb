import type { AuditEntryRow } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format-date";
import { auditRecordName, describeAuditDetails } from "./audit-details";

// Where each kind of record is looked after in the newsroom, for links from the log.
const SCREENS: Record<string, (id: string) => string> = {
  User: (id) => `/newsroom/admin/users/${id}`,
  BylineProfile: (id) => `/newsroom/admin/bylines/${id}`,
  Agency: (id) => `/newsroom/admin/credits/agencies/${id}`,
  Tag: (id) => `/newsroom/admin/sections/tags/${id}`,
  Article: (id) => `/newsroom/stories/${id}`,
};

function EntityCell({ entry }: { entry: AuditEntryRow }) {
  const href = SCREENS[entry.entityType]?.(entry.entityId);
  const label = `${entry.entityType}: ${auditRecordName(entry.details) ?? entry.entityId}`;
  return <td>{href ? <a href={href}>{label}</a> : label}</td>;
}

export function AuditTable({ entries }: { entries: AuditEntryRow[] }) {
  if (!entries.length) return <p className="muted">Nothing matches these filters.</p>;
  return (
    <div className="admin-table-wrap">
      <table className="admin-table audit-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>Action</th>
            <th>Record</th>
            <th>Details</th>
            <th>IP</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.createdAt.toISOString())}</td>
              <td>{entry.actor ? entry.actor.name : <span className="muted">system</span>}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <EntityCell entry={entry} />
              <td className="audit-details">{describeAuditDetails(entry.details)}</td>
              <td>{entry.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
