// What a wire item writes into its draft, in the shape the editor saves (ArticleInput), so the
// story goes through the same write path as an editor's save (lib/articles/save-article.ts).
import { randomBytes } from "node:crypto";
import { newRecordId } from "../editor/record-id";
import type { BodyNode } from "../editor/types";
import type { ArticleInput } from "../articles/schema";
import { slugify } from "../articles/schema";
import { wireBodyToDoc } from "./body";
import type { WireItem } from "./types";

export type DraftPicture = { mediaId: string; caption: string };

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

// Subjects and keywords as tags: each name once (by slug), at most the 20 a story may carry.
function tagNamesOf(item: WireItem): string[] {
  const bySlug = new Map<string, string>();
  for (const name of [...item.subjects, ...item.keywords]) {
    const trimmed = cut(name.trim(), 60);
    const slug = slugify(trimmed);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, trimmed);
  }
  return [...bySlug.values()].slice(0, 20);
}

// The first picture is the story's hero; the others follow the text as photo blocks.
export function draftInput(item: WireItem, slug: string, agencyName: string | null, pictures: DraftPicture[]): ArticleInput {
  const doc = wireBodyToDoc(item.body, item.dateline);
  const [hero, ...inBody] = pictures;
  const captions = inBody.map((picture) => ({ id: newRecordId(), mediaId: picture.mediaId, text: cut(picture.caption, 1000) }));
  const figures: BodyNode[] = captions.map((caption) => ({ type: "figure", attrs: { mediaId: caption.mediaId, captionId: caption.id } }));
  const isEmpty = doc.content?.length === 1 && !doc.content[0].content;
  const body = figures.length ? { ...doc, content: [...(isEmpty ? [] : (doc.content ?? [])), ...figures] } : doc;
  return {
    kicker: "",
    headline: cut(item.headline || item.pictures[0]?.headline || "", 200),
    standfirst: cut(item.abstract, 600),
    slug,
    sectionId: null,
    agencyLine: agencyName ? cut(`with ${agencyName}`, 200) : "",
    tagNames: tagNamesOf(item),
    bylines: [],
    teamIds: [],
    athleteIds: [],
    eventIds: [],
    hero: hero ? { mediaId: hero.mediaId, caption: cut(hero.caption, 1000) } : null,
    body,
    quotes: [],
    captions,
    sidebars: [],
  };
}

// A draft's address: its headline's slug with a short random tail (agencies reuse headlines).
export function draftSlug(headline: string, fallback = "wire"): string {
  return `${slugify(headline).slice(0, 100).replace(/-+$/, "") || fallback}-${randomBytes(3).toString("hex")}`;
}
