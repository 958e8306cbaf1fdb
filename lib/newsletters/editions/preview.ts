// The newsroom's preview of an edition's email: exactly what compose() sends, addressed to a
// sample reader whose preferences and unsubscribe links lead nowhere (no real subscriber's signed
// link is ever shown in the newsroom). Editors only.
import "server-only";
import { z } from "zod";
import { notFound } from "../../concurrency";
import { assertCan, type Actor } from "../../permissions";
import { idInput } from "../../text-input";
import { absoluteUrl } from "../../site-config";
import { renderEditionEmail } from "./compose";
import { loadEditionContent } from "./content";

const PreviewInput = z.object({ newsletterId: idInput(), editionId: idInput(), format: z.enum(["html", "text"], { error: "must be html or text" }) });

export const SAMPLE_LINKS = { manageUrl: absoluteUrl("/newsletter/preferences?token=preview"), unsubscribeUrl: absoluteUrl("/newsletter/unsubscribe?token=preview") };

export async function previewEdition(actor: Actor | null, raw: unknown): Promise<{ contentType: string; body: string }> {
  assertCan(actor, "edition.edit");
  const input = PreviewInput.parse(raw);
  const content = await loadEditionContent(input.editionId);
  if (!content || content.newsletter.id !== input.newsletterId) throw notFound("That edition");
  const { html, text } = await renderEditionEmail(content, SAMPLE_LINKS);
  return input.format === "html" ? { contentType: "text/html; charset=utf-8", body: html } : { contentType: "text/plain; charset=utf-8", body: `Subject: ${content.subject}\n\n${text}` };
}
