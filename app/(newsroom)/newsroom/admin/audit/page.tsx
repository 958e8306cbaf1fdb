import type { Metadata } from "next";
import { AuditFilterForm } from "@/components/newsroom/audit-filter-form";
import { AuditTable } from "@/components/newsroom/audit-table";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { Pager } from "@/components/newsroom/pager";
import { auditFilterChoices, listAuditEntries, parseAuditFilter, type AuditFilter } from "@/lib/audit/queries";
import { requireScreen } from "@/lib/auth/screen";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const dateValue = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : "");

function pageHref(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["action", "actorId", "entityType", "entityId"] as const) if (filter[key]) params.set(key, filter[key]!);
  if (filter.from) params.set("from", dateValue(filter.from));
  if (filter.to) params.set("to", dateValue(filter.to));
  params.set("page", String(page));
  return `/newsroom/admin/audit?${params}`;
}

export default async function AuditPage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("audit.read", "/newsroom/admin/audit");
  if (!isAllowed) return <NotAllowed role={user.role} screen="the audit log" />;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const filter = parseAuditFilter(raw);
  const [{ entries, total, page, pages, names, gone, changes }, choices] = await Promise.all([listAuditEntries(user, filter), auditFilterChoices(user)]);
  return (
    <>
      <h1 className="admin-page-title">Audit log</h1>
      <p className="admin-lead">Who did what, and when, and from which address: sign-ins, saves and publishing, the trash, role changes, credit edits. Newest first.</p>
      <section className="admin-section" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{total} entries</h2>
        <AuditFilterForm values={{ ...filter, from: dateValue(filter.from), to: dateValue(filter.to) }} choices={choices} />
        <AuditTable entries={entries} names={names} gone={gone} changes={changes} />
        <Pager page={page} pages={pages} href={(to) => pageHref(filter, to)} />
      </section>
    </>
  );
}
