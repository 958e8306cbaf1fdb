// Writes a built story with better-sqlite3 prepared statements: exactly the rows the app's write
// path leaves for a story an editor created (createArticle), saved once (saveArticle →
// writeArticle, record-sync, keepRevision) and published (workflow.publishArticle), and the
// search index as lib/search/index-article.ts reindexArticle writes it. Keep in step with:
// prisma/schema.prisma, lib/articles/{create-article,save-article,record-sync,workflow,
// revisions,snapshot}.ts, lib/search/{index-article,document}.ts.
import type Database from "better-sqlite3";
import { toSearchDocument } from "../../lib/search/document";
import { cuid, sqliteDate } from "./ids";
import type { StoryRows } from "./story";

const SQL = {
  article: `INSERT INTO "Article" ("id","slug","sectionId","kicker","headline","standfirst","agencyLine","heroMediaId","heroCaptionId","body","bodyText","status","publishAt","publishedAt","firstPublishedAt","createdById","lastEditedById","version","createdAt","updatedAt")
    VALUES (@id,@slug,@sectionId,@kicker,@headline,@standfirst,@agencyLine,@heroMediaId,@heroCaptionId,@body,@bodyText,@status,NULL,@publishedAt,@publishedAt,@editorId,@editorId,@version,@createdAt,@updatedAt)`,
  byline: `INSERT INTO "ArticleByline" ("id","articleId","profileId","position","role") VALUES (?,?,?,?,?)`,
  tag: `INSERT INTO "ArticleTag" ("articleId","tagId","position") VALUES (?,?,?)`,
  caption: `INSERT INTO "Caption" ("id","articleId","mediaId","text","version","createdAt","updatedAt") VALUES (?,?,?,?,1,?,?)`,
  quote: `INSERT INTO "Quote" ("id","articleId","text","speaker","speakerDescription","context","version","createdAt","updatedAt") VALUES (?,?,?,?,?,?,1,?,?)`,
  sidebar: `INSERT INTO "Sidebar" ("id","articleId","heading","body","version","createdAt","updatedAt") VALUES (?,?,?,?,1,?,?)`,
  related: `INSERT INTO "RelatedLink" ("id","fromArticleId","toArticleId","label","position","version","createdAt","updatedAt") VALUES (?,?,?,?,?,1,?,?)`,
  revision: `INSERT INTO "Revision" ("id","articleId","articleVersion","kind","snapshot","authorId","createdAt") VALUES (?,?,?,?,?,?,?)`,
  audit: `INSERT INTO "AuditEntry" ("id","actorId","action","entityType","entityId","details","ip","createdAt") VALUES (?,?,?,'Article',?,?,NULL,?)`,
  searchKey: `INSERT INTO "ArticleSearchKey" ("articleId","sectionId","publishedAt") VALUES (?,?,julianday(?))`,
  search: `INSERT INTO "ArticleSearch" (rowid,"headline","standfirst","body","captions","quotes") VALUES (?,?,?,?,?,?)`,
} as const;

type Statements = { [K in keyof typeof SQL]: Database.Statement };

// What lib/articles/history/snapshot.ts readSnapshot returns for the story, key for key.
function snapshotOf(story: StoryRows) {
  return {
    kicker: story.kicker,
    headline: story.headline,
    standfirst: story.standfirst,
    slug: story.slug,
    sectionId: story.sectionId,
    agencyLine: story.agencyLine,
    tagNames: story.tags.map((tag) => tag.name),
    bylines: story.bylines.map(({ profileId, role }) => ({ profileId, role })),
    // Bench stories are linked to no teams, athletes or events.
    teamIds: [],
    athleteIds: [],
    eventIds: [],
    hero: { mediaId: story.hero.mediaId, caption: story.hero.caption },
    body: story.body,
    quotes: story.quotes.map(({ id, text, speaker, speakerDescription, context }) => ({ id, text, speaker, speakerDescription, context })),
    captions: story.captions.map(({ id, mediaId, text }) => ({ id, mediaId, text })),
    sidebars: [{ id: story.sidebar.id, heading: story.sidebar.heading, body: story.sidebar.body }],
  };
}

export class StoryWriter {
  private readonly statements: Statements;

  constructor(
    sqlite: Database.Database,
    private readonly editorId: string,
  ) {
    this.statements = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, sqlite.prepare(sql)])) as Statements;
  }

  // Created two hours before it went out, saved (all its records written) 30 minutes before.
  writePublished(story: StoryRows, publishedAt: Date): void {
    const created = new Date(publishedAt.getTime() - 2 * 3_600_000);
    const saved = new Date(publishedAt.getTime() - 30 * 60_000);
    // Publishing changes nothing a snapshot holds: the publish revision repeats the save's.
    const snapshot = JSON.stringify(snapshotOf(story));
    this.writeArticle(story, { status: "PUBLISHED", version: 3, createdAt: created, updatedAt: publishedAt, publishedAt });
    this.writeSave(story, created, saved, snapshot);
    const at = sqliteDate(publishedAt);
    this.statements.revision.run(cuid(), story.id, 3, "PUBLISH", snapshot, this.editorId, at);
    this.statements.audit.run(cuid(), this.editorId, "article.publish", story.id, JSON.stringify({ from: "DRAFT", to: "PUBLISHED" }), at);
    this.writeSearch(story, at);
  }

  // A draft saved with everything publishing needs, not yet published (so not in the index).
  writeDraft(story: StoryRows, savedAt: Date): void {
    const created = new Date(savedAt.getTime() - 60 * 60_000);
    this.writeArticle(story, { status: "DRAFT", version: 2, createdAt: created, updatedAt: savedAt, publishedAt: null });
    this.writeSave(story, created, savedAt, JSON.stringify(snapshotOf(story)));
  }

  private writeArticle(story: StoryRows, state: { status: string; version: number; createdAt: Date; updatedAt: Date; publishedAt: Date | null }): void {
    this.statements.article.run({
      id: story.id,
      slug: story.slug,
      sectionId: story.sectionId,
      kicker: story.kicker,
      headline: story.headline,
      standfirst: story.standfirst,
      agencyLine: story.agencyLine,
      heroMediaId: story.hero.mediaId,
      heroCaptionId: story.hero.captionId,
      body: JSON.stringify(story.body),
      bodyText: story.bodyText,
      status: state.status,
      version: state.version,
      editorId: this.editorId,
      publishedAt: state.publishedAt ? sqliteDate(state.publishedAt) : null,
      createdAt: sqliteDate(state.createdAt),
      updatedAt: sqliteDate(state.updatedAt),
    });
  }

  // createArticle's audit line, then one save: records in writeArticle's order (quotes, sidebars,
  // related links, tags, bylines, hero caption, body captions), each a millisecond apart so
  // "ORDER BY createdAt" reads them back in that order, then the revision and the audit line.
  private writeSave(story: StoryRows, created: Date, saved: Date, snapshot: string): void {
    const s = this.statements,
      id = story.id;
    s.audit.run(cuid(), this.editorId, "article.create", id, null, sqliteDate(created));
    let tick = saved.getTime();
    const next = () => sqliteDate(new Date(tick++));
    for (const q of story.quotes) {
      const at = next();
      s.quote.run(q.id, id, q.text, q.speaker, q.speakerDescription, q.context, at, at);
    }
    const sidebarAt = next();
    s.sidebar.run(story.sidebar.id, id, story.sidebar.heading, JSON.stringify(story.sidebar.body), sidebarAt, sidebarAt);
    const linksAt = next();
    story.related.forEach((link, position) => s.related.run(cuid(), id, link.toArticleId, link.label, position, linksAt, linksAt));
    story.tags.forEach((tag, position) => s.tag.run(id, tag.id, position));
    story.bylines.forEach((byline, position) => s.byline.run(byline.id, id, byline.profileId, position, byline.role));
    for (const c of [{ id: story.hero.captionId, mediaId: story.hero.mediaId, text: story.hero.caption }, ...story.captions]) {
      const at = next();
      s.caption.run(c.id, id, c.mediaId, c.text, at, at);
    }
    const at = sqliteDate(saved);
    s.revision.run(cuid(), id, 2, "SAVE", snapshot, this.editorId, at);
    s.audit.run(cuid(), this.editorId, "article.save", id, JSON.stringify({ version: 2 }), at);
  }

  private writeSearch(story: StoryRows, publishedAt: string): void {
    const doc = toSearchDocument({
      headline: story.headline,
      standfirst: story.standfirst,
      bodyText: story.bodyText,
      sidebars: [story.sidebar],
      captions: [{ text: story.hero.caption }, ...story.captions],
      quotes: story.quotes,
    });
    const docId = this.statements.searchKey.run(story.id, story.sectionId, publishedAt).lastInsertRowid;
    this.statements.search.run(docId, doc.headline, doc.standfirst, doc.body, doc.captions, doc.quotes);
  }
}
