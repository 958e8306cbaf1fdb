// "Make this a story" on the live desk: a new draft story from one entry, the way the wire desk
// makes one from an agency item. The draft starts with the entry's text and blocks, the entry's
// authors as its bylines and the live story's section, and ends with a related-story link back to
// the live coverage; an internal note says where it came from. The entry itself is unchanged.
// Permission: whoever may create stories and post to this coverage (a contributor only when on
// its byline). The version is the entry the person saw: promoting an entry edited meanwhile is a
// 409, and a deleted one is 410.
import "server-only";
import { db } from "../db";
import { staleRecordError } from "../concurrency";
import { assertCan, type Actor } from "../permissions";
import { insertEmptyDraft } from "../articles/create-article";
import { addInternalNote } from "../articles/notes";
import { writeSystemDraft } from "../articles/save/save-article";
import type { ArticleInput } from "../articles/schema";
import type { BodyDoc, BodyNode } from "../editor/types";
import { draftSlug } from "../wire/draft";
import { entryHeadline } from "./headline";
import { loadEntryForWrite, refuseDeleted } from "./load";
import { EntryRefInput } from "./schema";

export type PromotedEntry = { articleId: string; href: string };

export const LINK_BACK_LABEL = "From our live coverage:";

export async function promoteEntry(actor: Actor | null, raw: unknown): Promise<PromotedEntry> {
  assertCan(actor, "article.create");
  const input = EntryRefInput.parse(raw);
  return db.$transaction(async (tx) => {
    const { entry, story } = await loadEntryForWrite(tx, input.entryId);
    assertCan(actor, "live.post", story);
    refuseDeleted(entry);
    if (entry.version !== input.expectedVersion) throw await staleRecordError(tx, { entityType: "LiveEntry", entityId: entry.id, label: "this entry" });
    const full = await tx.liveEntry.findUniqueOrThrow({
      where: { id: entry.id },
      select: { body: true, bodyText: true, coverage: { select: { article: { select: { id: true, headline: true, sectionId: true } } } } },
    });
    const live = full.coverage.article;
    const headline = entryHeadline(full);
    const slug = draftSlug(headline, "live-entry");
    const draft = await insertEmptyDraft(tx, slug, actor.id);
    const body = (typeof full.body === "string" ? JSON.parse(full.body) : full.body) as BodyDoc;
    const linkBack: BodyNode = { type: "relatedStory", attrs: { articleId: live.id, label: LINK_BACK_LABEL } };
    const draftInput: ArticleInput = {
      kicker: "",
      headline,
      standfirst: "",
      slug,
      sectionId: live.sectionId,
      agencyLine: "",
      tagNames: [],
      bylines: entry.authors.map((author) => ({ profileId: author.profileId, role: "REPORTER" as const })),
      teamIds: [],
      athleteIds: [],
      eventIds: [],
      hero: null,
      body: { type: "doc", content: [...(body.content ?? []), linkBack] },
      quotes: [],
      captions: [],
      sidebars: [],
    };
    await writeSystemDraft(tx, draft.id, draft.version, draftInput, actor.id, { action: "live.promote-entry", details: { entryId: entry.id, liveArticleId: live.id } });
    await addInternalNote(tx, { articleId: draft.id, text: `Made from a live entry in “${live.headline}” by ${actor.name}.`, authorId: actor.id });
    return { articleId: draft.id, href: `/newsroom/stories/${draft.id}` };
  });
}
