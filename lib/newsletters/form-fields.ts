// The sign-up form's field names, shared by the form (components/site/story/newsletter-signup.tsx)
// and the route that reads it. `honeypot`: a field people never see nor hear (hidden from
// assistive tech too); bots that fill every field fill it.
export const SIGNUP_FIELDS = { email: "email", newsletterId: "newsletterId", sourceArticleId: "sourceArticleId", honeypot: "website" } as const;

export const SIGNUP_PATH = "/api/newsletter/subscribe";

// The most a sign-up, unsubscribe or preferences form can need (an address, a few ids).
export const MAX_FORM_BYTES = 8 * 1024;

// What /newsletter says when a form posted without JavaScript was refused.
export const SIGNUP_ERRORS = {
  invalid: "Enter a valid email address, like name@example.com.",
  gone: "That newsletter is no longer offered. Choose one below.",
  "too-many": "Too many sign-ups from here just now. Please try again in a few minutes.",
} as const;

export type SignUpErrorCode = keyof typeof SIGNUP_ERRORS;
