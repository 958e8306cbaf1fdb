import type { AuditEntryRow } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format-date";
import { AdminTable, type AdminColumn } from "./admin-table";
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

// labelledBy: the heading that names the table (the audit screen's by default).
type Props = { entries: AuditEntryRow[]; names: AuditNames; gone: readonly string[]; changes: Record<string, StoryChanges>; labelledBy?: string };

// Who acted: a person, or nobody signed in (a failed sign-in), or the scheduler and start-up.
function who(entry: AuditEntryRow) {
  if (entry.actor) return entry.actor.name;
  return <span className="muted">{entry.action.startsWith("auth.") ? "not signed in" : "system"}</span>;
}

function recordCell(entry: AuditEntryRow, names: AuditNames, gone: readonly string[]) {
  const record = auditRecordLabel(entry, names, gone);
  const href = record.isGone ? undefined : SCREENS[entry.entityType]?.(entry.entityId);
  return (
    <>
      {record.type} {href ? <a href={href}>{record.name}</a> : record.name}
    </>
  );
}

export function AuditTable({ entries, names, gone, changes, labelledBy = "audit-heading" }: Props) {
  const columns: AdminColumn<AuditEntryRow>[] = [
    { header: "When", cell: (entry) => formatDateTime(entry.createdAt.toISOString()) },
    { header: "Who", cell: who },
    { header: "Did", cell: (entry) => <span title={entry.action}>{auditActionLabel(entry.action)}</span> },
    { header: "To", cell: (entry) => recordCell(entry, names, gone) },
    {
      header: "Details",
      cellClassName: "audit-details",
      cell: (entry) => describeAuditDetails(entry.details, { action: entry.action, names, changes: changes[entry.id], recordName: auditRecordLabel(entry, names, gone).plain }),
    },
    { header: "IP", cell: (entry) => entry.ip ?? "" },
  ];
  return <AdminTable rows={entries} columns={columns} rowKey={(entry) => entry.id} labelledBy={labelledBy} className="audit-table" empty="Nothing matches these filters." />;
}
