// The change log readers follow with a cursor (lib/live/queries.ts changesSince): "everything
// after seq N". For that to be correct, a reader who has seen seq N must never later find a
// change with a smaller seq appear. Time stamps cannot promise that (two entries committed in the
// same millisecond, clocks of two servers) and neither can an autoincrement id (ids are handed
// out when a row is inserted, not when its transaction commits: seq 8 may commit before seq 7,
// and a reader polling in between would skip 7 for ever).
//
// So the seq comes from a counter on the coverage row, bumped by an UPDATE inside the very
// transaction that makes the change, and the LiveChange row is written with it:
//   - PostgreSQL: the UPDATE takes the coverage row's lock and keeps it until COMMIT. A second
//     writer of the same coverage waits on that lock, and when it gets it reads the committed
//     counter (READ COMMITTED re-reads the row an UPDATE waited for) and takes the next number.
//     So writers of one coverage are serialised from the bump to their commit: seq order is
//     commit order, and a committed seq N+1 means seq N has committed (or rolled back with its
//     whole transaction, leaving no row and no gap in what readers can ever see).
//   - SQLite: every write transaction starts with BEGIN IMMEDIATE (lib/sqlite/transactions.ts),
//     so write transactions run one at a time and the same holds trivially.
// Writers of different coverages never wait for each other. Callers bump after writing the entry
// row they change (every write locks in the same order: the entry, then the coverage), which keeps
// the coverage lock short and two writers from locking in opposite orders (no deadlock). Inserting
// an entry or a change only takes a key-share lock on the coverage row, which the bump's
// no-key UPDATE does not wait for.
import type { Tx } from "../db";

export type LiveChangeKind = "CREATED" | "EDITED" | "DELETED" | "PINNED" | "UNPINNED" | "COVERAGE";

// Takes the next seq of the coverage and records the change under it. Returns the seq.
export async function recordLiveChange(tx: Tx, articleId: string, change: { kind: LiveChangeKind; entryId: string | null }): Promise<number> {
  // One UPDATE ... SET "lastSeq" = "lastSeq" + 1: the increment is computed by the database on
  // the locked row, never read first and written back.
  const { lastSeq: seq } = await tx.liveCoverage.update({ where: { articleId }, data: { lastSeq: { increment: 1 } }, select: { lastSeq: true } });
  await tx.liveChange.create({ data: { articleId, seq, entryId: change.entryId, kind: change.kind } });
  return seq;
}
