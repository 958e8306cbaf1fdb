// What a story's newsletter sign-up blocks show (lib/editor/body-records.ts): the newsletters they
// name and the main one. Read from the data cache's list of newsletters on offer (a handful of
// rows every story shares, dropped with cacheTags.newsletters), so a story page with a sign-up
// block costs no statement once any page has read the list, and one before. A block naming a
// newsletter archived since finds nothing and is left out.
import "server-only";
import type { NewsletterBlockRecords } from "../editor/body-records";
import type { BodyNode } from "../editor/types";
import { getOfferedNewsletters, type NewsletterOffer } from "./queries";

export function newsletterBlocksNeed(blocks: readonly BodyNode[]): boolean {
  return blocks.some((node) => node.type === "newsletterSignup");
}

const view = ({ id, name, description, consentText }: NewsletterOffer) => ({ id, name, description, consentText });

export async function newsletterBlockRecords(ids: string[], sourceArticleId: string): Promise<NewsletterBlockRecords> {
  const offered = await getOfferedNewsletters();
  const named = new Set(ids);
  const main = offered.find((newsletter) => newsletter.isMain);
  return { byId: new Map(offered.filter((newsletter) => named.has(newsletter.id)).map((newsletter) => [newsletter.id, view(newsletter)])), main: main ? view(main) : null, sourceArticleId };
}
