// A competition season's next or last N matches: when, who (with the score once played) and status.
import type { FixturesView } from "@/lib/sports/blocks/views";
import { AsOf, SportsTable, competitionLine, eventTitle, startText, statusWord } from "./sports-table";

export function FixturesList({ list, direction }: { list: FixturesView; direction: "next" | "last" }) {
  const liveEvent = list.events.find((event) => event.status === "LIVE");
  const what = direction === "next" ? "Fixtures" : "Results";
  return (
    <SportsTable kind="fixtures" caption={<>{[what, competitionLine(list.competition, list.season)].filter(Boolean).join(": ")}</>} footer={liveEvent ? <AsOf iso={liveEvent.updatedAt} live /> : undefined}>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Match</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {list.events.map((event) => (
          <tr key={event.id}>
            <td>{startText(event)}</td>
            <th scope="row">
              <a href={event.href}>{eventTitle(event)}</a>
            </th>
            <td>{statusWord(event.status)}</td>
          </tr>
        ))}
        {list.events.length === 0 ? (
          <tr>
            <td colSpan={3}>{direction === "next" ? "No matches scheduled." : "No results yet."}</td>
          </tr>
        ) : null}
      </tbody>
    </SportsTable>
  );
}
