// Where the scheduler reports each of its runs for the metrics (lib/observability/metrics.ts).
// A hook on globalThis rather than an import of the metrics: the scheduler runs in the Next.js
// bundle, the metrics are served by the server script, and `npm run publish-due` has none at all.
// No imports, so the scheduler loads nothing more for it.
export type SchedulerOutcome = "ran" | "skipped" | "failed";

declare global {
  var pressboxSchedulerRunHook: ((outcome: SchedulerOutcome, seconds: number) => void) | undefined;
}

export function noteSchedulerRun(outcome: SchedulerOutcome, seconds: number): void {
  globalThis.pressboxSchedulerRunHook?.(outcome, seconds);
}

export function onSchedulerRun(hook: (outcome: SchedulerOutcome, seconds: number) => void): void {
  globalThis.pressboxSchedulerRunHook = hook;
}
