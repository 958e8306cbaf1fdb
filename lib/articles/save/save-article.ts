// Saving a story: the one write path for every field, the body and the records it refers to.
// Optimistic concurrency: the save names the version it started from; if someone saved since,
// it is refused with 409 and their name, and nothing is written.
import "server-only";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { staleVersionError } from "../../concurrency";
import { assertCan, type Actor } from "../../permissions";
import { relatedLinksOf } from "../../editor/blocks/related-story";
import { embedsOf } from "../../editor/blocks/embed";
import { snapshotNewEmbeds } from "../../embeds/snapshot";
import { parseBody, parseStoryBody, type ParsedBody } from "../../editor/validate";
import type { BodyDoc } from "../../editor/types";
import type { Prisma } from "../../generated/sqlite/client";
import { recordAudit } from "../../audit/record";
import { parseSaveArticleInput, slugify, type ArticleInput } from "../schema";
import { assertSlugFree, checkReferences } from "./check-references";
import { syncCaptions, syncQuotes, syncRelatedLinks, syncSidebars } from "./record-sync";
import { isSameSnapshot, keepRevision } from "../history/revisions";
import { readSnapshot, storyColumns } from "../history/snapshot";
import { writtenStory } from "./written-story";
import { readPageKeys, refreshPublicPages, type PageKeys } from "../refresh";
import { indexArticle } from "../../search/index-article";
import { ensureStoryTags } from "../../tags/story-tags";
import { isSameStory, keepsWorkingCopy, normalizeSnapshot, readEditableSnapshot, storeWorkingCopy } from "../publish/working-copy";
import { ArticleInput as ArticleInputSchema } from "../schema";

export type SaveResult = { version: number; updatedAt: string; isChanged: boolean };

export async function loadForWrite(tx: Tx, articleId: string) {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      version: true,
      status: true,
      slug: true,
      createdById: true,
      heroCaptionId: true,
      deletedAt: true,
      publishAt: true,
      embargoUntil: true,
      section: { select: { slug: true } },
      lastEditedBy: { select: { name: true } },
      deletedBy: { select: { name: true } },
    },
  });
  if (!article) throw new AppError("NOT_FOUND", "That story does not exist (it may have been deleted).");
  // A story in the trash takes no writes (a tab left open on it would otherwise keep saving into
  // it, or publish it): it must be restored first.
  if (article.deletedAt) {
    const who = article.deletedBy?.name ?? "Someone";
    throw new AppError("CONFLICT", `${who} moved this story to the trash. Nothing was saved: restore it from the trash to go on editing.`, { trashed: true });
  }
  return article;
}

// Takes the story for this write: bumps its version only if it is still the one the person saw.
// The guarded UPDATE is what makes two concurrent saves safe on PostgreSQL too: the second waits
// for the first's row lock, then finds the version changed and matches nothing.
// Raw SQL so that Prisma's @updatedAt stays put: readers see Article.updatedAt as the story's
// "Updated" time, which a save to the working copy of a live story must not move.
export async function claimVersion(tx: Tx, articleId: string, expectedVersion: number, editorId: string | null): Promise<number> {
  const claimed = await tx.$executeRaw`UPDATE "Article" SET "version" = "version" + 1, "lastEditedById" = ${editorId} WHERE "id" = ${articleId} AND "version" = ${expectedVersion}`;
  if (claimed === 0) throw staleStoryError(await loadForWrite(tx, articleId), expectedVersion);
  return expectedVersion + 1;
}

// The story's stale-version refusal: the editor merges on it (details name both versions).
export function staleStoryError(current: { version: number; lastEditedBy: { name: string } | null }, expected: number): AppError {
  return staleVersionError({ savedBy: current.lastEditedBy?.name ?? null, label: "this story", recovery: "merge", versions: { current: current.version, expected } });
}

// New tags are created as the saver's story tags, capped per person (lib/tags/story-tags.ts).
// The story's tags are written in one batch; they are returned in order (ids, and the names the
// story now shows: an existing tag keeps its own spelling).
async function syncTags(tx: Tx, articleId: string, names: string[], editorId: string | null): Promise<{ id: string; name: string }[]> {
  const unique = [...new Map(names.map((name) => [slugify(name), name])).entries()].filter(([slug]) => slug);
  await tx.articleTag.deleteMany({ where: { articleId } });
  const found = await ensureStoryTags(tx, unique, editorId);
  const tags = unique.map(([slug]) => found.get(slug)!);
  if (tags.length) await tx.articleTag.createMany({ data: tags.map((tag, position) => ({ articleId, tagId: tag.id, position })) });
  return tags;
}

async function syncBylines(tx: Tx, articleId: string, bylines: ArticleInput["bylines"]): Promise<void> {
  await tx.articleByline.deleteMany({ where: { articleId } });
  if (bylines.length) await tx.articleByline.createMany({ data: bylines.map((b, position) => ({ articleId, profileId: b.profileId, role: b.role, position })) });
}

// The story's teams, athletes and events, in the editor's order (checkReferences has checked they exist).
async function syncSportsLinks(tx: Tx, articleId: string, article: Pick<ArticleInput, "teamIds" | "athleteIds" | "eventIds">): Promise<void> {
  await Promise.all([tx.articleTeam.deleteMany({ where: { articleId } }), tx.articleAthlete.deleteMany({ where: { articleId } }), tx.articleSportsEvent.deleteMany({ where: { articleId } })]);
  if (article.teamIds.length) await tx.articleTeam.createMany({ data: article.teamIds.map((teamId, position) => ({ articleId, teamId, position })) });
  if (article.athleteIds.length) await tx.articleAthlete.createMany({ data: article.athleteIds.map((athleteId, position) => ({ articleId, athleteId, position })) });
  if (article.eventIds.length) await tx.articleSportsEvent.createMany({ data: article.eventIds.map((eventId, position) => ({ articleId, eventId, position })) });
}

async function syncHeroCaption(tx: Tx, articleId: string, heroCaptionId: string | null, hero: ArticleInput["hero"]): Promise<string | null> {
  if (!hero) return null;
  if (heroCaptionId) {
    await tx.caption.update({ where: { id: heroCaptionId }, data: { mediaId: hero.mediaId, text: hero.caption, version: { increment: 1 } } });
    return heroCaptionId;
  }
  return (await tx.caption.create({ data: { articleId, mediaId: hero.mediaId, text: hero.caption }, select: { id: true } })).id;
}

// `body`: the article's body as parseStoryBody read it (one walk: what it refers to, its text).
export async function writeArticle(
  tx: Tx,
  articleId: string,
  heroCaptionId: string | null,
  article: ArticleInput,
  body: ParsedBody,
  sidebars: { id: string; heading: string; body: BodyDoc }[],
  editorId: string | null,
) {
  const refs = body.facts.references;
  await checkReferences(tx, refs, article);
  await assertSlugFree(tx, articleId, article.slug);
  await syncQuotes(tx, articleId, refs.quoteIds, article.quotes);
  await syncSidebars(tx, articleId, refs.sidebarIds, sidebars);
  await syncRelatedLinks(tx, articleId, relatedLinksOf(body.facts.blocks));
  const tags = await syncTags(tx, articleId, article.tagNames, editorId);
  await syncBylines(tx, articleId, article.bylines);
  await syncSportsLinks(tx, articleId, article);
  const nextHeroCaptionId = await syncHeroCaption(tx, articleId, heroCaptionId, article.hero);
  await syncCaptions(tx, articleId, refs, article.captions, nextHeroCaptionId);
  const saved = await tx.article.update({
    where: { id: articleId },
    data: {
      ...storyColumns(article),
      heroMediaId: article.hero?.mediaId ?? null,
      heroCaptionId: nextHeroCaptionId,
      body: body.doc as Prisma.InputJsonValue,
      bodyText: body.facts.text,
      lastEditedById: editorId,
    },
    select: { version: true, updatedAt: true, status: true, slug: true, section: { select: { slug: true } } },
  });
  // What the public pages know the story by now, from what was just written (not read back).
  const pageKeys: PageKeys = {
    id: articleId,
    sectionId: article.sectionId,
    tagIds: tags.map((t) => t.id),
    profileIds: article.bylines.map((b) => b.profileId),
    teamIds: article.teamIds,
    athleteIds: article.athleteIds,
    eventIds: article.eventIds,
  };
  const written = writtenStory(
    article,
    body,
    sidebars,
    tags.map((t) => t.name),
    nextHeroCaptionId,
    saved.status,
  );
  return { ...saved, pageKeys, ...written };
}

export async function saveArticle(actor: Actor | null, rawInput: unknown): Promise<SaveResult> {
  const input = parseSaveArticleInput(rawInput);
  return persistArticle(actor, { ...input, kind: input.isAutosave ? "AUTOSAVE" : "SAVE" });
}

// afterWrite: a caller's own writes in the same transaction (the wire desk clears a pending
// update it applied), so the save and they commit or fail together.
type PersistInput = { articleId: string; expectedVersion: number; kind: "SAVE" | "AUTOSAVE" | "RESTORE"; article: ArticleInput; afterWrite?: (tx: Tx, saved: SaveResult) => Promise<void> };

// Shared by saving and restoring a revision (a restore is a save of an old snapshot).
export async function persistArticle(actor: Actor | null, input: PersistInput): Promise<SaveResult> {
  const body = parseStoryBody(input.article.body);
  const sidebars = input.article.sidebars.map((s) => ({ ...s, body: parseBody(s.body, "sidebar") }));
  const article = { ...input.article, body: body.doc };
  // Before the transaction (no network inside one), and only for someone who may edit the story.
  const actorId = actor?.id ?? "";
  await snapshotNewEmbeds(embedsOf(body.facts.blocks), actorId, async () => void assertCan(actor, "article.edit", await loadForWrite(db, input.articleId)));
  let refresh: PageKeys[] = [];
  const write = async (tx: Tx): Promise<SaveResult> => {
    const current = await loadForWrite(tx, input.articleId);
    assertCan(actor, "article.edit", current);
    if (current.version !== input.expectedVersion) throw staleStoryError(current, input.expectedVersion);
    if (keepsWorkingCopy(current.status)) return saveToWorkingCopy(tx, actor, current, input.kind, { ...article, sidebars }, body);
    const before = await readSnapshot(tx, current.id);
    if (isSameSnapshot(before, { ...article, sidebars })) {
      return { version: current.version, updatedAt: new Date().toISOString(), isChanged: false };
    }
    const oldKeys = await readPageKeys(tx, current.id);
    await claimVersion(tx, current.id, input.expectedVersion, actor.id);
    const saved = await writeArticle(tx, current.id, current.heroCaptionId, article, body, sidebars, actor.id);
    await indexArticle(tx, current.id, saved.search);
    await keepRevision(tx, { articleId: current.id, articleVersion: saved.version, authorId: actor.id, kind: input.kind, snapshot: saved.snapshot });
    if (input.kind !== "AUTOSAVE")
      await recordAudit(tx, { actorId: actor.id, action: input.kind === "RESTORE" ? "article.restore" : "article.save", entityType: "Article", entityId: current.id, details: { version: saved.version } });
    if (saved.status === "PUBLISHED") {
      await addSlugRedirect(tx, current, saved);
      refresh = [oldKeys, saved.pageKeys];
    }
    return { version: saved.version, updatedAt: saved.updatedAt.toISOString(), isChanged: true };
  };
  const result = await db.$transaction(async (tx) => {
    const saved = await write(tx);
    await input.afterWrite?.(tx, saved);
    return saved;
  });
  if (refresh.length) refreshPublicPages(...refresh);
  return result;
}

// A live (published or scheduled) story: the save goes to its working copy, checked the way a
// save of the story itself is, and readers see nothing of it until the live story is updated.
async function saveToWorkingCopy(tx: Tx, actor: Actor, current: { id: string; version: number }, kind: PersistInput["kind"], snapshot: ArticleInput, body: ParsedBody): Promise<SaveResult> {
  const before = await readEditableSnapshot(tx, current.id);
  if (isSameStory(before, snapshot)) return { version: current.version, updatedAt: new Date().toISOString(), isChanged: false };
  await checkReferences(tx, body.facts.references, snapshot);
  await assertSlugFree(tx, current.id, snapshot.slug);
  const version = await claimVersion(tx, current.id, current.version, actor.id);
  await storeWorkingCopy(tx, current.id, snapshot, actor.id);
  await keepRevision(tx, { articleId: current.id, articleVersion: version, authorId: actor.id, kind, snapshot: normalizeSnapshot(snapshot) });
  if (kind !== "AUTOSAVE")
    await recordAudit(tx, { actorId: actor.id, action: kind === "RESTORE" ? "article.restore" : "article.save", entityType: "Article", entityId: current.id, details: { version, workingCopy: true } });
  return { version, updatedAt: new Date().toISOString(), isChanged: true };
}

// A published story whose address changed keeps answering at the old one (301 to the new).
// `after` is the story as writeArticle left it.
type StoryAddress = { slug: string; section: { slug: string } | null };

export async function addSlugRedirect(tx: Tx, current: StoryAddress, after: StoryAddress): Promise<void> {
  if (!current.section || !after.section) return;
  const fromPath = `/${current.section.slug}/${current.slug}`;
  const toPath = `/${after.section.slug}/${after.slug}`;
  if (fromPath === toPath) return;
  await tx.redirect.updateMany({ where: { toPath: fromPath }, data: { toPath } });
  await tx.redirect.upsert({ where: { fromPath }, update: { toPath }, create: { fromPath, toPath } });
  await tx.redirect.deleteMany({ where: { fromPath: toPath } });
}

// A draft written for a person by the system (the wire import, lib/wire/import.ts, which checked
// their permission): the same validation and write as a save, then the search index, a revision
// and the audit entry, in the caller's transaction. Only ever a draft: a live story is refused.
// No editor for the tag cap: an agency's subjects are not one person typing new tags.
export async function writeSystemDraft(tx: Tx, articleId: string, version: number, input: ArticleInput, actorId: string, audit: { action: string; details: Prisma.InputJsonValue }): Promise<void> {
  const current = await loadForWrite(tx, articleId);
  if (current.status !== "DRAFT") throw new AppError("CONFLICT", "Only a draft can be written from the wire; this story is no longer a draft.");
  const checked = ArticleInputSchema.safeParse(input);
  if (!checked.success) throw new AppError("INVALID", `The draft is not valid: ${checked.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  const parsed = checked.data;
  const body = parseStoryBody(parsed.body);
  const written = await writeArticle(tx, articleId, current.heroCaptionId, { ...parsed, body: body.doc }, body, [], null);
  await tx.article.update({ where: { id: articleId }, data: { lastEditedById: actorId } });
  await indexArticle(tx, articleId, written.search);
  await keepRevision(tx, { articleId, articleVersion: version, authorId: actorId, kind: "SAVE", snapshot: written.snapshot });
  await recordAudit(tx, { actorId, action: audit.action, entityType: "Article", entityId: articleId, details: audit.details });
}
