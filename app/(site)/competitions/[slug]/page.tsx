import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CompetitionPageView } from "@/components/site/sports/competition-page-view";
import { isPublicSlug } from "@/lib/listings/listing-page";
import { getCompetitionPage } from "@/lib/sports/pages/competition-page";
import { competitionHref, parseSeasonParam } from "@/lib/sports/pages/views";
import "../../sports.css";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ season?: string | string[] }> };

// The latest season, or the one `?season=` names; null: no such competition or season (404).
async function readCompetitionPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const season = parseSeasonParam((await searchParams).season);
  if (!isPublicSlug(slug) || season === undefined) return null;
  return getCompetitionPage(slug, season);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const page = await readCompetitionPage(props);
  if (!page) return {};
  const title = [page.competition.name, page.season?.name].filter(Boolean).join(" ");
  // The latest season's address is the bare one, however it was asked for.
  const season = page.season;
  const path = !season || season.id === page.seasons[0]?.id ? competitionHref(page.competition.slug) : competitionHref(page.competition.slug, season.name);
  return {
    title,
    description: `Results, fixtures, tables and stories: ${title}.`,
    alternates: { canonical: path },
    openGraph: { title, url: path, type: "website" },
  };
}

export default async function CompetitionPage(props: Props) {
  const page = await readCompetitionPage(props);
  if (!page) notFound();
  return <CompetitionPageView page={page} />;
}
