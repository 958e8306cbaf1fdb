// The top of a sports record list: its title, a search box (a plain GET form, so a search has an
// address), the count, and a link to add one.
import type { ReactNode } from "react";

type Props = { title: string; lead: ReactNode; q: string; searchLabel: string; total: number; noun: [string, string]; newHref: string; newLabel: string };

export function RecordListHeader({ title, lead, q, searchLabel, total, noun, newHref, newLabel }: Props) {
  return (
    <>
      <p className="admin-breadcrumb">
        <a href="/newsroom/sports">Sports data</a> /
      </p>
      <h1 className="admin-page-title">{title}</h1>
      <p className="admin-lead">{lead}</p>
      <p>
        <a href={newHref}>{newLabel}</a>
      </p>
      <form className="filters" method="get" role="search" aria-label={`Search ${title.toLowerCase()}`}>
        <label className="field">
          <span>{searchLabel}</span>
          <input type="search" name="q" defaultValue={q} maxLength={200} />
        </label>
        <button type="submit">Search</button>
      </form>
      <h2 id="records-heading" className="result-line">
        {total} {total === 1 ? noun[0] : noun[1]}
        {q ? ` matching “${q}”` : ""}
      </h2>
    </>
  );
}

// "Sports data / Teams /" above a record's own screen.
export function RecordBreadcrumb({ href, label }: { href: string; label: string }) {
  return (
    <p className="admin-breadcrumb">
      <a href="/newsroom/sports">Sports data</a> / <a href={href}>{label}</a> /
    </p>
  );
}
