// Everything the public article page shows, in at most four SQL statements whatever the number of
// bylines, tags, photos, quotes, sidebars, notes or related stories: the article with its own
// records, then (together) the pictures, the stories its body links to and "more on this story";
// a body with embeds adds two (their snapshots, then their local thumbnails).
import "server-only";
import { db } from "../../db";
import { readBody } from "../../editor/references";
import type { BodyDoc } from "../../editor/types";
import type { BodyRecords } from "../../editor/body-records";
import { loadMediaRecords } from "../../media/media-sql";
import { loadEmbeds, type LoadedEmbeds } from "../../embeds/queries";
import { fixturesRequestsOf, loadSportsBlockRecords } from "../../sports/blocks/load";
import type { SportsBlockRecords } from "../../sports/blocks/views";
import { mediaCacheTags, toMediaView, type MediaRecord, type MediaView } from "../../media/views";
import { cacheTags } from "../../cache/tags";
import type { StoryCard } from "../../listings/story-card";
import { loadRelatedStories } from "../../listings/related";
import { selectArticle, selectLinkedStories, type ArticleRow, type LinkedStoryRow } from "./article-page-sql";
import { articleHref } from "../href";
import { newsletterBlockRecords, newsletterBlocksNeed } from "../../newsletters/block-records";

export { articleHref } from "../href";

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
  // The teams, athletes and events the story is tagged with (slug null: no reader page yet).
  teams: { id: string; name: string; slug: string | null }[];
  athletes: { id: string; name: string; slug: string | null }[];
  events: { id: string; name: string }[];
  hero: { media: MediaView; caption: string } | null;
  body: BodyDoc;
  records: BodyRecords;
  notes: { id: string; kind: string; text: string; createdAt: string }[];
  // The body's linked stories first, then stories sharing its tags or section.
  related: StoryCard[];
  publishedAt: string;
  updatedAt: string;
};

// linkedIds: every story the body links to, shown or not (one not yet public, or still under
// embargo, must refresh this page when it is published).
type Targets = {
  heroMedia: MediaRecord | null;
  media: MediaRecord[];
  articles: LinkedStoryRow[];
  linkedIds: string[];
  related: { stories: StoryCard[]; tags: string[] };
  embeds: LoadedEmbeds;
  sports: { records: SportsBlockRecords; tags: string[] };
  newsletters: BodyRecords["newsletters"] | null;
};

// Everything the article's body and hero point at: three statements at most, sent together (and
// one per kind of sports block: events, standings, medal tables, fixtures lists).
async function loadTargets(article: ArticleRow, body: BodyDoc): Promise<Targets> {
  const { references: refs, blocks } = readBody(body);
  const relatedSource = { id: article.id, sectionId: article.sectionId, tagIds: article.tags.map((t) => t.id), linkedIds: refs.articleIds };
  const mediaIds = [...new Set([...(article.heroMediaId ? [article.heroMediaId] : []), ...refs.mediaIds])];
  const [media, articles, related, embeds, sports, newsletters] = await Promise.all([
    loadMediaRecords(db, mediaIds),
    selectLinkedStories(db, refs.articleIds),
    loadRelatedStories(db, relatedSource),
    loadEmbeds(db, refs.embedIds),
    // The events the story is about come with its blocks' events: its JSON-LD names them.
    loadSportsBlockRecords(
      db,
      { ...refs, sportsEventIds: [...new Set([...refs.sportsEventIds, ...article.events.map((event) => event.id)])] },
      fixturesRequestsOf(blocks),
      article.teams.map((team) => team.id),
    ),
    // Only a body with a sign-up block reads newsletters (from the data cache; one statement cold).
    newsletterBlocksNeed(blocks) ? newsletterBlockRecords(refs.newsletterIds, article.id) : null,
  ]);
  const inBody = new Set(refs.mediaIds);
  return {
    heroMedia: media.find((m) => m.id === article.heroMediaId) ?? null,
    media: media.filter((m) => inBody.has(m.id)),
    articles,
    linkedIds: refs.articleIds,
    related,
    embeds,
    sports,
    newsletters,
  };
}

export async function loadArticlePage(slug: string, onlyPublished = true): Promise<{ page: ArticlePage; tags: string[] } | null> {
  const article = await selectArticle(db, slug, onlyPublished);
  if (!article) return null;
  // A draft may have no section yet; only a preview shows one like that.
  if (!article.section && onlyPublished) return null;
  const section = article.section ?? { id: "", name: "No section yet", slug: "" };
  const body = article.body;
  const targets = await loadTargets(article, body);
  const now = new Date();
  const records: BodyRecords = {
    media: new Map(targets.media.map((m) => [m.id, toMediaView(m, now)])),
    captions: new Map(article.captions.map((c) => [c.id, c.text])),
    quotes: new Map(article.quotes.map((q) => [q.id, q])),
    sidebars: new Map(article.sidebars.map((s) => [s.id, s])),
    embeds: new Map(targets.embeds.embeds.map((e) => [e.id, e])),
    sports: targets.sports.records,
    newsletters: targets.newsletters ?? { byId: new Map(), main: null, sourceArticleId: article.id },
    articles: new Map(targets.articles.flatMap((a) => (a.sectionSlug === null ? [] : [[a.id, { id: a.id, headline: a.headline, kicker: a.kicker, href: articleHref(a.sectionSlug, a.slug) }] as const]))),
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
    bylines: article.bylines,
    tags: article.tags,
    teams: article.teams,
    athletes: article.athletes,
    events: article.events,
    hero: targets.heroMedia ? { media: toMediaView(targets.heroMedia, now), caption: article.heroCaption ?? targets.heroMedia.defaultCaption } : null,
    body,
    records,
    notes: article.notes,
    related: targets.related.stories,
    publishedAt: article.publishedAt ?? article.updatedAt,
    updatedAt: article.updatedAt,
  };
  const tags = [
    cacheTags.article(article.id),
    // A draft previewed without a section has no section to be refreshed by.
    ...(section.id ? [cacheTags.section(section.id)] : []),
    ...article.bylines.map((b) => cacheTags.byline(b.id)),
    ...article.tags.map((t) => cacheTags.tag(t.id)),
    ...article.teams.map((t) => cacheTags.team(t.id)),
    ...article.athletes.map((t) => cacheTags.athlete(t.id)),
    ...article.events.map((e) => cacheTags.sportsEvent(e.id)),
    ...(targets.heroMedia ? mediaCacheTags(targets.heroMedia) : []),
    ...targets.media.flatMap(mediaCacheTags),
    ...targets.embeds.thumbnails.flatMap(mediaCacheTags),
    ...targets.linkedIds.map((id) => cacheTags.article(id)),
    ...targets.related.tags,
    ...targets.sports.tags,
    ...(targets.newsletters ? [cacheTags.newsletters] : []),
  ];
  return { page, tags };
}
