// Ranking rules as code: medal tables and league standings. Both share one rule for ties: rows
// equal on every ranking key share a rank, shown "=3", the next rank skips (1, =2, =2, 4), and the
// name only orders equals for display; it never breaks a tie.
import { z } from "zod";
import { AppError } from "../errors";

export type Ranked<T> = T & { rank: number; rankLabel: string };

// `sorted` is already in display order; `compareKeys` is 0 when two rows tie on the ranking keys.
function assignRanks<T>(sorted: T[], compareKeys: (a: T, b: T) => number): Ranked<T>[] {
  const ranks: number[] = [];
  sorted.forEach((row, index) => {
    ranks.push(index > 0 && compareKeys(sorted[index - 1], row) === 0 ? ranks[index - 1] : index + 1);
  });
  return sorted.map((row, index) => {
    const isShared = ranks[index - 1] === ranks[index] || ranks[index + 1] === ranks[index];
    return { ...row, rank: ranks[index], rankLabel: isShared ? `=${ranks[index]}` : String(ranks[index]) };
  });
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

// zod issues as one sentence a person can act on: "rows[2].gold: Too small …".
function refuse(error: z.ZodError, what: string): AppError {
  const problems = error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : what}: ${issue.message}`);
  return new AppError("INVALID", `The ${what} was refused: ${problems.join("; ")}.`, { problems });
}

function parseOrRefuse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (!result.success) throw refuse(result.error, what);
  return result.data;
}

const count = z.number().int("must be a whole number").min(0, "must not be negative");
const label = z.string().trim().min(1, "must not be empty");

// Rows with the same key would be counted twice; refused rather than merged.
function uniqueKeys<T>(key: (row: T) => string) {
  return (rows: T[], context: z.RefinementCtx) => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      if (seen.has(key(row))) context.addIssue({ code: "custom", path: [index], message: `"${key(row)}" appears more than once` });
      seen.add(key(row));
    });
  };
}

// ---- Medal tables -------------------------------------------------------------------------------

const MedalRowInput = z.object({ code: label, name: label, gold: count, silver: count, bronze: count });
export type MedalRow = z.infer<typeof MedalRowInput>;
const MedalRowsInput = z.array(MedalRowInput).superRefine(uniqueKeys((row: MedalRow) => row.code));

const compareMedals = (a: MedalRow, b: MedalRow) => b.gold - a.gold || b.silver - a.silver || b.bronze - a.bronze;

// Gold, then silver, then bronze; countries equal on all three share the rank.
export function rankMedalTable(rows: MedalRow[]): Ranked<MedalRow>[] {
  const valid = parseOrRefuse(MedalRowsInput, rows, "medal table");
  return assignRanks(
    [...valid].sort((a, b) => compareMedals(a, b) || byName(a, b)),
    compareMedals,
  );
}

const MedalResultInput = z.object({ code: label, name: label, rank: z.number().int("must be a whole number").min(1, "must be 1 or more") });
const MedalEventInput = z.object({ event: label, results: z.array(MedalResultInput) });
export type MedalEventResult = z.infer<typeof MedalEventInput>;

const MEDAL_FOR_RANK = { 1: "gold", 2: "silver", 3: "bronze" } as const;

// Each event's rank 1, 2 and 3 give gold, silver and bronze; shared ranks (two bronzes in judo or
// boxing, a dead heat for gold) give each competitor the medal. Ranks past 3 win nothing.
export function medalTableFromResults(events: MedalEventResult[]): Ranked<MedalRow>[] {
  const valid = parseOrRefuse(z.array(MedalEventInput), events, "medal results");
  const rows = new Map<string, MedalRow>();
  for (const { results } of valid) {
    for (const { code, name, rank } of results) {
      if (rank > 3) continue;
      const row = rows.get(code) ?? { code, name, gold: 0, silver: 0, bronze: 0 };
      row[MEDAL_FOR_RANK[rank as 1 | 2 | 3]] += 1;
      rows.set(code, row);
    }
  }
  return rankMedalTable([...rows.values()]);
}

// ---- Standings ----------------------------------------------------------------------------------

type Totals = { points: number; goalDifference: number; goalsFor: number; goalsAgainst: number; won: number };

// The tie-breakers this code can apply from a team's own totals. Head-to-head records need the
// results between the tied teams, which a standings row does not carry: refused, not faked.
const TIE_BREAKERS = {
  points: (a: Totals, b: Totals) => b.points - a.points,
  goalDifference: (a: Totals, b: Totals) => b.goalDifference - a.goalDifference,
  goalsFor: (a: Totals, b: Totals) => b.goalsFor - a.goalsFor,
  fewestGoalsAgainst: (a: Totals, b: Totals) => a.goalsAgainst - b.goalsAgainst,
  wins: (a: Totals, b: Totals) => b.won - a.won,
} as const;

export type TieBreaker = keyof typeof TIE_BREAKERS;
export const SUPPORTED_TIE_BREAKERS = Object.keys(TIE_BREAKERS) as TieBreaker[];
export const FOOTBALL_TIE_BREAKERS: TieBreaker[] = ["points", "goalDifference", "goalsFor"];
export const FOOTBALL_POINTS = { win: 3, draw: 1, loss: 0 } as const;

const TieBreakerInput = z.string().refine((name) => name in TIE_BREAKERS, { error: (issue) => `"${String(issue.input)}" is not a supported tie-breaker (supported: ${SUPPORTED_TIE_BREAKERS.join(", ")})` });
const TieBreakersInput = z
  .array(TieBreakerInput)
  .min(1, "needs at least one tie-breaker")
  .superRefine(uniqueKeys((name: string) => name));

const PointsSystemInput = z.object({ win: count, draw: count, loss: count });
export type PointsSystem = z.infer<typeof PointsSystemInput>;

const StandingRowInput = z
  .object({
    key: label,
    name: label,
    played: count.optional(),
    won: count,
    drawn: count,
    lost: count,
    goalsFor: count,
    goalsAgainst: count,
    points: z.number().int("must be a whole number").optional(),
  })
  .refine((row) => row.played === undefined || row.played === row.won + row.drawn + row.lost, {
    error: "played must equal won + drawn + lost",
    path: ["played"],
  });
export type StandingRowInput = z.input<typeof StandingRowInput>;
const StandingRowsInput = z.array(StandingRowInput).superRefine(uniqueKeys((row: { key: string }) => row.key));

export type StandingRow = { key: string; name: string; played: number; won: number; drawn: number; lost: number; goalsFor: number; goalsAgainst: number; goalDifference: number; points: number };

// Points given in a row are kept (a deduction shows there); missing points come from the
// competition's points system.
function completeRow(row: z.infer<typeof StandingRowInput>, system: PointsSystem): StandingRow {
  const points = row.points ?? row.won * system.win + row.drawn * system.draw + row.lost * system.loss;
  const played = row.won + row.drawn + row.lost;
  return {
    key: row.key,
    name: row.name,
    played,
    won: row.won,
    drawn: row.drawn,
    lost: row.lost,
    goalsFor: row.goalsFor,
    goalsAgainst: row.goalsAgainst,
    goalDifference: row.goalsFor - row.goalsAgainst,
    points,
  };
}

export function rankStandings(rows: StandingRowInput[], tieBreakers: readonly string[] = FOOTBALL_TIE_BREAKERS, pointsSystem: PointsSystem = FOOTBALL_POINTS): Ranked<StandingRow>[] {
  const order = parseOrRefuse(TieBreakersInput, tieBreakers, "tie-breakers") as TieBreaker[];
  const system = parseOrRefuse(PointsSystemInput, pointsSystem, "points system");
  const complete = parseOrRefuse(StandingRowsInput, rows, "standings").map((row) => completeRow(row, system));
  const compareKeys = (a: StandingRow, b: StandingRow) => order.reduce((result, name) => result || TIE_BREAKERS[name](a, b), 0);
  return assignRanks(
    [...complete].sort((a, b) => compareKeys(a, b) || byName(a, b)),
    compareKeys,
  );
}
