import type { ParsedBody } from "../../editor/validate";
import type { IndexSource } from "../../search/index-article";
import type { ArticleSnapshot } from "../history/snapshot";
import { normalizeSnapshot } from "../publish/working-copy";
import type { ArticleInput } from "../schema";

// The story as writeArticle left its rows, from what it wrote (nothing is read back): the revision
// snapshot, in the shape normalizeSnapshot gives (the records the body uses, in a stable order),
// and the text search indexes.
export function writtenStory(article: ArticleInput, body: ParsedBody, sidebars: ArticleInput["sidebars"], tagNames: string[], heroCaptionId: string | null, status: string) {
  const normalized = normalizeSnapshot({ ...article, sidebars }, body.facts.references);
  const snapshot: ArticleSnapshot = { ...normalized, tagNames, captions: normalized.captions.filter((c) => c.id !== heroCaptionId) };
  const search: IndexSource = {
    status,
    headline: snapshot.headline,
    standfirst: snapshot.standfirst,
    bodyText: body.facts.text,
    sidebars: snapshot.sidebars.map((sidebar) => ({ heading: sidebar.heading, body: sidebar.body })),
    captions: [...(snapshot.hero ? [{ text: snapshot.hero.caption }] : []), ...snapshot.captions],
    quotes: snapshot.quotes,
  };
  return { snapshot, search };
}
