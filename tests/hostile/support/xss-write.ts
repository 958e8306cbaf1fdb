// Writes an XSS plan through the newsroom's own write path, in-process: sections, byline profiles,
// agencies, photographers and uploads through their lib/ commands, stories through createArticle,
// saveArticle (the editor's save, with server-side body validation) and publishArticle. Import
// this module only after DATABASE_URL and MEDIA_DIR point at the test's database (lib/db reads them).
import { createAgency } from "../../../lib/agencies/commands";
import { createArticle } from "../../../lib/articles/create-article";
import { saveArticle } from "../../../lib/articles/save/save-article";
import { publishArticle } from "../../../lib/articles/workflow";
import { createBylineProfile } from "../../../lib/bylines/commands";
import { uploadMedia } from "../../../lib/media/upload";
import { createPhotographer } from "../../../lib/photographers/commands";
import { createSection } from "../../../lib/sections/commands";
import type { Actor } from "../../../lib/permissions";
import type { ArticleInput } from "../../../lib/articles/schema";
import type { BodyNode } from "../../../lib/editor/types";
import { newRecordId } from "../../fixtures/article-input";
import { makeImage } from "../../fixtures/images";
import { bold, doc, figure, heading, italic, link, newsletterSignup, paragraph, pullQuote, relatedStory, sidebar } from "../../fixtures/story-body";
import { nastySafeHref } from "./xss-corpus";
import type { StoryPlan, XssPlan } from "./xss-plan";

export type WrittenStory = { id: string; path: string };
export type Written = { sectionIds: string[]; profileIds: string[]; agencyIds: string[]; photographerIds: string[]; mediaIds: string[]; stories: WrittenStory[] };

async function inOrder<T, R>(items: T[], write: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) results.push(await write(item, index));
  return results;
}

// The records stories refer to. Pictures are tiny (48×32) so each upload makes small renditions.
export async function writeRecords(actor: Actor, plan: XssPlan): Promise<Omit<Written, "stories">> {
  const sectionIds = await inOrder(plan.sections, async (s, position) => (await createSection(actor, { name: s.name.text, slug: s.slug, description: s.description?.text ?? "", position })).id);
  const profileIds = await inOrder(plan.profiles, async (p) => (await createBylineProfile(actor, { name: p.name.text, slug: p.slug, bio: p.bio?.text ?? "", jobTitle: p.jobTitle?.text ?? "" })).id);
  const agencyIds = await inOrder(
    plan.agencies,
    async (a) => (await createAgency(actor, { name: a.name.text, shortCredit: a.shortCredit.text, distributor: a.distributor.text, creditFormat: "{photographer}/{agency} via {distributor}" })).id,
  );
  const photographerIds = await inOrder(plan.photographers, async (name, i) => (await createPhotographer(actor, { name: name.text, agencyId: agencyIds[i] })).id);
  const mediaIds = await inOrder(plan.media, async (m, i) => {
    const bytes = await makeImage({ seed: `xss-${i}`, width: 48, height: 32, format: "png" });
    const credit = m.creditOverride ? { creditOverride: m.creditOverride.text } : { photographerId: photographerIds[m.photographer!], agencyId: agencyIds[m.agency!] };
    return (await uploadMedia(actor, { bytes, originalName: `xss-${i}.png`, altText: m.altText.text, ...credit })).id;
  });
  return { sectionIds, profileIds, agencyIds, photographerIds, mediaIds };
}

type Records = Pick<ArticleInput, "quotes" | "captions" | "sidebars">;

function storyBody(story: StoryPlan, ids: { figureMediaId: string; storyIds: string[] }, records: Records): BodyNode {
  const captionId = newRecordId();
  records.captions.push({ id: captionId, mediaId: ids.figureMediaId, text: story.figureCaption.text });
  const quoteNodes = story.quotes.map((q) => {
    const id = newRecordId();
    records.quotes.push({ id, text: q.text.text, speaker: q.speaker.text, speakerDescription: q.speakerDescription.text, context: q.context.text });
    return pullQuote(id);
  });
  const sidebarId = newRecordId();
  records.sidebars.push({ id: sidebarId, heading: story.sidebar.heading.text, body: doc(...story.sidebar.paragraphs.map((p) => paragraph(p.text))) });
  const list = { type: "bulletList", content: story.listItems.map((item) => ({ type: "listItem", content: [paragraph(item.text)] })) };
  return doc(
    ...story.paragraphs.map((p) => paragraph(p.text)),
    ...story.headings.map((h) => heading(2, h.text)),
    ...(story.listItems.length ? [list] : []),
    ...Array.from({ length: Math.max(story.bold.length, story.italic.length) }, (_, k) =>
      paragraph(...(story.bold[k] ? [bold(story.bold[k].text)] : []), " ", ...(story.italic[k] ? [italic(story.italic[k].text)] : [])),
    ),
    ...story.linkTexts.map((t, k) => paragraph(link(t.text, nastySafeHref(story.index, k)))),
    figure(ids.figureMediaId, captionId),
    ...quoteNodes,
    sidebar(sidebarId),
    ...story.teasers.map((t) => relatedStory(ids.storyIds[t.target], t.label.text)),
    newsletterSignup(),
  );
}

function storyInput(story: StoryPlan, records: Omit<Written, "stories">, storyIds: string[]): ArticleInput {
  const figureMediaId = records.mediaIds[story.figureMedia];
  const refs: Records = { quotes: [], captions: [], sidebars: [] };
  const body = storyBody(story, { figureMediaId, storyIds }, refs);
  return {
    slug: story.slug,
    sectionId: records.sectionIds[story.section],
    kicker: story.kicker.text,
    headline: story.headline.text,
    standfirst: story.standfirst.text,
    agencyLine: story.agencyLine.text,
    tagNames: story.tags.map((t) => t.text),
    bylines: story.bylines.map((k) => ({ profileId: records.profileIds[k], role: "REPORTER" as const })),
    teamIds: [],
    athleteIds: [],
    eventIds: [],
    hero: { mediaId: records.mediaIds[story.heroMedia], caption: story.heroCaption.text },
    body,
    ...refs,
  };
}

// Every story is created, saved with all its fields and published, oldest teaser target first.
export async function writeStories(actor: Actor, plan: XssPlan, records: Omit<Written, "stories">): Promise<WrittenStory[]> {
  const storyIds: string[] = [];
  return inOrder(plan.stories, async (story) => {
    const created = await createArticle(actor, {});
    storyIds.push(created.id);
    const saved = await saveArticle(actor, { articleId: created.id, expectedVersion: created.version, article: storyInput(story, records, storyIds) });
    await publishArticle(actor, { articleId: created.id, expectedVersion: saved.version });
    const section = plan.sections[story.section];
    return { id: created.id, path: `/${section.slug}/${story.slug}` };
  });
}
