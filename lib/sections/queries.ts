// Sections for navigation and section pages (cached; dropped by any section write).
import { cached } from "../cache/tagged-cache";
import { db } from "../db";

export type SectionSummary = { id: string; name: string; slug: string; description: string };

export const SECTIONS_TAG = "sections";

export async function getSections(): Promise<SectionSummary[]> {
  return cached("sections", async () => ({
    value: await db.section.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, slug: true, description: true },
    }),
    tags: [SECTIONS_TAG],
  }));
}

export async function getSectionBySlug(slug: string): Promise<SectionSummary | null> {
  const sections = await getSections();
  return sections.find((section) => section.slug === slug) ?? null;
}
