import type { SectionSummary } from "@/lib/sections/queries";

export function SiteHeader({ siteName, sections }: { siteName: string; sections: SectionSummary[] }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header-inner">
        <a className="site-name" href="/">
          {siteName}
        </a>
        <nav aria-label="Sections">
          <ul className="section-nav">
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`/${section.slug}`}>{section.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <a className="site-search-link" href="/search">
          Search
        </a>
      </div>
    </header>
  );
}
