import { useId } from "react";
import type { BodyRecords } from "@/lib/editor/body-records";
import { SignupForm } from "../newsletter/signup-form";

type Props = { attrs: Record<string, unknown>; records: BodyRecords; context: string };

// The newsletter sign-up placed in a story body: the chosen newsletter (or the main one) with a
// real form. A newsletter archived or removed since, or no newsletter at all, leaves the block out:
// readers never see a form that cannot work.
export function NewsletterSignup({ attrs, records, context }: Props) {
  // Two sign-up blocks on one page need their own field ids.
  const idPrefix = `story-newsletter${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const { byId, main, sourceArticleId } = records.newsletters;
  const chosen = typeof attrs.newsletterId === "string" ? attrs.newsletterId : null;
  const newsletter = chosen ? byId.get(chosen) : main;
  if (!newsletter) {
    console.warn(`[render] ${context}: ${chosen ? `newsletter ${chosen} is not offered` : "no main newsletter"}; sign-up left out`);
    return null;
  }
  return (
    <aside className="newsletter-signup" aria-label="Newsletter">
      <p className="newsletter-signup-title">{newsletter.name}</p>
      {newsletter.description && <p>{newsletter.description}</p>}
      <SignupForm newsletter={newsletter} sourceArticleId={sourceArticleId ?? undefined} idPrefix={idPrefix} />
      <p className="newsletter-more">
        <a href="/newsletter">All our newsletters and past editions</a>
      </p>
    </aside>
  );
}
