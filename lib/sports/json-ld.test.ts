import { describe, expect, it } from "vitest";
import { sportsEventJsonLd, type SportsEventJsonLdInput } from "./json-ld";
import type { SideView } from "./pages/views";

function side(overrides: Partial<SideView>): SideView {
  return { id: "p", side: null, position: 0, score: null, mark: null, rank: null, outcome: null, record: null, team: null, athlete: null, ...overrides };
}

const villa = side({ id: "p1", side: "HOME", score: 0, team: { id: "t1", name: "Aston Villa", slug: "aston-villa", country: "ENG" } });
const city = side({ id: "p2", side: "AWAY", position: 1, score: 2, team: { id: "t2", name: "Manchester City", slug: null, country: "ENG" } });

const match: SportsEventJsonLdInput = {
  id: "m1",
  name: null,
  stage: null,
  status: "FINAL",
  venue: "Villa Park",
  startsAt: "2014-10-04T16:30:00.000Z",
  startsAtLocal: null,
  sport: "Soccer",
  competition: { id: "c1", name: "Premier League", slug: "premier-league", seasonId: "s1", season: "2014" },
  sides: [villa, city],
};

describe("sportsEventJsonLd", () => {
  it("describes a match: name, sport, start, place, home and away teams, address", () => {
    const data = sportsEventJsonLd(match);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "SportsEvent",
      name: "Aston Villa v Manchester City",
      description: "Premier League, 2014",
      sport: "Soccer",
      startDate: "2014-10-04T16:30:00.000Z",
      location: { "@type": "Place", name: "Villa Park" },
      homeTeam: { "@type": "SportsTeam", name: "Aston Villa", url: expect.stringMatching(/\/teams\/aston-villa$/) },
      awayTeam: { "@type": "SportsTeam", name: "Manchester City" },
      eventStatus: "https://schema.org/EventScheduled",
      url: expect.stringMatching(/\/matches\/m1$/),
    });
    expect(data).not.toHaveProperty("competitor");
    expect((data as { awayTeam: { url?: string } }).awayTeam.url).toBeUndefined();
  });

  it("a finished or live event is still scheduled; a postponed or cancelled one says so", () => {
    expect(sportsEventJsonLd({ ...match, status: "LIVE" }).eventStatus).toBe("https://schema.org/EventScheduled");
    expect(sportsEventJsonLd({ ...match, status: null }).eventStatus).toBe("https://schema.org/EventScheduled");
    expect(sportsEventJsonLd({ ...match, status: "POSTPONED" }).eventStatus).toBe("https://schema.org/EventPostponed");
    expect(sportsEventJsonLd({ ...match, status: "CANCELLED" }).eventStatus).toBe("https://schema.org/EventCancelled");
  });

  it("names a field's competitors (teams and athletes) instead of home and away", () => {
    const field: SportsEventJsonLdInput = {
      ...match,
      name: "Mixed relay",
      venue: null,
      startsAt: null,
      startsAtLocal: "2026-02-08",
      sides: [
        side({ id: "f1", rank: 1, team: { id: "t3", name: "France", slug: "france", country: "FRA" } }),
        side({ id: "f2", rank: 2, athlete: { id: "a1", name: "Johannes Bø", slug: "johannes-bo", country: "NOR" } }),
      ],
    };
    const data = sportsEventJsonLd(field);
    expect(data).toMatchObject({
      name: "Mixed relay",
      startDate: "2026-02-08",
      competitor: [
        { "@type": "SportsTeam", name: "France" },
        { "@type": "Person", name: "Johannes Bø", url: expect.stringMatching(/\/athletes\/johannes-bo$/) },
      ],
    });
    expect(data.location).toBeUndefined();
    expect(data).not.toHaveProperty("homeTeam");
  });
});
