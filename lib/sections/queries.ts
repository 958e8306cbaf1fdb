// Sections for navigation and section pages (cached; dropped by any section write).
import "server-only";
import { cached } from "../cache/tagged-cache";
import { db } from "../db";
import { assertCan, type Actor } from "../permissions";

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

// For the sections screen (admins only): every field, with how many stories each holds.
export async function listSectionsForAdmin(actor: Actor | null) {
  assertCan(actor, "section.manage");
  const rows = await db.section.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    include: { _count: { select: { articles: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, stories: _count.articles }));
}
