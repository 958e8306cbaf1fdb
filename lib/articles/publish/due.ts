// Which scheduled stories are due to be published. A story scheduled before its embargo
// (scheduling refuses that; this is the second lock) waits until the embargo has passed. No
// imports: the metrics (lib/observability/queue-depths.ts) count due stories with it too.
export const isDue = (now: Date) => ({ status: "SCHEDULED" as const, publishAt: { lte: now }, OR: [{ embargoUntil: null }, { embargoUntil: { lte: now } }] });
