import { describe, expect, it } from "vitest";
import { canStepFrom, isWorkflowStep } from "./workflow-steps";

describe("the workflow's steps", () => {
  it("names only the declared steps, not whatever an object inherits", () => {
    expect(["submit", "publish", "schedule", "unpublish", "returnToDraft"].every(isWorkflowStep)).toBe(true);
    for (const name of ["toString", "constructor", "__proto__", "Publish", "", 1, null, undefined, { step: "publish" }]) expect(isWorkflowStep(name)).toBe(false);
  });

  it("starts a step only from the statuses it allows", () => {
    expect(canStepFrom("submit", "DRAFT")).toBe(true);
    expect(canStepFrom("submit", "IN_REVIEW")).toBe(false);
    expect(canStepFrom("publish", "PUBLISHED")).toBe(false);
    expect(canStepFrom("unpublish", "SCHEDULED")).toBe(true);
    expect(canStepFrom("unpublish", "DRAFT")).toBe(false);
    expect(canStepFrom("returnToDraft", "DRAFT")).toBe(false);
    expect(canStepFrom("returnToDraft", "UNPUBLISHED")).toBe(true);
  });
});
