// Where the newsletter sender reports each delivery's outcome for the metrics
// (lib/observability/metrics.ts). A hook on globalThis, as for the scheduler's runs
// (scheduler-runs.ts): the sender runs in the Next.js bundle, the metrics are served by the
// server script, and `npm run newsletters:send` has none at all.
export type NewsletterDeliveryOutcome = "sent" | "retry" | "failed" | "bounced" | "skipped" | "lost";

declare global {
  var pressboxNewsletterDeliveryHook: ((outcome: NewsletterDeliveryOutcome) => void) | undefined;
}

export function noteNewsletterDelivery(outcome: NewsletterDeliveryOutcome): void {
  globalThis.pressboxNewsletterDeliveryHook?.(outcome);
}

export function onNewsletterDelivery(hook: (outcome: NewsletterDeliveryOutcome) => void): void {
  globalThis.pressboxNewsletterDeliveryHook = hook;
}
