import type { MatchPage } from "@/lib/sports/pages/match-page";
import { competitionHref, eventTitle, matchHref, headToHead, statusLabel } from "@/lib/sports/pages/views";
import { sportsEventJsonLd } from "@/lib/sports/json-ld";
import { EventList } from "./event-list";
import { EventWhen } from "./event-when";
import { JsonLdScript } from "./json-ld-script";
import { SideLink } from "./person-link";
import { FieldResults, LineUps, PeriodScores } from "./match-results";
import { SportsStories } from "./sports-stories";

function Kicker({ page }: { page: MatchPage }) {
  const competition = page.competition;
  const label = [competition?.name, competition?.season, page.stage].filter(Boolean).join(", ");
  if (!label) return null;
  return <p className="kicker">{competition?.slug ? <a href={competitionHref(competition.slug, competition.season)}>{label}</a> : label}</p>;
}

// "Aston Villa 0–2 Manchester City", each side linked, and where the match is now.
function Scoreline({ page }: { page: MatchPage }) {
  const match = headToHead(page);
  if (!match) return null;
  const hasScore = match.home.score !== null && match.away.score !== null;
  return (
    <p className="sports-scoreline">
      <span className="sports-scoreline-side">
        <SideLink side={match.home} />
      </span>
      <span className="sports-scoreline-score">{hasScore ? `${match.home.score}–${match.away.score}` : "v"}</span>
      <span className="sports-scoreline-side">
        <SideLink side={match.away} />
      </span>
    </p>
  );
}

function Facts({ page }: { page: MatchPage }) {
  const status = [statusLabel(page.status), page.status === "LIVE" ? [page.period, page.minute].filter(Boolean).join(" ") : null].filter(Boolean).join(", ");
  return (
    <dl className="sports-facts">
      {status && (
        <>
          <dt>Status</dt>
          <dd>{status}</dd>
        </>
      )}
      {(page.startsAt || page.startsAtLocal) && (
        <>
          <dt>Start</dt>
          <dd>
            <EventWhen event={page} withTime />
          </dd>
        </>
      )}
      {page.venue && (
        <>
          <dt>Venue</dt>
          <dd>{page.venue}</dd>
        </>
      )}
      {page.attendance !== null && (
        <>
          <dt>Attendance</dt>
          <dd>{page.attendance.toLocaleString("en-GB")}</dd>
        </>
      )}
      {page.parent && (
        <>
          <dt>Part of</dt>
          <dd>
            <a href={matchHref(page.parent.id)}>{eventTitle(page.parent)}</a>
          </dd>
        </>
      )}
    </dl>
  );
}

function LiveLinks({ page }: { page: MatchPage }) {
  if (page.live.length === 0) return null;
  return (
    <section aria-labelledby="match-live-heading" className="sports-section">
      <h2 id="match-live-heading" className="sports-section-title">
        Live coverage
      </h2>
      <ul className="sports-live-links">
        {page.live.map((live) => (
          <li key={live.href}>
            <a href={live.href}>{live.headline}</a>
            {live.status === "LIVE" && <span className="sports-status"> Live now</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

// A match or event: the score (per period), status, when and where, line-ups, rubbers or a
// field's results, live coverage and stories, with its SportsEvent JSON-LD.
export function MatchPageView({ page }: { page: MatchPage }) {
  const title = eventTitle(page);
  const match = headToHead(page);
  return (
    <article className="sports-page" aria-labelledby="sports-page-title">
      <JsonLdScript data={sportsEventJsonLd(page)} />
      <header className="sports-page-header">
        <Kicker page={page} />
        <h1 id="sports-page-title" className="listing-title">
          {title}
        </h1>
        <Scoreline page={page} />
        <Facts page={page} />
      </header>
      <LiveLinks page={page} />
      {match ? (
        <div className="sports-section">
          <PeriodScores title={title} home={match.home} away={match.away} />
        </div>
      ) : (
        <section aria-labelledby="match-results-heading" className="sports-section">
          <h2 id="match-results-heading" className="sports-section-title">
            Results
          </h2>
          <FieldResults sides={page.sides} caption={`${title}: results`} label="Results" />
        </section>
      )}
      {page.subEvents.length > 0 && (
        <section aria-labelledby="match-sub-heading" className="sports-section">
          <h2 id="match-sub-heading" className="sports-section-title">
            Matches in this tie
          </h2>
          <EventList events={page.subEvents} caption={`${title}: matches`} label="Matches in this tie" emptyText="" showCompetition={false} />
        </section>
      )}
      <LineUps sides={page.sides} />
      <SportsStories list={page.stories} heading="Stories about this match" />
    </article>
  );
}
