// A medal table: gold, then silver, then bronze; equal places shared ("=3"). `limit`: the top N
// places (0: the full table); countries sharing the last place shown all appear.
import type { MedalTableView } from "@/lib/sports/blocks/views";
import { AsOf, SportsTable } from "./sports-table";

export function MedalTable({ table, limit }: { table: MedalTableView; limit: number }) {
  const shown = limit > 0 ? table.rows.filter((row) => row.rank <= limit) : table.rows;
  return (
    <SportsTable
      kind="medals"
      caption={<>Medal table{table.competition ? `: ${[table.competition, table.season].filter(Boolean).join(" ")}` : ""}</>}
      footer={
        <>
          {limit > 0 && shown.length < table.rows.length ? `Top ${limit} of ${table.rows.length} · ` : ""}
          <AsOf iso={table.updatedAt} live={false} />
        </>
      }
    >
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Country</th>
          <th scope="col">Gold</th>
          <th scope="col">Silver</th>
          <th scope="col">Bronze</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr key={row.country}>
            <td>{row.rankLabel}</td>
            <th scope="row">{row.name}</th>
            <td>{row.gold}</td>
            <td>{row.silver}</td>
            <td>{row.bronze}</td>
            <td className="sports-total">{row.total}</td>
          </tr>
        ))}
        {shown.length === 0 ? (
          <tr>
            <td colSpan={6}>No medals awarded yet.</td>
          </tr>
        ) : null}
      </tbody>
    </SportsTable>
  );
}
