import type { ReactNode } from "react";

// A wide table scrolls inside its own box, never the page (390 px phones): the box is a labelled,
// focusable region so keyboard users can scroll it too.
export function ScrollTable({ label, caption, className, children }: { label: string; caption: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className="sports-table-scroll" role="region" aria-label={`${label} table`} tabIndex={0}>
      <table className={className ? `sports-table ${className}` : "sports-table"}>
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
