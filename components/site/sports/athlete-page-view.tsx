import type { AthletePage, AthleteResult } from "@/lib/sports/pages/athlete-page";
import { athleteHref, eventTitle, matchHref, headToHead, sideName } from "@/lib/sports/pages/views";
import { PhotoImg } from "../photo-img";
import { EventWhen } from "./event-when";
import { PersonLink } from "./person-link";
import { ScrollTable } from "./scroll-table";
import { SportsStories } from "./sports-stories";

function AthletePhoto({ page }: { page: AthletePage }) {
  const photo = page.photo;
  if (!photo || photo.isWithdrawn) return null;
  return (
    <figure className="sports-photo">
      <PhotoImg photo={photo} sizes="(min-width: 760px) 240px, 40vw" isPriority />
      {photo.credit && <figcaption className="credit">{photo.credit.short}</figcaption>}
    </figure>
  );
}

// The athlete's own place and mark, or (in a team's line-up) the team's result.
function resultOf(result: AthleteResult): { place: string; mark: string } {
  const own = result.rank !== null || result.mark !== null || result.score !== null;
  const source = own || !result.memberOf ? result : result.memberOf;
  const match = headToHead(result.event);
  const score = match && match.home.score !== null && match.away.score !== null ? `${match.home.score}–${match.away.score}` : "";
  const team = !own && result.memberOf ? ` (${sideName(result.memberOf)})` : "";
  return { place: source.rank !== null ? String(source.rank) : "–", mark: `${source.mark ?? (match ? score : (source.score ?? ""))}${team}`.trim() };
}

function AthleteResults({ page }: { page: AthletePage }) {
  if (page.results.length === 0) return <p className="empty">No results yet.</p>;
  return (
    <ScrollTable label={`${page.athlete.name} results`} caption={`${page.athlete.name}: results`}>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Event</th>
          <th scope="col" className="num">
            <abbr title="Place">Pos</abbr>
          </th>
          <th scope="col">Result</th>
          <th scope="col">Record</th>
        </tr>
      </thead>
      <tbody>
        {page.results.map((result) => {
          const { place, mark } = resultOf(result);
          return (
            <tr key={result.id}>
              <td>
                <EventWhen event={result.event} />
              </td>
              <th scope="row">
                <a href={matchHref(result.event.id)}>{eventTitle(result.event)}</a>
              </th>
              <td className="num">{place}</td>
              <td>{mark}</td>
              <td>{result.record ?? ""}</td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}

// An athlete's page: photo with credit, country and team, results and stories.
export function AthletePageView({ page }: { page: AthletePage }) {
  const { athlete } = page;
  return (
    <article className="sports-page" aria-labelledby="sports-page-title">
      <header className="sports-page-header sports-page-header--person">
        <AthletePhoto page={page} />
        <div>
          <h1 id="sports-page-title" className="listing-title">
            {athlete.name}
          </h1>
          <dl className="sports-facts">
            {athlete.country && (
              <>
                <dt>Country</dt>
                <dd>{athlete.country}</dd>
              </>
            )}
            {athlete.team && (
              <>
                <dt>Team</dt>
                <dd>
                  <PersonLink person={athlete.team} kind="team" />
                </dd>
              </>
            )}
            {athlete.sport && (
              <>
                <dt>Sport</dt>
                <dd>{athlete.sport}</dd>
              </>
            )}
          </dl>
        </div>
      </header>
      <section aria-labelledby="athlete-results-heading" className="sports-section">
        <h2 id="athlete-results-heading" className="sports-section-title">
          Results
        </h2>
        <AthleteResults page={page} />
      </section>
      <SportsStories list={page.stories} heading={`Stories about ${athlete.name}`} path={athleteHref(athlete.slug)} />
    </article>
  );
}
