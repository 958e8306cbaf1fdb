import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchivedEdition } from "@/components/site/newsletter/archived-edition";
import { getArchivedEdition } from "@/lib/newsletters/editions/archive";

type Props = { params: Promise<{ slug: string; editionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, editionId } = await params;
  const edition = await getArchivedEdition(slug, editionId);
  return edition ? { title: `${edition.subject} (${edition.newsletter.name})`, alternates: { canonical: `/newsletter/archive/${slug}/${editionId}` } } : {};
}

// Only a SENT edition is a page; a draft, a scheduled or a cancelled one is not found.
export default async function ArchivedEditionPage({ params }: Props) {
  const { slug, editionId } = await params;
  const edition = await getArchivedEdition(slug, editionId);
  if (!edition) notFound();
  return <ArchivedEdition edition={edition} />;
}
