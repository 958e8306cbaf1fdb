import type { CompetitionPage } from "@/lib/sports/pages/competition-page";
import { competitionHref } from "@/lib/sports/pages/views";
import { EventList } from "./event-list";
import { MedalTable, StandingsTable } from "./competition-tables";
import { SportsStories } from "./sports-stories";

function SeasonNav({ page }: { page: CompetitionPage }) {
  if (page.seasons.length < 2) return null;
  const latest = page.seasons[0];
  return (
    <nav aria-label="Seasons" className="sports-seasons">
      <ul>
        {page.seasons.map((season) => (
          <li key={season.id}>
            <a href={season.id === latest.id ? competitionHref(page.competition.slug) : competitionHref(page.competition.slug, season.name)} aria-current={season.id === page.season?.id ? "page" : undefined}>
              {season.name || "All"}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// A competition's page for one season: results, fixtures, standings, medal table and stories.
export function CompetitionPageView({ page }: { page: CompetitionPage }) {
  const title = [page.competition.name, page.season?.name].filter(Boolean).join(" ");
  return (
    <article className="sports-page" aria-labelledby="sports-page-title">
      <header className="sports-page-header">
        <h1 id="sports-page-title" className="listing-title">
          {title}
        </h1>
        {page.competition.sport && <p className="listing-description">{page.competition.sport}</p>}
        <SeasonNav page={page} />
      </header>
      {page.medalTable && (
        <section aria-labelledby="competition-medals-heading" className="sports-section">
          <h2 id="competition-medals-heading" className="sports-section-title">
            Medal table
          </h2>
          <MedalTable table={page.medalTable} />
        </section>
      )}
      {page.standings.length > 0 && (
        <section aria-labelledby="competition-standings-heading" className="sports-section">
          <h2 id="competition-standings-heading" className="sports-section-title">
            Standings
          </h2>
          {page.standings.map((table) => (
            <StandingsTable key={table.id} table={table} />
          ))}
        </section>
      )}
      <section aria-labelledby="competition-results-heading" className="sports-section">
        <h2 id="competition-results-heading" className="sports-section-title">
          Results
        </h2>
        <EventList events={page.results} caption={`${title}: results`} label={`${title} results`} emptyText="No results yet." showCompetition={false} />
      </section>
      <section aria-labelledby="competition-fixtures-heading" className="sports-section">
        <h2 id="competition-fixtures-heading" className="sports-section-title">
          Fixtures
        </h2>
        <EventList events={page.fixtures} caption={`${title}: fixtures`} label={`${title} fixtures`} emptyText="No fixtures." showCompetition={false} />
      </section>
      <SportsStories list={page.stories} heading={`Stories about ${title}`} />
    </article>
  );
}
