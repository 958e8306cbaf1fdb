import type { SectionSummary } from "@/lib/sections/queries";

type Props = { text: string; section: string; from: string; to: string; sections: SectionSummary[] };

// A plain GET form: works without JavaScript, and every search has an address to share.
export function SearchForm({ text, section, from, to, sections }: Props) {
  return (
    <form className="search-form" action="/search" method="get" role="search" aria-label="Search stories">
      <label htmlFor="search-q" className="search-label">
        Search for
      </label>
      <div className="search-row">
        <input id="search-q" name="q" type="search" defaultValue={text} maxLength={500} autoComplete="off" />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      <fieldset className="search-filters">
        <legend>Narrow your search</legend>
        <div className="search-filter">
          <label htmlFor="search-section">Section</label>
          <select id="search-section" name="section" defaultValue={section}>
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s.id} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="search-filter">
          <label htmlFor="search-from">Published from</label>
          <input id="search-from" name="from" type="date" defaultValue={from} />
        </div>
        <div className="search-filter">
          <label htmlFor="search-to">Published until</label>
          <input id="search-to" name="to" type="date" defaultValue={to} />
        </div>
      </fieldset>
    </form>
  );
}
