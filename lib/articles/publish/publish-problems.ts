// The shape of a publish-gate refusal, shared by the gate (publish-gate.ts) and the editor that
// shows it: each problem's message and where it is fixed.
export type ProblemTarget =
  | { kind: "field"; field: "headline" | "standfirst" | "sectionId" | "bylines" }
  // The hero and/or the figures showing this picture; detail: what to fix on it.
  | { kind: "photo"; mediaId: string; detail: "altText" | "credit" | "rights" }
  // The first block of this type whose attribute has this value (null: a teaser with no story).
  | { kind: "block"; type: string; attr: string; value: string | null };

export type PublishProblem = { message: string; target: ProblemTarget };

export const PUBLISH_REFUSAL = "This story cannot be published yet";

// A refusal's details: `problems` keeps the messages alone (what callers have always read),
// `publishProblems` adds where each is fixed.
export type PublishRefusalDetails = { problems: string[]; publishProblems: PublishProblem[] };
