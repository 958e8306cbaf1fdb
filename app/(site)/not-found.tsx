import type { Metadata } from "next";
import { NotFoundView } from "@/components/site/not-found-view";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// A reader page's 404 (unknown slug, unpublished draft, page past the end of a listing), inside
// the site's header and footer. (When a dynamic page calls notFound(), Next.js 16 sends the 404
// status with this rendered in the browser rather than in the HTML: vercel/next.js#62228.)
export default function SiteNotFound() {
  return <NotFoundView />;
}
