import type { ReactNode } from "react";

type Props = { code: string; title: string; children: ReactNode };

// The 404 and 410 pages: what happened, and ways on (front page, search).
export function ErrorView({ code, title, children }: Props) {
  return (
    <div className="error-page">
      <p className="kicker">{code}</p>
      <h1 className="headline">{title}</h1>
      {children}
      <form className="error-search" action="/search" role="search">
        <label htmlFor="error-search-q">Search our stories</label>
        <div className="search-row">
          <input id="error-search-q" name="q" type="search" maxLength={500} />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
      <p>
        <a className="button button--quiet" href="/">
          Go to the front page
        </a>
      </p>
    </div>
  );
}
