import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AthletePageView } from "@/components/site/sports/athlete-page-view";
import { listingMetadata } from "@/lib/listings/listing-metadata";
import { isPublicSlug, type PageParam } from "@/lib/listings/listing-page";
import { isPageInRange, parsePageParam } from "@/lib/listings/pagination";
import { getAthletePage } from "@/lib/sports/pages/athlete-page";
import { athleteHref } from "@/lib/sports/pages/views";
import "../../sports.css";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: PageParam }> };

// null: not an athlete, or not a page of their stories (the route answers 404).
async function readAthletePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const page = parsePageParam((await searchParams).page);
  if (!isPublicSlug(slug) || page === null) return null;
  const athlete = await getAthletePage(slug, page);
  return athlete && isPageInRange(page, athlete.stories.total, athlete.stories.pageSize) ? athlete : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const page = await readAthletePage(props);
  if (!page) return {};
  const { athlete } = page;
  const description = `Results and stories: ${[athlete.name, athlete.country, athlete.team?.name].filter(Boolean).join(", ")}.`;
  return listingMetadata({ title: athlete.name, path: athleteHref(athlete.slug), description }, (await props.searchParams).page);
}

export default async function AthletePage(props: Props) {
  const page = await readAthletePage(props);
  if (!page) notFound();
  return <AthletePageView page={page} />;
}
