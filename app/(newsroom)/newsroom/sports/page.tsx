import type { Metadata } from "next";
import { NotAllowed } from "@/components/newsroom/not-allowed";
import { requireScreen } from "@/lib/auth/screen";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Sports data" };

const SECTIONS = [
  { href: "/newsroom/sports/events", title: "Events and results", text: "Matches, races and ties: create one, correct a score, paste a results table into it." },
  { href: "/newsroom/sports/import", title: "Import SportsML", text: "Upload SportsML 3 files (XML or JSON) from a data provider: events and standings are created or updated." },
  { href: "/newsroom/sports/teams", title: "Teams", text: "Clubs and national teams, with their country and sport." },
  { href: "/newsroom/sports/athletes", title: "Athletes", text: "Athletes with their country, team and photo." },
  { href: "/newsroom/sports/competitions", title: "Competitions", text: "Leagues, cups and games with their seasons and tie-breakers." },
  { href: "/newsroom/sports/standings", title: "Standings", text: "League tables by competition season." },
  { href: "/newsroom/sports/medal-tables", title: "Medal tables", text: "Medals by country, computed from medal events or entered." },
];

export default async function SportsPage() {
  const { user, isAllowed } = await requireScreen("sports.edit", "/newsroom/sports");
  if (!isAllowed) return <NotAllowed role={user.role} screen="editing sports records" />;
  return (
    <section aria-labelledby="sports-title">
      <h1 id="sports-title" className="admin-page-title">
        Sports data
      </h1>
      <p className="admin-lead">
        Results, tables and the teams and athletes in them, kept as records that stories show by reference: a corrected score shows everywhere at once. To paste a results table, open the event and use
        &quot;Paste results&quot;.
      </p>
      <ul>
        {SECTIONS.filter((section) => section.href !== "/newsroom/sports/import" || can(user, "sports.import")).map((section) => (
          <li key={section.href}>
            <a href={section.href}>
              <strong>{section.title}</strong>
            </a>{" "}
            <span className="muted">{section.text}</span>
          </li>
        ))}
        <li>
          <a href="/newsroom/sports/events#paste">
            <strong>Paste results</strong>
          </a>{" "}
          <span className="muted">Pick the event in the list, then paste the table on its page.</span>
        </li>
      </ul>
    </section>
  );
}
