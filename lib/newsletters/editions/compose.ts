// An edition's email, prepared once and then addressed to each recipient. The HTML (React Email's
// render, which is asynchronous) and the text part are made once per edition with stand-in
// addresses for the recipient's own links; compose() swaps in each recipient's signed links, so
// sending to 10,000 subscribers renders the template once, not 10,000 times.
import "server-only";
import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { render } from "@react-email/components";
import { AppError } from "../../errors";
import { siteConfig } from "../../site-config";
import { EditionEmail, type EditionEmailProps } from "../email/edition-email";
import { editionText } from "../email/edition-text";
import type { ComposedEmail, EmailRecipient, PreparedEdition } from "../types";
import { loadEditionContent, type EditionContent } from "./content";
import { editionDateLine } from "./layout";

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

// The whole email for one set of links: also what the newsroom's preview shows.
export async function renderEditionEmail(content: EditionContent, links: EditionEmailProps["links"]): Promise<{ html: string; text: string }> {
  const props: EditionEmailProps = { content, dateLine: editionDateLine(content), site: { name: siteConfig.name, url: siteConfig.url, locale: siteConfig.locale }, links };
  return { html: await render(createElement(EditionEmail, props)), text: editionText(props) };
}

export async function prepareEdition(editionId: string): Promise<PreparedEdition> {
  const content = await loadEditionContent(editionId);
  if (!content) throw new AppError("NOT_FOUND", "That edition no longer exists.");
  // Stand-ins no story text can hold by chance (a fresh random id per edition).
  const nonce = randomUUID();
  const stand = { manageUrl: `https://recipient.invalid/${nonce}/manage`, unsubscribeUrl: `https://recipient.invalid/${nonce}/unsubscribe` };
  const { html, text } = await renderEditionEmail(content, stand);
  // A subject is one header line whatever was typed.
  const subject = content.subject.replace(/\s+/g, " ").trim();
  const fill = (template: string, recipient: EmailRecipient, encode: (value: string) => string) =>
    template.replaceAll(stand.manageUrl, encode(recipient.manageUrl)).replaceAll(stand.unsubscribeUrl, encode(recipient.unsubscribeUrl));
  const { newsletter } = content;
  return {
    editionId: content.id,
    newsletter: { newsletterId: newsletter.id, slug: newsletter.slug, name: newsletter.name, senderName: newsletter.senderName, senderAddress: newsletter.senderAddress },
    compose: (recipient: EmailRecipient): ComposedEmail => ({ subject, html: fill(html, recipient, escapeHtml), text: fill(text, recipient, (value) => value) }),
  };
}
