// What the story editor's sign-up block may offer: the newsletters on offer, by name. Anyone who
// may enter the newsroom (and so write a story) may read the list.
import "server-only";
import { assertCan, type Actor } from "../permissions";
import { listOfferedNewsletters } from "./queries";

export type NewsletterChoice = { id: string; name: string; isMain: boolean };

export async function newsletterChoices(actor: Actor | null): Promise<NewsletterChoice[]> {
  assertCan(actor, "newsroom.enter");
  return (await listOfferedNewsletters()).map(({ id, name, isMain }) => ({ id, name, isMain }));
}
