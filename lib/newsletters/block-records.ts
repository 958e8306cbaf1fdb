// What a story's newsletter sign-up blocks show (lib/editor/body-records.ts): the newsletters they
// name and the main one, read in one statement by the story page's loader.
import "server-only";
import type { NewsletterBlockRecords } from "../editor/body-records";
import type { BodyNode } from "../editor/types";
import { newslettersForBlocks, type NewsletterOffer } from "./queries";

export function newsletterBlocksNeed(blocks: readonly BodyNode[]): boolean {
  return blocks.some((node) => node.type === "newsletterSignup");
}

const view = ({ id, name, description, consentText }: NewsletterOffer) => ({ id, name, description, consentText });

export async function newsletterBlockRecords(ids: string[], sourceArticleId: string): Promise<NewsletterBlockRecords> {
  const { byId, main } = await newslettersForBlocks(ids);
  return { byId: new Map([...byId].map(([id, offer]) => [id, view(offer)])), main: main && view(main), sourceArticleId };
}
