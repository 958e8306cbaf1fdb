// Turning a story into live coverage and keeping the coverage itself (status, times, match, key
// points). The desk's (live.manage). Each write is one transaction with its audit entry and its
// change for readers (lib/live/sequence.ts); the story's public pages are refreshed after commit.
import "server-only";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { expectUpdated, withUniqueCheck, type RecordRef } from "../concurrency";
import { assertCan, type Actor } from "../permissions";
import { recordAudit } from "../audit/record";
import { loadForWrite } from "../articles/save/save-article";
import { readPageKeys, refreshPublicPages } from "../articles/refresh";
import { MakeLiveCoverageInput, UpdateCoverageInput, type MatchInput } from "./schema";
import { loadCoverageForWrite } from "./load";
import { recordLiveChange } from "./sequence";
import { liveBus } from "./bus";

export type CoverageResult = { articleId: string; version: number; seq: number };

export const coverageRecord = (articleId: string): RecordRef => ({ entityType: "LiveCoverage", entityId: articleId, label: "this live coverage" });

function matchColumns(match: MatchInput | null | undefined) {
  if (match === undefined) return {};
  return {
    matchHome: match?.home ?? null,
    matchAway: match?.away ?? null,
    matchCompetition: match?.competition ?? null,
    matchVenue: match?.venue ?? null,
    matchKickoff: match?.kickoff ?? null,
  };
}

export async function makeLiveCoverage(actor: Actor | null, raw: unknown): Promise<CoverageResult> {
  assertCan(actor, "live.manage");
  const input = MakeLiveCoverageInput.parse(raw);
  const { result, keys } = await withUniqueCheck(
    () =>
      db.$transaction(async (tx) => {
        await loadForWrite(tx, input.articleId);
        if (await tx.liveCoverage.findUnique({ where: { articleId: input.articleId }, select: { articleId: true } })) throw alreadyLive();
        const data = { startsAt: input.startsAt ?? null, endsAt: input.endsAt ?? null, keyPoints: input.keyPoints ?? [], ...matchColumns(input.match) };
        await tx.liveCoverage.create({ data: { articleId: input.articleId, ...data } });
        const seq = await recordLiveChange(tx, input.articleId, { kind: "COVERAGE", entryId: null });
        await recordAudit(tx, { actorId: actor.id, action: "live.start", entityType: "LiveCoverage", entityId: input.articleId });
        return { result: { articleId: input.articleId, version: 1, seq }, keys: await readPageKeys(tx, input.articleId) };
      }),
    alreadyLive().message,
  );
  refreshPublicPages(keys);
  liveBus.publish(input.articleId, result.seq);
  return result;
}

function alreadyLive(): AppError {
  return new AppError("CONFLICT", "This story is already live coverage. Reload the page to see it.");
}

type CoverageNow = { status: string; startsAt: Date | null; endsAt: Date | null };

// The columns an update writes. Going live stamps the start (if none was set) and reopens ended
// coverage; ending stamps the end. Times given in the same update win over the stamps.
function coverageChanges(current: CoverageNow, input: UpdateCoverageInput, now: Date) {
  const status = input.status ?? current.status;
  let startsAt = input.startsAt !== undefined ? input.startsAt : current.startsAt;
  let endsAt = input.endsAt !== undefined ? input.endsAt : current.endsAt;
  if (status !== current.status && input.startsAt === undefined && status === "LIVE") startsAt ??= now;
  if (status !== current.status && input.endsAt === undefined) endsAt = status === "ENDED" ? (endsAt ?? now) : null;
  if (startsAt && endsAt && endsAt < startsAt) throw new AppError("INVALID", "Please fix: endsAt: the coverage cannot end before it starts.", { field: "endsAt" });
  return {
    ...(input.status ? { status: input.status } : {}),
    startsAt,
    endsAt,
    ...(input.keyPoints ? { keyPoints: input.keyPoints } : {}),
    ...matchColumns(input.match),
  };
}

export async function updateCoverage(actor: Actor | null, raw: unknown): Promise<CoverageResult> {
  assertCan(actor, "live.manage");
  const input = UpdateCoverageInput.parse(raw);
  const { result, keys } = await db.$transaction(async (tx: Tx) => {
    const { coverage, story } = await loadCoverageForWrite(tx, input.articleId);
    assertCan(actor, "live.manage", story);
    const data = coverageChanges(coverage, input, new Date());
    const guarded = tx.liveCoverage.updateMany({ where: { articleId: input.articleId, version: input.expectedVersion }, data: { ...data, version: { increment: 1 } } });
    await expectUpdated(guarded, tx, coverageRecord(input.articleId));
    const seq = await recordLiveChange(tx, input.articleId, { kind: "COVERAGE", entryId: null });
    const fields = Object.keys(input).filter((key) => key !== "articleId" && key !== "expectedVersion");
    const details = { fields, status: { from: coverage.status, to: data.status ?? coverage.status } };
    await recordAudit(tx, { actorId: actor.id, action: "live.update", entityType: "LiveCoverage", entityId: input.articleId, details });
    return { result: { articleId: input.articleId, version: input.expectedVersion + 1, seq }, keys: await readPageKeys(tx, input.articleId) };
  });
  refreshPublicPages(keys);
  liveBus.publish(input.articleId, result.seq);
  return result;
}
