// What a live story's page shows below the story: the coverage, its entries in reader order and
// the records their bodies point at (photos, linked stories), read through the tagged cache like
// the story itself (lib/articles/queries.ts). Tagged with the story, so every live write (which
// drops that tag after commit) drops this and every cached page that showed it; and with each
// photo and linked story, so a fixed credit or a renamed headline shows at once.
import "server-only";
import { db } from "../db";
import { cached } from "../cache/tagged-cache";
import { cacheTags } from "../cache/tags";
import { readBody } from "../editor/references";
import type { BodyRecords } from "../editor/body-records";
import { loadMediaRecords } from "../media/media-sql";
import { loadEmbeds } from "../embeds/queries";
import { fixturesRequestsOf, loadSportsBlockRecords } from "../sports/blocks/load";
import { mediaCacheTags, toMediaView } from "../media/views";
import { selectLinkedStories } from "../articles/page/article-page-sql";
import { articleHref } from "../articles/href";
import { changesSince, entriesForReaders, type LiveChanges } from "./queries";
import type { LiveCoverageView, LiveEntryView } from "./views";

export type LivePage = { coverage: LiveCoverageView; entries: LiveEntryView[]; cursor: number; records: BodyRecords };

// The records every entry's body refers to, whatever the number of entries: two statements, and
// two more when entries hold embeds (their snapshots, then their local thumbnails).
async function loadEntryRecords(entries: LiveEntryView[]): Promise<{ records: BodyRecords; tags: string[] }> {
  const facts = entries.map((entry) => readBody(entry.body));
  const references = facts.map((f) => f.references);
  const mediaIds = [...new Set(references.flatMap((refs) => refs.mediaIds))];
  const articleIds = [...new Set(references.flatMap((refs) => refs.articleIds))];
  const embedIds = [...new Set(references.flatMap((refs) => refs.embedIds))];
  const ids = (kind: "sportsEventIds" | "standingsIds" | "medalTableIds") => [...new Set(references.flatMap((refs) => refs[kind]))];
  const sportsRefs = { sportsEventIds: ids("sportsEventIds"), standingsIds: ids("standingsIds"), medalTableIds: ids("medalTableIds") };
  const [media, stories, embeds, sports] = await Promise.all([
    loadMediaRecords(db, mediaIds),
    selectLinkedStories(db, articleIds),
    loadEmbeds(db, embedIds),
    loadSportsBlockRecords(db, sportsRefs, fixturesRequestsOf(facts.flatMap((f) => f.blocks))),
  ]);
  const now = new Date();
  const records: BodyRecords = {
    media: new Map(media.map((record) => [record.id, toMediaView(record, now)])),
    captions: new Map(),
    quotes: new Map(),
    sidebars: new Map(),
    embeds: new Map(embeds.embeds.map((embed) => [embed.id, embed])),
    sports: sports.records,
    // Live entries offer no sign-up form (the story's own body does).
    newsletters: { byId: new Map(), main: null, sourceArticleId: null },
    articles: new Map(stories.flatMap((s) => (s.sectionSlug === null ? [] : [[s.id, { id: s.id, headline: s.headline, kicker: s.kicker, href: articleHref(s.sectionSlug, s.slug) }] as const]))),
  };
  // A linked story not yet public must refresh this page when it is published.
  const tags = [...media.flatMap(mediaCacheTags), ...embeds.thumbnails.flatMap(mediaCacheTags), ...articleIds.map((id) => cacheTags.article(id)), ...sports.tags];
  return { records, tags };
}

// null: the story has no live coverage readers may see (not live, a draft, under embargo).
export function getLivePage(articleId: string): Promise<LivePage | null> {
  return cached(`live-page:${articleId}`, async () => {
    const own = cacheTags.article(articleId);
    const read = await entriesForReaders(articleId);
    if (!read) return { value: null, tags: [own] };
    const { records, tags } = await loadEntryRecords(read.entries);
    return { value: { ...read, records }, tags: [own, ...tags] };
  });
}

// changesSince through the tagged cache: pollers and streams asking from the same cursor share
// one read until the next live write drops the story's tag (each write moves readers to a new
// cursor, so a handful of keys per story are alive at a time). A cursor beyond the newest change
// starts over, as changesSince does, before it names a cache entry: made-up cursors cannot fill
// the cache.
export async function getLiveChanges(articleId: string, cursor: number): Promise<LiveChanges | null> {
  const live = await getLivePage(articleId);
  if (!live) return null;
  const from = cursor > live.cursor ? 0 : cursor;
  return cached(`live-changes:${articleId}:${from}`, async () => ({ value: await changesSince({ articleId, cursor: from }), tags: [cacheTags.article(articleId)] }));
}
