import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TeamPageView } from "@/components/site/sports/team-page-view";
import { listingMetadata } from "@/lib/listings/listing-metadata";
import { isPublicSlug, type PageParam } from "@/lib/listings/listing-page";
import { isPageInRange, parsePageParam } from "@/lib/listings/pagination";
import { getTeamPage } from "@/lib/sports/pages/team-page";
import { teamHref } from "@/lib/sports/pages/views";
import "../../sports.css";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: PageParam }> };

// null: not a team, or not a page of its stories (the route answers 404).
async function readTeamPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const page = parsePageParam((await searchParams).page);
  if (!isPublicSlug(slug) || page === null) return null;
  const team = await getTeamPage(slug, page);
  return team && isPageInRange(page, team.stories.total, team.stories.pageSize) ? team : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const page = await readTeamPage(props);
  if (!page) return {};
  const { team } = page;
  const description = `Results, fixtures and stories: ${[team.name, team.country, team.sport].filter(Boolean).join(", ")}.`;
  return listingMetadata({ title: team.name, path: teamHref(team.slug), description }, (await props.searchParams).page);
}

export default async function TeamPage(props: Props) {
  const page = await readTeamPage(props);
  if (!page) notFound();
  return <TeamPageView page={page} />;
}
