import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { medalTableFromResults, rankMedalTable, rankStandings, SUPPORTED_TIE_BREAKERS, type MedalRow, type StandingRowInput } from "./ranking";

const medals = (code: string, gold: number, silver: number, bronze: number, name = code): MedalRow => ({ code, name, gold, silver, bronze });
const team = (key: string, won: number, drawn: number, lost: number, goalsFor: number, goalsAgainst: number, extra: Partial<StandingRowInput> = {}): StandingRowInput => ({
  key,
  name: key,
  won,
  drawn,
  lost,
  goalsFor,
  goalsAgainst,
  ...extra,
});

function refusal(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("rankMedalTable", () => {
  it("ranks by gold, then silver, then bronze", () => {
    const table = rankMedalTable([medals("GBR", 2, 0, 9), medals("USA", 3, 0, 0), medals("FRA", 2, 1, 0), medals("ITA", 2, 1, 1)]);
    expect(table.map((row) => [row.code, row.rankLabel])).toEqual([
      ["USA", "1"],
      ["ITA", "2"],
      ["FRA", "3"],
      ["GBR", "4"],
    ]);
  });

  it("shares the rank between equal countries, orders them by name and skips the next rank", () => {
    const table = rankMedalTable([medals("NOR", 1, 0, 0, "Norway"), medals("AUT", 1, 0, 0, "Austria"), medals("KEN", 2, 0, 0, "Kenya"), medals("JAM", 0, 5, 0, "Jamaica")]);
    expect(table.map((row) => [row.name, row.rank, row.rankLabel])).toEqual([
      ["Kenya", 1, "1"],
      ["Austria", 2, "=2"],
      ["Norway", 2, "=2"],
      ["Jamaica", 4, "4"],
    ]);
  });

  it("keeps an empty table empty", () => {
    expect(rankMedalTable([])).toEqual([]);
  });

  it("refuses negative or fractional counts and repeated countries, naming the row", () => {
    expect(refusal(() => rankMedalTable([medals("USA", -1, 0, 0)])).message).toMatch(/0\.gold: must not be negative/);
    expect(refusal(() => rankMedalTable([medals("USA", 1.5, 0, 0)])).message).toMatch(/0\.gold: must be a whole number/);
    expect(refusal(() => rankMedalTable([medals("USA", 1, 0, 0), medals("USA", 0, 1, 0)])).message).toMatch(/"USA" appears more than once/);
    expect(refusal(() => rankMedalTable([medals("USA", 1, 0, 0)].map((row) => ({ ...row, name: " " })))).code).toBe("INVALID");
  });
});

describe("medalTableFromResults", () => {
  it("counts gold, silver and bronze from each event's ranks 1 to 3 and ignores the rest", () => {
    const table = medalTableFromResults([
      {
        event: "100m",
        results: [
          { code: "JAM", name: "Jamaica", rank: 1 },
          { code: "USA", name: "United States", rank: 2 },
          { code: "JAM", name: "Jamaica", rank: 3 },
          { code: "GBR", name: "Great Britain", rank: 4 },
        ],
      },
      {
        event: "200m",
        results: [
          { code: "USA", name: "United States", rank: 1 },
          { code: "GBR", name: "Great Britain", rank: 2 },
          { code: "CAN", name: "Canada", rank: 3 },
        ],
      },
    ]);
    expect(table.map(({ code, gold, silver, bronze, rankLabel }) => ({ code, gold, silver, bronze, rankLabel }))).toEqual([
      { code: "USA", gold: 1, silver: 1, bronze: 0, rankLabel: "1" },
      { code: "JAM", gold: 1, silver: 0, bronze: 1, rankLabel: "2" },
      { code: "GBR", gold: 0, silver: 1, bronze: 0, rankLabel: "3" },
      { code: "CAN", gold: 0, silver: 0, bronze: 1, rankLabel: "4" },
    ]);
  });

  it("gives every competitor on a shared rank the medal (two bronzes in judo)", () => {
    const table = medalTableFromResults([
      {
        event: "Judo -60 kg",
        results: [
          { code: "JPN", name: "Japan", rank: 1 },
          { code: "GEO", name: "Georgia", rank: 2 },
          { code: "FRA", name: "France", rank: 3 },
          { code: "KOR", name: "Korea", rank: 3 },
        ],
      },
    ]);
    expect(table.map((row) => [row.code, row.bronze, row.rankLabel])).toEqual([
      ["JPN", 0, "1"],
      ["GEO", 0, "2"],
      ["FRA", 1, "=3"],
      ["KOR", 1, "=3"],
    ]);
  });

  it("refuses a rank that is not a positive whole number", () => {
    expect(refusal(() => medalTableFromResults([{ event: "x", results: [{ code: "A", name: "A", rank: 0 }] }])).message).toMatch(/0\.results\.0\.rank: must be 1 or more/);
  });
});

describe("rankStandings", () => {
  it("ranks football by points, then goal difference, then goals scored, computing 3/1/0 points", () => {
    const table = rankStandings([team("Spurs", 2, 1, 1, 6, 4), team("Arsenal", 3, 0, 1, 7, 3), team("Chelsea", 2, 1, 1, 7, 5), team("Everton", 2, 1, 1, 5, 2)]);
    expect(table.map((row) => [row.key, row.points, row.goalDifference, row.rankLabel])).toEqual([
      ["Arsenal", 9, 4, "1"],
      ["Everton", 7, 3, "2"],
      ["Chelsea", 7, 2, "3"],
      ["Spurs", 7, 2, "4"],
    ]);
  });

  it("shares the rank of teams equal on every tie-breaker, ordered by name", () => {
    const table = rankStandings([team("Wolves", 1, 1, 0, 3, 1), team("Burnley", 1, 1, 0, 3, 1), team("Leeds", 2, 0, 0, 4, 0), team("Fulham", 0, 0, 2, 0, 4)]);
    expect(table.map((row) => [row.key, row.rankLabel])).toEqual([
      ["Leeds", "1"],
      ["Burnley", "=2"],
      ["Wolves", "=2"],
      ["Fulham", "4"],
    ]);
  });

  it("applies the competition's own tie-breakers and points system", () => {
    const rows = [team("A", 3, 0, 1, 5, 5), team("B", 2, 2, 0, 9, 1)];
    expect(rankStandings(rows).map((row) => [row.key, row.points])).toEqual([
      ["A", 9],
      ["B", 8],
    ]);
    expect(rankStandings(rows, ["points", "wins"], { win: 2, draw: 1, loss: 0 }).map((row) => [row.key, row.points, row.rankLabel])).toEqual([
      ["A", 6, "1"],
      ["B", 6, "2"],
    ]);
    expect(rankStandings(rows, ["points", "fewestGoalsAgainst"], { win: 2, draw: 1, loss: 0 })[0].key).toBe("B");
  });

  it("keeps points given in a row (a deduction) instead of recomputing them", () => {
    const table = rankStandings([team("Derby", 5, 0, 0, 10, 0, { points: 3 }), team("Stoke", 2, 0, 3, 4, 6)]);
    expect(table.map((row) => [row.key, row.points])).toEqual([
      ["Stoke", 6],
      ["Derby", 3],
    ]);
  });

  it("refuses an unknown or unsupported tie-breaker, listing the supported ones", () => {
    const error = refusal(() => rankStandings([team("A", 1, 0, 0, 1, 0)], ["points", "headToHead"]));
    expect(error.code).toBe("INVALID");
    expect(error.message).toContain(`"headToHead" is not a supported tie-breaker (supported: ${SUPPORTED_TIE_BREAKERS.join(", ")})`);
    expect(refusal(() => rankStandings([], [])).message).toMatch(/needs at least one tie-breaker/);
    expect(refusal(() => rankStandings([], ["points", "points"])).message).toMatch(/"points" appears more than once/);
  });

  it("refuses played that is not won + drawn + lost, negative counts and repeated teams", () => {
    expect(refusal(() => rankStandings([team("A", 1, 0, 0, 1, 0, { played: 2 })])).message).toMatch(/0\.played: played must equal won \+ drawn \+ lost/);
    expect(refusal(() => rankStandings([team("A", 1, 0, 0, -1, 0)])).message).toMatch(/0\.goalsFor: must not be negative/);
    expect(refusal(() => rankStandings([team("A", 1, 0, 0, 1, 0), team("A", 0, 1, 0, 1, 1)])).message).toMatch(/"A" appears more than once/);
    expect(rankStandings([team("A", 1, 0, 0, 1, 0, { played: 1 })])[0].played).toBe(1);
  });
});

describe("ranking properties", () => {
  const standingRow = fc.record({ won: fc.nat(5), drawn: fc.nat(5), lost: fc.nat(5), goalsFor: fc.nat(8), goalsAgainst: fc.nat(8) });
  const keyOf = (row: { points: number; goalDifference: number; goalsFor: number }) => `${row.points}/${row.goalDifference}/${row.goalsFor}`;

  it("standings: ranks never fall in display order, and equal keys share a rank exactly when equal", () => {
    fc.assert(
      fc.property(fc.array(standingRow, { maxLength: 12 }), (stats) => {
        const table = rankStandings(stats.map((row, index) => ({ key: `t${index}`, name: `Team ${index}`, ...row })));
        table.forEach((row, index) => {
          expect(row.rank).toBeLessThanOrEqual(index + 1);
          if (index > 0) expect(row.rank).toBeGreaterThanOrEqual(table[index - 1].rank);
        });
        for (const a of table) for (const b of table) expect(keyOf(a) === keyOf(b)).toBe(a.rank === b.rank);
        for (const row of table) expect(row.rankLabel.startsWith("=")).toBe(table.filter((other) => other.rank === row.rank).length > 1);
      }),
    );
  });

  it("medal tables: equal medal counts share a rank exactly when equal, and a rank counts the better rows", () => {
    const counts = fc.record({ gold: fc.nat(3), silver: fc.nat(3), bronze: fc.nat(3) });
    fc.assert(
      fc.property(fc.array(counts, { maxLength: 12 }), (rows) => {
        const table = rankMedalTable(rows.map((row, index) => ({ code: `c${index}`, name: `Country ${index}`, ...row })));
        const key = (row: MedalRow) => `${row.gold}/${row.silver}/${row.bronze}`;
        for (const a of table) for (const b of table) expect(key(a) === key(b)).toBe(a.rank === b.rank);
        for (const row of table) {
          const better = table.filter((other) => other.gold > row.gold || (other.gold === row.gold && (other.silver > row.silver || (other.silver === row.silver && other.bronze > row.bronze))));
          expect(row.rank).toBe(better.length + 1);
        }
      }),
    );
  });
});
