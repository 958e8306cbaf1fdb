// How a related-story suggestion is scored and explained (pure, shared by the query and the editor).
// Weights, most specific first: sharing the event (the same match or race) says most about a
// story, then an athlete, then a team (a club plays every week), then a tag (broad topics).
export const SHARED_WEIGHTS = { events: 4, athletes: 3, teams: 2, tags: 1 } as const;

export type SharedCounts = Record<keyof typeof SHARED_WEIGHTS, number>;

const KINDS = Object.keys(SHARED_WEIGHTS) as (keyof typeof SHARED_WEIGHTS)[];
const WORDS: Record<keyof typeof SHARED_WEIGHTS, [string, string]> = {
  events: ["shared event", "shared events"],
  athletes: ["shared athlete", "shared athletes"],
  teams: ["shared team", "shared teams"],
  tags: ["tag", "tags"],
};

export function scoreOf(counts: SharedCounts): number {
  return KINDS.reduce((sum, kind) => sum + SHARED_WEIGHTS[kind] * counts[kind], 0);
}

// "1 shared event, 2 shared teams, 1 tag": the kinds shared, most weighty first.
export function describeShared(counts: SharedCounts): string {
  return KINDS.filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${WORDS[kind][counts[kind] === 1 ? 0 : 1]}`)
    .join(", ");
}
