import type { TeamPage, TeamStandingsView } from "@/lib/sports/pages/team-page";
import { athleteHref, competitionHref, teamHref } from "@/lib/sports/pages/views";
import { formatDate } from "@/lib/format-date";
import { EventList } from "./event-list";
import { SportsStories } from "./sports-stories";
import { ScrollTable } from "./scroll-table";
import { StandingsCells, StandingsHeaders } from "./standings-columns";

function tableName(table: TeamStandingsView): string {
  return [table.competition.name, table.competition.season, table.name].filter(Boolean).join(" ");
}

function TeamStandings({ page }: { page: TeamPage }) {
  if (page.standings.length === 0) return null;
  return (
    <section aria-labelledby="team-standings-heading" className="sports-section">
      <h2 id="team-standings-heading" className="sports-section-title">
        Standings
      </h2>
      <ScrollTable label={`${page.team.name} in the standings`} caption={`${page.team.name}'s place in the latest tables`}>
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col" className="num">
              <abbr title="Position">Pos</abbr>
            </th>
            <StandingsHeaders />
          </tr>
        </thead>
        <tbody>
          {page.standings.map((table) => (
            <tr key={table.id}>
              <th scope="row">
                {table.competition.slug ? <a href={competitionHref(table.competition.slug, table.competition.season)}>{tableName(table)}</a> : tableName(table)}
                {table.asOf && <span className="sports-as-of"> (as of {formatDate(table.asOf)})</span>}
              </th>
              <td className="num">
                {table.row.rank ?? "–"}
                <span className="visually-hidden"> of {table.teams}</span>
              </td>
              <StandingsCells row={table.row} />
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

// A team's page: who they are, results, fixtures, standings, players and stories.
export function TeamPageView({ page }: { page: TeamPage }) {
  const { team } = page;
  const about = [team.country, team.sport].filter(Boolean).join(" · ");
  return (
    <article className="sports-page" aria-labelledby="sports-page-title">
      <header className="sports-page-header">
        <h1 id="sports-page-title" className="listing-title">
          {team.name}
        </h1>
        {about && <p className="listing-description">{about}</p>}
      </header>
      <section aria-labelledby="team-results-heading" className="sports-section">
        <h2 id="team-results-heading" className="sports-section-title">
          Results
        </h2>
        <EventList events={page.results} caption={`${team.name}: recent results`} label={`${team.name} results`} emptyText="No results yet." />
      </section>
      <section aria-labelledby="team-fixtures-heading" className="sports-section">
        <h2 id="team-fixtures-heading" className="sports-section-title">
          Fixtures
        </h2>
        <EventList events={page.fixtures} caption={`${team.name}: next fixtures`} label={`${team.name} fixtures`} emptyText="No fixtures scheduled." />
      </section>
      <TeamStandings page={page} />
      {page.athletes.length > 0 && (
        <section aria-labelledby="team-athletes-heading" className="sports-section">
          <h2 id="team-athletes-heading" className="sports-section-title">
            Players
          </h2>
          <ul className="sports-people">
            {page.athletes.map((athlete) => (
              <li key={athlete.id}>{athlete.slug ? <a href={athleteHref(athlete.slug)}>{athlete.name}</a> : athlete.name}</li>
            ))}
          </ul>
        </section>
      )}
      <SportsStories list={page.stories} heading={`Stories about ${team.name}`} path={teamHref(team.slug)} />
    </article>
  );
}
