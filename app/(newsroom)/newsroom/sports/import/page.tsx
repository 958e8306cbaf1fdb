import type { Metadata } from "next";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { SportsImportDrop } from "@/components/newsroom/sports/events/sports-import-drop";
import { requireScreen } from "@/lib/auth/screen";
import "@/components/newsroom/media/media.css";

export const metadata: Metadata = { title: "Import SportsML" };

export default async function SportsImportPage() {
  const { user, isAllowed } = await requireScreen("sports.import", "/newsroom/sports/import");
  if (!isAllowed) return <NotAllowed role={user.role} screen="importing sports results and standings" />;
  return (
    <section aria-labelledby="sports-import-title">
      <p className="admin-breadcrumb">
        <a href="/newsroom/sports">Sports data</a> /
      </p>
      <h1 id="sports-import-title" className="admin-page-title">
        Import SportsML
      </h1>
      <p className="admin-lead">
        Results, line-ups and standings from a data provider. Teams and athletes are matched to the ones Pressbox has by the provider&apos;s key or by name, and the rest are created. A file that cannot be read
        is refused whole, with the element named; the others still import. The same import runs from the command line: <code>npm run sports:import -- files…</code>
      </p>
      <SportsImportDrop />
      <p>
        <a href="/newsroom/sports/events">See the events</a>
      </p>
    </section>
  );
}
