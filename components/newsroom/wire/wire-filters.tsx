// The Wire screen's filters and search: a plain GET form, so a filtered list has an address.
import type { WireFilters } from "@/lib/wire/queries";

type Props = { filters: WireFilters; agencies: { id: string; name: string }[] };

export function WireFiltersForm({ filters, agencies }: Props) {
  return (
    <form className="filters" method="get" role="search" aria-label="Filter wire items">
      <label className="field">
        <span>Search wire text</span>
        <input type="search" name="q" defaultValue={filters.q ?? ""} maxLength={200} />
      </label>
      <label className="field">
        <span>Agency</span>
        <select name="agency" defaultValue={filters.agency ?? ""}>
          <option value="">Any</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Status</span>
        <select name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any</option>
          <option value="usable">usable</option>
          <option value="withheld">withheld</option>
          <option value="canceled">canceled</option>
        </select>
      </label>
      <label className="field">
        <span>Draft</span>
        <select name="draft" defaultValue={filters.draft ?? ""}>
          <option value="">Any</option>
          <option value="yes">has a draft</option>
          <option value="no">no draft</option>
        </select>
      </label>
      <label className="field field--checkbox">
        <input type="checkbox" name="embargoed" value="1" defaultChecked={Boolean(filters.embargoed)} /> Under embargo now
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}
