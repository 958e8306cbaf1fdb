import { useId, type ReactNode } from "react";

// A boxed sub-story inside an article.
export function SidebarBox({ heading, children }: { heading: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <aside className="story-sidebar" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {children}
    </aside>
  );
}
