// What readers get of a live coverage: nothing unless the story itself is public (published and
// past any embargo: the same rule as every public reader, lib/articles/embargo/visibility.ts).
// null means "no public live coverage here" (the route answers 404).
import "server-only";
import { db } from "../db";
import { integerSetting } from "../settings";
import { publicArticleWhere } from "../articles/embargo/visibility";
import { ChangesQuery } from "./schema";
import { coverageSelect, entrySelect, toCoverageView, toEntryView, type LiveCoverageView, type LiveEntryView } from "./views";

// How long a polling reader waits before asking again: the server's kill switch under load.
export function livePollAfterMs(): number {
  return integerSetting(process.env.LIVE_POLL_AFTER_MS, 5000, 250);
}

function publicCoverage(articleId: string) {
  return db.liveCoverage.findFirst({ where: { articleId, article: publicArticleWhere() }, select: coverageSelect });
}

export async function liveCoverageOf(articleId: string): Promise<LiveCoverageView | null> {
  const coverage = await publicCoverage(articleId);
  return coverage ? toCoverageView(coverage) : null;
}

export type ReaderEntries = { coverage: LiveCoverageView; entries: LiveEntryView[]; cursor: number };

// Pinned first, then newest first (postedAt, then id); tombstones never. `cursor` is the seq to
// follow changes from: read before the entries, so a change that lands in between is sent again
// (applying it twice is harmless) rather than missed.
export async function entriesForReaders(articleId: string): Promise<ReaderEntries | null> {
  const coverage = await publicCoverage(articleId);
  if (!coverage) return null;
  const entries = await db.liveEntry.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ pinned: "desc" }, { postedAt: "desc" }, { id: "desc" }],
    select: entrySelect,
  });
  return { coverage: toCoverageView(coverage), entries: entries.map(toEntryView), cursor: coverage.lastSeq };
}

export type LiveChangeView =
  | { seq: number; kind: string; type: "entry"; entry: LiveEntryView }
  | { seq: number; kind: string; type: "tombstone"; entryId: string }
  | { seq: number; kind: string; type: "coverage"; coverage: LiveCoverageView };

export type LiveChanges = { changes: LiveChangeView[]; cursor: number; hasMore: boolean; pollAfterMs: number };

type ChangeRow = { seq: number; kind: string; entryId: string | null };

// One change per thing changed: an entry changed twice since the cursor comes once, at its latest
// seq, in its current shape (a deleted entry as a tombstone, whatever it went through before).
function latestPerThing(rows: ChangeRow[]): ChangeRow[] {
  const latest = new Map<string, ChangeRow>();
  for (const row of rows) latest.set(row.entryId ?? "coverage", row);
  return [...latest.values()].sort((a, b) => a.seq - b.seq);
}

// The changes after `cursor`, in seq order (commit order, lib/live/sequence.ts), at most `limit`;
// the cursor to ask with next; whether more are waiting; when to ask again.
export async function changesSince(raw: unknown): Promise<LiveChanges | null> {
  const query = ChangesQuery.parse(raw);
  const coverage = await publicCoverage(query.articleId);
  if (!coverage) return null;
  // A cursor beyond the newest change comes from another history (a restored database): start over.
  const cursor = query.cursor > coverage.lastSeq ? 0 : query.cursor;
  const rows = await db.liveChange.findMany({
    where: { articleId: query.articleId, seq: { gt: cursor } },
    orderBy: { seq: "asc" },
    take: query.limit + 1,
    select: { seq: true, kind: true, entryId: true },
  });
  const page = rows.slice(0, query.limit);
  const entryIds = [...new Set(page.flatMap((row) => (row.entryId ? [row.entryId] : [])))];
  const entries = entryIds.length ? await db.liveEntry.findMany({ where: { id: { in: entryIds } }, select: { ...entrySelect, deletedAt: true } }) : [];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const changes = latestPerThing(page).map((row): LiveChangeView => {
    const entry = row.entryId ? byId.get(row.entryId) : undefined;
    if (!row.entryId) return { seq: row.seq, kind: row.kind, type: "coverage", coverage: toCoverageView(coverage) };
    if (!entry || entry.deletedAt) return { seq: row.seq, kind: row.kind, type: "tombstone", entryId: row.entryId };
    return { seq: row.seq, kind: row.kind, type: "entry", entry: toEntryView(entry) };
  });
  return { changes, cursor: page.at(-1)?.seq ?? cursor, hasMore: rows.length > query.limit, pollAfterMs: livePollAfterMs() };
}
