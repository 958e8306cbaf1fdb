// Search and filters of the library grid: a plain GET form, so a filtered view is a link.
import type { CreditOptions, LibraryFilters } from "@/lib/media/library/library-queries";

const NEEDS_LABELS = { alt: "No alt text", credit: "No credit", any: "No alt text or no credit" } as const;
const RIGHTS_LABELS = { expiring: "Expiring within 7 days", expired: "Expired" } as const;

type Props = { filters: LibraryFilters; options: CreditOptions };

export function MediaFilters({ filters, options }: Props) {
  return (
    <form className="library-filters" method="get" role="search" aria-label="Search the media library">
      <label>
        Search
        <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder="Caption, alt text, photographer, credit" />
      </label>
      <label>
        Agency
        <select name="agency" defaultValue={filters.agency ?? ""}>
          <option value="">Any</option>
          {options.agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Photographer
        <select name="photographer" defaultValue={filters.photographer ?? ""}>
          <option value="">Anyone</option>
          {options.photographers.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Missing
        <select name="needs" defaultValue={filters.needs ?? ""}>
          <option value="">Nothing in particular</option>
          {Object.entries(NEEDS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Rights
        <select name="rights" defaultValue={filters.rights ?? ""}>
          <option value="">Any</option>
          {Object.entries(RIGHTS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" name="unused" value="1" defaultChecked={Boolean(filters.unused)} /> Unused only
      </label>
      <button type="submit">Filter</button>
      <a href="/newsroom/media">Clear</a>
    </form>
  );
}
