import type { StandingsNumbers } from "@/lib/sports/blocks/views";

// The number columns of a standings row, with their headers spelled out for screen readers.
const COLUMNS: { key: keyof Omit<StandingsNumbers, "rank" | "form">; short: string; long: string }[] = [
  { key: "played", short: "P", long: "Played" },
  { key: "won", short: "W", long: "Won" },
  { key: "drawn", short: "D", long: "Drawn" },
  { key: "lost", short: "L", long: "Lost" },
  { key: "goalsFor", short: "F", long: "Scored" },
  { key: "goalsAgainst", short: "A", long: "Conceded" },
  { key: "points", short: "Pts", long: "Points" },
];

export function StandingsHeaders() {
  return (
    <>
      {COLUMNS.map((column) => (
        <th key={column.key} scope="col" className="num">
          <abbr title={column.long}>{column.short}</abbr>
        </th>
      ))}
      <th scope="col">Form</th>
    </>
  );
}

export function StandingsCells({ row }: { row: StandingsNumbers }) {
  return (
    <>
      {COLUMNS.map((column) => (
        <td key={column.key} className="num">
          {row[column.key] ?? "–"}
        </td>
      ))}
      <td className="sports-form">{row.form ?? ""}</td>
    </>
  );
}
