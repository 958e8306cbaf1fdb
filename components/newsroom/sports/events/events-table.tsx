// The newsroom's list of events: one row each, the name linking to its edit page.
import type { EventRow } from "@/lib/sports/desk/events-queries";

export function EventsTable({ rows }: { rows: EventRow[] }) {
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" aria-labelledby="events-heading">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Participants</th>
            <th scope="col">Competition</th>
            <th scope="col">Start (UTC)</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={`/newsroom/sports/events/${row.id}`}>{row.name}</a>
                {row.stage && <div className="muted">{row.stage}</div>}
              </td>
              <td>{row.sides || <span className="muted">none yet</span>}</td>
              <td>{row.competition ?? <span className="muted">none</span>}</td>
              <td>{row.startsAt ? row.startsAt.replace("T", " ").slice(0, 16) : <span className="muted">not set</span>}</td>
              <td>{row.status?.toLowerCase() ?? <span className="muted">not known</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
