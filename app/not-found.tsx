import type { Metadata } from "next";
import { connection } from "next/server";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { NotFoundView } from "@/components/site/not-found-view";
import { getSections } from "@/lib/sections/queries";
import { siteConfig } from "@/lib/site-config";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// The 404 for addresses no route matches, in the site's frame (reader pages that call notFound()
// use app/(site)/not-found.tsx, inside the site layout).
export default async function NotFound() {
  // Rendered per request (not at build time, which has no database), with the current sections.
  await connection();
  const sections = await getSections().catch(() => []);
  return (
    <>
      <SiteHeader siteName={siteConfig.name} sections={sections} />
      <main id="main" className="site-main">
        <NotFoundView />
      </main>
      <SiteFooter siteName={siteConfig.name} />
    </>
  );
}
