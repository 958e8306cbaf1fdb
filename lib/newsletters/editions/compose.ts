// PLACEHOLDER composer for the sending branch: the edition's own composer (React Email template,
// pictures, credits) replaces this file at merge. Same export and signature (lib/newsletters/
// types.ts). It gives what the sender's tests rely on: the edition's subject, an HTML and a text
// part listing each story's headline with its absolute link, and the recipient's unsubscribe and
// preferences links.
import "server-only";
import { db } from "../../db";
import { AppError } from "../../errors";
import { articleHref } from "../../articles/href";
import { absoluteUrl } from "../../site-config";
import type { EmailRecipient, PreparedEdition } from "../types";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export async function prepareEdition(editionId: string): Promise<PreparedEdition> {
  const edition = await db.edition.findUnique({
    where: { id: editionId },
    select: {
      id: true,
      subject: true,
      intro: true,
      newsletter: { select: { id: true, slug: true, name: true, senderName: true, senderAddress: true } },
      items: { orderBy: { position: "asc" }, select: { heading: true, article: { select: { headline: true, slug: true, section: { select: { slug: true } } } } } },
    },
  });
  if (!edition) throw new AppError("NOT_FOUND", "That edition no longer exists.");
  const stories = edition.items.map((item) => ({
    heading: item.heading,
    headline: item.article.headline,
    url: absoluteUrl(articleHref(item.article.section?.slug ?? "news", item.article.slug)),
  }));
  const { newsletter } = edition;
  const compose = (recipient: EmailRecipient) => {
    const html = [
      `<h1>${escapeHtml(newsletter.name)}</h1>`,
      edition.intro ? `<p>${escapeHtml(edition.intro)}</p>` : "",
      ...stories.map((story) => `<p><a href="${escapeHtml(story.url)}">${escapeHtml(story.headline)}</a></p>`),
      `<p><a href="${escapeHtml(recipient.unsubscribeUrl)}">Unsubscribe</a> · <a href="${escapeHtml(recipient.manageUrl)}">Preferences</a></p>`,
    ].join("\n");
    const text = [newsletter.name, edition.intro, ...stories.map((story) => `${story.headline}\n${story.url}`), `Unsubscribe: ${recipient.unsubscribeUrl}\nPreferences: ${recipient.manageUrl}`]
      .filter(Boolean)
      .join("\n\n");
    return { subject: edition.subject, html, text };
  };
  return { editionId: edition.id, newsletter: { newsletterId: newsletter.id, ...newsletter }, compose };
}
