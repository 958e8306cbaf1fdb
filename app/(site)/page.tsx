import type { Metadata } from "next";
import { FrontPageView } from "@/components/site/listing/front-page-view";
import { getFrontPage } from "@/lib/listings/front-page";
import { siteConfig } from "@/lib/site-config";

export const metadata: Metadata = {
  alternates: { canonical: "/", types: { "application/rss+xml": [{ url: "/feed.xml", title: siteConfig.name }] } },
  openGraph: { type: "website", url: "/", siteName: siteConfig.name, title: siteConfig.name },
};

export default async function FrontPageRoute() {
  return <FrontPageView front={await getFrontPage()} siteName={siteConfig.name} />;
}
