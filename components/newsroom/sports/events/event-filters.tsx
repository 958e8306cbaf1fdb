// The event list's search and filters: a plain GET form, so a filtered list has an address.
import type { EventFilters } from "@/lib/sports/desk/events-queries";
import { EVENT_STATUSES } from "@/lib/sports/desk/events-schema";

type Props = { filters: EventFilters; seasons: { id: string; name: string }[] };

export function EventFiltersForm({ filters, seasons }: Props) {
  return (
    <form className="filters" method="get" role="search" aria-label="Filter events">
      <label className="field">
        <span>Search name, venue or stage</span>
        <input type="search" name="q" defaultValue={filters.q ?? ""} maxLength={200} />
      </label>
      <label className="field">
        <span>Competition season</span>
        <select name="competitionSeasonId" defaultValue={filters.competitionSeasonId ?? ""}>
          <option value="">Any</option>
          {seasons.map((season) => (
            <option key={season.id} value={season.id}>
              {season.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Status</span>
        <select name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any</option>
          {EVENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}
