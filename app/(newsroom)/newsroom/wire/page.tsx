import type { Metadata } from "next";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { Pager } from "@/components/newsroom/pager";
import { WireDrop } from "@/components/newsroom/wire/wire-drop";
import { WireFiltersForm } from "@/components/newsroom/wire/wire-filters";
import { WireTable } from "@/components/newsroom/wire/wire-table";
import { requireScreen } from "@/lib/auth/screen";
import { can } from "@/lib/permissions";
import { listWireAgencies, listWireItems, parseWireFilters } from "@/lib/wire/queries";
import "@/components/newsroom/editor/editor.css";
import "@/components/newsroom/stories/stories.css";
import "@/components/newsroom/media/media.css";
import "@/components/newsroom/wire/wire.css";

export const metadata: Metadata = { title: "Wire" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WirePage({ searchParams }: Props) {
  const { user, isAllowed } = await requireScreen("article.create", "/newsroom/wire");
  if (!isAllowed) return <NotAllowed role={user.role} screen="the wire" />;
  const params = await searchParams;
  const filters = parseWireFilters(params);
  const [{ rows, total, pages }, agencies] = await Promise.all([listWireItems(user, filters), listWireAgencies(user)]);
  return (
    <section className="wire-screen" aria-labelledby="wire-title">
      <h1 id="wire-title" className="admin-page-title">
        Wire
      </h1>
      <p className="admin-lead">
        Agency copy as it arrives, newest first. Each item becomes a draft story (or waits here for &quot;Create draft&quot;, by the agency&apos;s rule); a newer version updates an untouched draft, or waits
        beside an edited one as a pending wire update to compare and merge.
      </p>
      {can(user, "media.upload") && <WireDrop />}
      <WireFiltersForm filters={filters} agencies={agencies} />
      <h2 id="wire-items-heading" className="result-line">
        {total} {total === 1 ? "item" : "items"}
      </h2>
      {rows.length > 0 ? <WireTable rows={rows} /> : <p className="muted">No wire items match.</p>}
      <Pager page={filters.page} pages={pages} params={params} />
    </section>
  );
}
