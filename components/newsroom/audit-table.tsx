import type { AuditEntryRow } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format-date";
import { auditActionLabel, auditRecordLabel, describeAuditDetails, type AuditNames, type StoryChanges } from "./audit-details";

// Where each kind of record is looked after in the newsroom, for links from the log.
const SCREENS: Record<string, (id: string) => string> = {
  User: (id) => `/newsroom/admin/users/${id}`,
  BylineProfile: (id) => `/newsroom/admin/bylines/${id}`,
  Agency: (id) => `/newsroom/admin/credits/agencies/${id}`,
  Tag: (id) => `/newsroom/admin/sections/tags/${id}`,
  Media: (id) => `/newsroom/media/${id}`,
  Article: (id) => `/newsroom/stories/${id}`,
};

type Props = { entries: AuditEntryRow[]; names: AuditNames; gone: readonly string[]; changes: Record<string, StoryChanges> };

// Who acted: a person, or nobody signed in (a failed sign-in), or the scheduler and start-up.
function who(entry: AuditEntryRow) {
  if (entry.actor) return entry.actor.name;
  return <span className="muted">{entry.action.startsWith("auth.") ? "not signed in" : "system"}</span>;
}

export function AuditTable({ entries, names, gone, changes }: Props) {
  if (!entries.length) return <p className="muted">Nothing matches these filters.</p>;
  return (
    <div className="admin-table-wrap">
      <table className="admin-table audit-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>Did</th>
            <th>To</th>
            <th>Details</th>
            <th>IP</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const record = auditRecordLabel(entry, names, gone);
            const href = record.isGone ? undefined : SCREENS[entry.entityType]?.(entry.entityId);
            return (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.createdAt.toISOString())}</td>
                <td>{who(entry)}</td>
                <td title={entry.action}>{auditActionLabel(entry.action)}</td>
                <td>{record.type} {href ? <a href={href}>{record.name}</a> : record.name}</td>
                <td className="audit-details">{describeAuditDetails(entry.details, { action: entry.action, names, changes: changes[entry.id], recordName: record.plain })}</td>
                <td>{entry.ip ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
