// Lists of published stories for the front, section, tag and author pages. Each list is one
// query (plus Prisma's batched relation reads), cached under the listings tag.
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { db } from "../db";
import { mediaViewInclude, toMediaView, type MediaView } from "../media/views";
import { articleHref } from "../articles/article-page";

export type StoryCard = {
  id: string;
  href: string;
  kicker: string;
  headline: string;
  standfirst: string;
  sectionName: string;
  publishedAt: string;
  bylines: string[];
  image: MediaView | null;
};

export type ListingFilter = { sectionId?: string; tagId?: string; profileId?: string };

function whereFor(filter: ListingFilter) {
  return {
    status: "PUBLISHED" as const,
    ...(filter.sectionId ? { sectionId: filter.sectionId } : {}),
    ...(filter.tagId ? { tags: { some: { tagId: filter.tagId } } } : {}),
    ...(filter.profileId ? { bylines: { some: { profileId: filter.profileId } } } : {}),
  };
}

export async function listPublishedStories(filter: ListingFilter, limit = 20): Promise<StoryCard[]> {
  const key = `listing:${filter.sectionId ?? ""}:${filter.tagId ?? ""}:${filter.profileId ?? ""}:${limit}`;
  return cached(key, async () => {
    const rows = await db.article.findMany({
      where: whereFor(filter),
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true, slug: true, kicker: true, headline: true, standfirst: true, publishedAt: true,
        section: { select: { name: true, slug: true } },
        bylines: { orderBy: { position: "asc" }, select: { profile: { select: { name: true } } } },
        heroMedia: { include: mediaViewInclude },
      },
    });
    const now = new Date();
    const value = rows.flatMap((row) =>
      row.section
        ? [{
            id: row.id,
            href: articleHref(row.section.slug, row.slug),
            kicker: row.kicker,
            headline: row.headline,
            standfirst: row.standfirst,
            sectionName: row.section.name,
            publishedAt: (row.publishedAt ?? now).toISOString(),
            bylines: row.bylines.map((b) => b.profile.name),
            image: row.heroMedia ? toMediaView(row.heroMedia, now) : null,
          }]
        : [],
    );
    return { value, tags: [cacheTags.listings, ...rows.map((row) => cacheTags.article(row.id))] };
  });
}

export async function getTagBySlug(slug: string) {
  return cached(`tag:${slug}`, async () => {
    const tag = await db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
    return { value: tag, tags: tag ? [cacheTags.tag(tag.id), cacheTags.listings] : [cacheTags.listings] };
  });
}

export async function getBylineProfileBySlug(slug: string) {
  return cached(`byline:${slug}`, async () => {
    const profile = await db.bylineProfile.findUnique({
      where: { slug },
      select: { id: true, name: true, slug: true, jobTitle: true, bio: true },
    });
    return { value: profile, tags: profile ? [cacheTags.byline(profile.id), cacheTags.listings] : [cacheTags.listings] };
  });
}
