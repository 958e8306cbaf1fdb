// A story's workflow, declared once: each step's name, the permission it needs, the statuses it
// may start from, where it leads and what the audit log calls it. The server runs them
// (workflow.ts); the editor's workflow bar offers the ones the story's status allows. No database
// here, so the editor's client code can import it.
import type { Action } from "../permissions";

export type StoryStatus = "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED" | "UNPUBLISHED";

type Step = { action: Action; from: readonly StoryStatus[]; to: StoryStatus; audit: string };

export const WORKFLOW_STEPS = {
  submit: { action: "article.submit", from: ["DRAFT"], to: "IN_REVIEW", audit: "article.submit" },
  publish: { action: "article.publish", from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"], to: "PUBLISHED", audit: "article.publish" },
  schedule: { action: "article.schedule", from: ["DRAFT", "IN_REVIEW", "UNPUBLISHED", "SCHEDULED"], to: "SCHEDULED", audit: "article.schedule" },
  unpublish: { action: "article.unpublish", from: ["PUBLISHED", "SCHEDULED"], to: "UNPUBLISHED", audit: "article.unpublish" },
  returnToDraft: { action: "article.publish", from: ["IN_REVIEW", "UNPUBLISHED", "SCHEDULED"], to: "DRAFT", audit: "article.return-to-draft" },
} as const satisfies Record<string, Step>;

export type WorkflowStep = keyof typeof WORKFLOW_STEPS;

// Anything a caller posts as a step name: only the declared ones are steps (not "toString").
export function isWorkflowStep(value: unknown): value is WorkflowStep {
  return typeof value === "string" && Object.hasOwn(WORKFLOW_STEPS, value);
}

export function canStepFrom(step: WorkflowStep, status: string): boolean {
  return (WORKFLOW_STEPS[step].from as readonly string[]).includes(status);
}
