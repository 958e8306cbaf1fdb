import type { Metadata } from "next";
import { ErrorView } from "@/components/site/error-view";

export const metadata: Metadata = { title: "Story removed", robots: { index: false } };

// Shown with status 410 at the address of a story the newsroom has unpublished (proxy.ts
// rewrites those addresses here; see lib/articles/page/gone.ts).
export default function GonePage() {
  return (
    <ErrorView code="Error 410" title="This story has been removed">
      <p>The newsroom has taken this story down. It is no longer available on this site.</p>
    </ErrorView>
  );
}
