import { SIGNUP_FIELDS, SIGNUP_PATH } from "@/lib/newsletters/form-fields";
import { InlineSignup } from "./inline-signup";

export type SignupNewsletter = { id: string; name: string; consentText: string };

// The sign-up form: a plain HTML form that posts without JavaScript (the server answers with a
// page), enhanced by InlineSignup to answer in place. Nothing in it is per reader: story pages
// that carry it are cached for everyone. `idPrefix` keeps ids unique when a page has two forms.
export function SignupForm({ newsletter, sourceArticleId, idPrefix }: { newsletter: SignupNewsletter; sourceArticleId?: string; idPrefix: string }) {
  const emailId = `${idPrefix}-email`;
  const consentId = `${idPrefix}-consent`;
  return (
    <InlineSignup className="newsletter-form" action={SIGNUP_PATH}>
      <input type="hidden" name={SIGNUP_FIELDS.newsletterId} value={newsletter.id} />
      {sourceArticleId && <input type="hidden" name={SIGNUP_FIELDS.sourceArticleId} value={sourceArticleId} />}
      <label htmlFor={emailId}>Your email address</label>
      <div className="newsletter-form-row">
        <input id={emailId} type="email" name={SIGNUP_FIELDS.email} required maxLength={254} autoComplete="email" inputMode="email" aria-describedby={consentId} />
        <button type="submit" className="button">
          Sign up
        </button>
      </div>
      <p id={consentId} className="newsletter-consent">
        {newsletter.consentText}
      </p>
      {/* For bots only: people neither see nor hear it, and cannot tab to it. */}
      <div className="newsletter-trap" aria-hidden="true">
        <label htmlFor={`${idPrefix}-website`}>Leave this empty</label>
        <input id={`${idPrefix}-website`} type="text" name={SIGNUP_FIELDS.honeypot} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </InlineSignup>
  );
}
