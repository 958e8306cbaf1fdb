import type { ReactNode } from "react";

// A story carrying the reader's byline that someone else wrote: readable, not editable.
export function BylineStoryView({ status, children }: { status: string; children: ReactNode }) {
  return (
    <section className="byline-story" aria-label="Story under your byline">
      <p className="admin-breadcrumb">
        <a href="/newsroom/stories">← Stories</a>
      </p>
      <div className="notice" role="status">
        <p>This story carries your byline ({status.replace("_", " ").toLowerCase()}). The desk edits it; here is how it reads.</p>
      </div>
      {children}
    </section>
  );
}
