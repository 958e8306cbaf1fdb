// League tables: SportsML's standing, one team per row with its outcome totals and rank.
import { withCodes } from "./events";
import { firstChild, type SourceNode } from "./source";
import type { Competition, StandingsDoc, StandingsRow } from "./types";
import { codeOf, displayName, readDate, sportsMlRefusal, wholeNumber } from "./values";

// A standing may total home, away and all games separately; the table is the all-games one
// (alignment-scope events-all, or no scope at all).
function allGames(stats: SourceNode | undefined): SourceNode | undefined {
  const totals = stats?.children("outcome-totals") ?? [];
  return totals.find((total) => ["", "events-all"].includes(codeOf(total.attr("alignment-scope")))) ?? (totals.length === 1 ? totals[0] : undefined);
}

function tableRank(stats: SourceNode | undefined): number | null {
  const rank = stats?.children("rank").find((candidate) => ["", "events-all"].includes(codeOf(candidate.attr("type"))));
  return rank ? wholeNumber(rank, "value") : null;
}

function readRow(team: SourceNode): StandingsRow {
  const metadata = firstChild(team, "team-metadata");
  const stats = firstChild(team, "team-stats");
  const totals = allGames(stats);
  const name = displayName(metadata);
  if (!name) throw sportsMlRefusal(team.path, "a team in a standing needs a name");
  const count = (attribute: string) => (totals ? wholeNumber(totals, attribute) : null);
  const played = count("events-played") ?? (stats ? wholeNumber(stats, "events-played") : null);
  const [won, drawn, lost] = [count("wins"), count("ties"), count("losses")];
  if (played !== null && won !== null && drawn !== null && lost !== null && played !== won + drawn + lost) {
    throw sportsMlRefusal(totals?.path ?? team.path, `events-played ${played} is not wins + ties + losses (${won} + ${drawn} + ${lost})`);
  }
  return {
    key: metadata?.attr("key") || null,
    name,
    rank: tableRank(stats),
    played,
    won,
    drawn,
    lost,
    goalsFor: count("points-scored-for"),
    goalsAgainst: count("points-scored-against"),
    points: count("standing-points"),
  };
}

// The standing's date: its date-coverage-value, else a date hidden in a vendor's temporal unit
// ("vendor:2015-10-03" in the Opta sample).
function standingDate(metadata: SourceNode | undefined): string | null {
  if (!metadata) return null;
  const coverage = readDate(metadata, "date-coverage-value");
  if (coverage) return coverage;
  const unit = codeOf(metadata.attr("temporal-unit-value"));
  return /^\d{4}-\d{2}-\d{2}$/.test(unit) ? unit : null;
}

// Rows in table order: by rank where every row has one, else as the document lists them.
export function readStanding(node: SourceNode, context: Competition): StandingsDoc {
  const metadata = firstChild(node, "standing-metadata");
  const rows = node.children("team").map(readRow);
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const identity = row.key ?? row.name;
    if (seen.has(identity)) throw sportsMlRefusal(node.children("team")[index].path, `team ${JSON.stringify(identity)} is listed twice in the standing`);
    seen.set(identity, index);
  });
  const isRanked = rows.every((row) => row.rank !== null);
  return {
    path: node.path,
    ...withCodes(metadata, context),
    name: displayName(metadata),
    date: standingDate(metadata),
    rows: isRanked ? [...rows].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)) : rows,
  };
}
