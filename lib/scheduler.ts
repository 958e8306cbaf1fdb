// The in-process scheduler started with the server (instrumentation.ts): publishes scheduled
// stories when they fall due, withdraws pictures whose rights expired, empties the trash of
// stories deleted 30 days ago and of drafts nobody typed in, and deletes tags typed into stories
// that no story uses any more (lib/tags/story-tags.ts), and queues newsletter editions whose time
// has come (lib/newsletters/sending/queue.ts). The newsletter sender (lib/newsletters/sending/
// loop.ts) starts and stops with it, on a timer of its own. Runs never overlap, in this process nor
// across instances: each takes the scheduler lock first (lib/cluster/scheduler-lock.ts) and an
// instance that does not get it skips that run. A failed run is logged and tried again later.
import { publishDueArticles } from "./articles/publish/publish-due";
import { applyDueLiveUpdates } from "./articles/publish/update-live";
import { purgeTrash, SCHEDULER } from "./articles/trash/trash";
import { withdrawExpiredMedia } from "./media/rights/rights-expiry";
import { refreshPlannerStatistics } from "./db-statistics";
import { cleanUpUnusedTags } from "./tags/story-tags";
import { withSchedulerLock } from "./cluster/scheduler-lock";
import { queueDueEditions } from "./newsletters/sending/queue";
import { startSender, stopSender } from "./newsletters/sending/loop";
import { log } from "./observability/log";
import { noteSchedulerRun } from "./observability/scheduler-runs";

const INTERVAL_MS = Math.max(5, Number(process.env.SCHEDULER_INTERVAL_SECONDS ?? 30)) * 1000;

const STATISTICS_INTERVAL_MS = 60 * 60 * 1000;
// Nothing in the trash is due to the minute: a sweep every ten minutes (and at the first run).
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

// On globalThis: the production server (scripts/server.ts) stops the scheduler that Next.js's own
// copy of this module started.
const globalScheduler = globalThis as typeof globalThis & {
  pressboxScheduler?: ReturnType<typeof setInterval>;
  pressboxSchedulerRun?: Promise<void>;
  pressboxStatisticsAt?: number;
  pressboxPurgedAt?: number;
};

async function emptyTrash(now: Date): Promise<void> {
  if (globalScheduler.pressboxPurgedAt !== undefined && now.getTime() - globalScheduler.pressboxPurgedAt < PURGE_INTERVAL_MS) return;
  globalScheduler.pressboxPurgedAt = now.getTime();
  const report = await purgeTrash(SCHEDULER, now);
  if (report.purged.length) log.info(`[scheduler] deleted ${report.purged.length} story(ies) for good after 30 days in the trash`);
  if (report.discarded.length) log.info(`[scheduler] discarded ${report.discarded.length} empty draft(s) nobody typed in`);
  for (const kept of report.kept) log.warn(`[scheduler] kept story ${kept.id} in the trash: ${kept.reason}`);
  const tags = await cleanUpUnusedTags(now);
  if (tags.deleted.length) log.info(`[scheduler] deleted ${tags.deleted.length} tag(s) typed into stories that no story uses any more`);
}

async function queueNewsletterEditions(now: Date): Promise<void> {
  const editions = await queueDueEditions(now);
  if (editions.queued.length) log.info(`[scheduler] queued ${editions.queued.length} newsletter edition(s) for sending`);
  for (const refused of editions.refused) log.warn(`[scheduler] newsletter edition ${refused.id} was not queued: ${refused.reason}`);
  if (editions.waiting) log.warn(`[scheduler] ${editions.waiting} newsletter edition(s) are due but email is not configured (SMTP_URL)`);
}

export async function runScheduledWork(now: Date = new Date()): Promise<void> {
  const report = await publishDueArticles(now);
  if (report.published.length) log.info(`[scheduler] published ${report.published.length} scheduled story(ies)`);
  for (const failed of report.sentBack) log.warn(`[scheduler] story ${failed.id} went back to review: ${failed.problems.join(" ")}`);
  const updates = await applyDueLiveUpdates(now);
  if (updates.updated.length) log.info(`[scheduler] updated ${updates.updated.length} live story(ies) from their working copy`);
  for (const refused of updates.refused) log.warn(`[scheduler] the scheduled live update of story ${refused.id} was refused: ${refused.problems.join(" ")}`);
  const withdrawn = await withdrawExpiredMedia(now);
  if (withdrawn.withdrawn.length) log.info(`[scheduler] withdrew ${withdrawn.withdrawn.length} picture(s) whose rights expired, from ${withdrawn.articleIds.length} published story(ies)`);
  await queueNewsletterEditions(now);
  await emptyTrash(now);
  if (now.getTime() - (globalScheduler.pressboxStatisticsAt ?? now.getTime()) >= STATISTICS_INTERVAL_MS) {
    await refreshPlannerStatistics();
    globalScheduler.pressboxStatisticsAt = now.getTime();
  }
  globalScheduler.pressboxStatisticsAt ??= now.getTime();
}

// One run under the scheduler lock; whether this instance ran it (false: another one holds the
// lock). Counted for the metrics (lib/observability/metrics.ts) either way.
export async function runScheduledWorkOnce(now?: Date): Promise<boolean> {
  const started = performance.now();
  const took = () => (performance.now() - started) / 1000;
  try {
    const run = await withSchedulerLock(() => runScheduledWork(now));
    noteSchedulerRun(run.ran ? "ran" : "skipped", took());
    if (!run.ran) log.debug("[scheduler] another instance holds the scheduler lock: skipping this run");
    return run.ran;
  } catch (error) {
    noteSchedulerRun("failed", took());
    throw error;
  }
}

export function startScheduler(): void {
  if (globalScheduler.pressboxScheduler) return;
  globalScheduler.pressboxScheduler = setInterval(() => {
    if (globalScheduler.pressboxSchedulerRun) return;
    globalScheduler.pressboxSchedulerRun = runScheduledWorkOnce()
      .then(() => undefined)
      .catch((error) => log.error("[scheduler] run failed", { error }))
      .finally(() => (globalScheduler.pressboxSchedulerRun = undefined));
  }, INTERVAL_MS);
  globalScheduler.pressboxScheduler.unref?.();
  startSender();
}

// Shutdown: no new runs; resolves once a run under way has finished (its writes are committed).
export async function stopScheduler(): Promise<void> {
  clearInterval(globalScheduler.pressboxScheduler);
  globalScheduler.pressboxScheduler = undefined;
  await Promise.all([globalScheduler.pressboxSchedulerRun, stopSender()]);
}
