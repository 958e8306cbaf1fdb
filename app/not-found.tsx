import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found" };

// The site's 404: shown for unknown URLs, unknown slugs and stories that are not published.
export default function NotFound() {
  return (
    <main id="main" className="site-main not-found">
      <p className="kicker">Error 404</p>
      <h1 className="headline">We couldn&apos;t find that page</h1>
      <p>The story may have been moved or taken down, or the address may be mistyped.</p>
      <p>
        <a className="button" href="/">
          Go to the front page
        </a>
      </p>
    </main>
  );
}
