// Everything the public article page shows, read in a fixed number of queries whatever the
// number of photos, quotes, sidebars or related stories: the article with its own records, then
// the media and the stories its body refers to.
import { db } from "../db";
import { collectReferences } from "../editor/references";
import type { BodyDoc } from "../editor/types";
import { mediaCacheTags, mediaViewInclude, toMediaView, type MediaView } from "../media/views";
import { cacheTags } from "../cache/tags";
import type { StoryCard } from "../listings/story-card";
import { articleHref } from "./href";
import { loadRelatedStories } from "../listings/related";

export { articleHref } from "./href";

export type RelatedTeaser = { id: string; headline: string; kicker: string; href: string };

export type QuoteView = { id: string; text: string; speaker: string; speakerDescription: string; context: string };

export type SidebarView = { id: string; heading: string; body: BodyDoc };

export type BodyRecords = {
  media: Map<string, MediaView>;
  captions: Map<string, string>;
  quotes: Map<string, QuoteView>;
  sidebars: Map<string, SidebarView>;
  articles: Map<string, RelatedTeaser>;
};

export type ArticlePage = {
  id: string;
  slug: string;
  href: string;
  kicker: string;
  headline: string;
  standfirst: string;
  agencyLine: string;
  section: { id: string; name: string; slug: string };
  bylines: { id: string; name: string; slug: string; jobTitle: string; role: string }[];
  tags: { id: string; name: string; slug: string }[];
  hero: { media: MediaView; caption: string } | null;
  body: BodyDoc;
  records: BodyRecords;
  notes: { id: string; kind: string; text: string; createdAt: string }[];
  // The body's linked stories first, then stories sharing its tags or section.
  related: StoryCard[];
  publishedAt: string;
  updatedAt: string;
};

const articleInclude = {
  section: { select: { id: true, name: true, slug: true } },
  bylines: { orderBy: { position: "asc" }, include: { profile: { select: { id: true, name: true, slug: true, jobTitle: true } } } },
  tags: { orderBy: { position: "asc" }, include: { tag: { select: { id: true, name: true, slug: true } } } },
  heroMedia: { include: mediaViewInclude },
  heroCaption: { select: { text: true } },
  captions: { select: { id: true, text: true } },
  quotes: { select: { id: true, text: true, speaker: true, speakerDescription: true, context: true } },
  sidebars: { select: { id: true, heading: true, body: true } },
  notes: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, text: true, createdAt: true } },
} as const;

async function loadBodyTargets(body: BodyDoc, article: { id: string; sectionId: string | null; tags: { tag: { id: string } }[] }) {
  const refs = collectReferences(body);
  const relatedSource = { id: article.id, sectionId: article.sectionId, tagIds: article.tags.map((t) => t.tag.id), linkedIds: refs.articleIds };
  const [media, articles, related] = await Promise.all([
    refs.mediaIds.length
      ? db.media.findMany({ where: { id: { in: refs.mediaIds } }, include: mediaViewInclude })
      : Promise.resolve([]),
    refs.articleIds.length
      ? db.article.findMany({
          where: { id: { in: refs.articleIds }, status: "PUBLISHED" },
          select: { id: true, slug: true, headline: true, kicker: true, section: { select: { slug: true } } },
        })
      : Promise.resolve([]),
    loadRelatedStories(db, relatedSource),
  ]);
  return { media, articles, related };
}

// Loads a story by slug. `onlyPublished` is false for previews of drafts.
export async function loadArticlePage(slug: string, onlyPublished = true): Promise<{ page: ArticlePage; tags: string[] } | null> {
  const article = await db.article.findFirst({
    where: onlyPublished ? { slug, status: "PUBLISHED" } : { slug },
    include: articleInclude,
  });
  if (!article) return null;
  // A draft may have no section yet; only a preview shows one like that.
  if (!article.section && onlyPublished) return null;
  const section = article.section ?? { id: "", name: "No section yet", slug: "" };
  const body = article.body as unknown as BodyDoc;
  const targets = await loadBodyTargets(body, article);
  const now = new Date();
  const records: BodyRecords = {
    media: new Map(targets.media.map((m) => [m.id, toMediaView(m, now)])),
    captions: new Map(article.captions.map((c) => [c.id, c.text])),
    quotes: new Map(article.quotes.map((q) => [q.id, q])),
    sidebars: new Map(article.sidebars.map((s) => [s.id, { ...s, body: s.body as unknown as BodyDoc }])),
    articles: new Map(
      targets.articles
        .filter((a) => a.section)
        .map((a) => [a.id, { id: a.id, headline: a.headline, kicker: a.kicker, href: articleHref(a.section!.slug, a.slug) }]),
    ),
  };
  const page: ArticlePage = {
    id: article.id,
    slug: article.slug,
    href: articleHref(section.slug, article.slug),
    kicker: article.kicker,
    headline: article.headline,
    standfirst: article.standfirst,
    agencyLine: article.agencyLine,
    section,
    bylines: article.bylines.map((b) => ({ ...b.profile, role: b.role })),
    tags: article.tags.map((t) => t.tag),
    hero: article.heroMedia
      ? { media: toMediaView(article.heroMedia, now), caption: article.heroCaption?.text ?? article.heroMedia.defaultCaption }
      : null,
    body,
    records,
    notes: article.notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
    related: targets.related.stories,
    publishedAt: (article.publishedAt ?? article.updatedAt).toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
  const tags = [
    cacheTags.article(article.id),
    cacheTags.section(section.id),
    ...article.bylines.map((b) => cacheTags.byline(b.profile.id)),
    ...article.tags.map((t) => cacheTags.tag(t.tag.id)),
    ...(article.heroMedia ? mediaCacheTags(article.heroMedia) : []),
    ...targets.media.flatMap(mediaCacheTags),
    ...targets.articles.map((a) => cacheTags.article(a.id)),
    ...targets.related.tags,
  ];
  return { page, tags };
}
