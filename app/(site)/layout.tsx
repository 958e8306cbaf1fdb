import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site/site-header";
import { SiteFooter } from "@/components/site/site-footer";
import { getSections } from "@/lib/sections/queries";
import { siteConfig } from "@/lib/site-config";

// Reader pages render per request from the in-process cache (lib/cache), never at build time:
// the build must not need a database, and a cached request does not query one.
export const dynamic = "force-dynamic";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const sections = await getSections();
  return (
    <>
      <SiteHeader siteName={siteConfig.name} sections={sections} />
      <main id="main" className="site-main">
        {children}
      </main>
      <SiteFooter siteName={siteConfig.name} />
    </>
  );
}
