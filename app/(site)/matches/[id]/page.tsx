import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MatchPageView } from "@/components/site/sports/match-page-view";
import { getMatchPage } from "@/lib/sports/pages/match-page";
import { eventTitle, matchHref, headToHead } from "@/lib/sports/pages/views";
import "../../sports.css";

type Props = { params: Promise<{ id: string }> };

// Record ids are short runs of letters and digits; anything else is a 404 without a lookup.
const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

async function readMatchPage({ params }: Props) {
  const { id } = await params;
  return EVENT_ID.test(id) ? getMatchPage(id) : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const page = await readMatchPage(props);
  if (!page) return {};
  const match = headToHead(page);
  const score = match && match.home.score !== null && match.away.score !== null ? ` ${match.home.score}–${match.away.score}` : "";
  const title = `${eventTitle(page)}${score}`;
  const where = [page.competition?.name, page.competition?.season, page.venue].filter(Boolean).join(", ");
  return {
    title,
    description: where ? `${eventTitle(page)}: ${where}.` : undefined,
    alternates: { canonical: matchHref(page.id) },
    openGraph: { title, url: matchHref(page.id), type: "website" },
  };
}

export default async function MatchPage(props: Props) {
  const page = await readMatchPage(props);
  if (!page) notFound();
  return <MatchPageView page={page} />;
}
