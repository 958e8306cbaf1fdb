// `npm run publish-due`: publishes every scheduled story that has fallen due, once, withdraws
// pictures whose rights expired, empties the trash (stories deleted 30 days ago, drafts nobody
// typed in) and deletes unused tags typed into stories, then tells a running server
// (PRESSBOX_URL, default http://localhost:$PORT) to drop the changed pages from its cache. It takes
// the scheduler lock the servers' schedulers take (lib/cluster/scheduler-lock.ts): while one of
// them is running the same work, this does nothing and says so.
import { ensureAuthSecret } from "../lib/auth/secret-file";
import { resolveDatabaseUrl } from "../lib/database-url";
import { notifyServer } from "../lib/internal-refresh-client";
import { withSchedulerLock } from "../lib/cluster/scheduler-lock";

async function main(): Promise<void> {
  process.env.DATABASE_URL = resolveDatabaseUrl();
  // The same secret `npm start` gave the server, so the server accepts the signed notice.
  ensureAuthSecret(process.env, "data");
  const run = await withSchedulerLock(publishDue);
  if (!run.ran) console.log("another instance is running the scheduled work (it holds the scheduler lock); nothing done");
}

async function publishDue(): Promise<void> {
  const { publishDueArticles } = await import("../lib/articles/publish/publish-due");
  const { withdrawExpiredMedia } = await import("../lib/media/rights/rights-expiry");
  const { purgeTrash, SCHEDULER } = await import("../lib/articles/trash/trash");
  const report = await publishDueArticles();
  console.log(`published ${report.published.length}; sent back to review ${report.sentBack.length}`);
  for (const failed of report.sentBack) console.log(`  ${failed.id}: ${failed.problems.join(" ")}`);
  const { applyDueLiveUpdates } = await import("../lib/articles/publish/update-live");
  const updates = await applyDueLiveUpdates();
  console.log(`updated ${updates.updated.length} live story(ies) from their working copy; refused ${updates.refused.length}`);
  for (const refused of updates.refused) console.log(`  ${refused.id}: ${refused.problems.join(" ")}`);
  const withdrawn = await withdrawExpiredMedia();
  console.log(`withdrew ${withdrawn.withdrawn.length} picture(s) whose rights expired, from ${withdrawn.articleIds.length} published story(ies)`);
  const trash = await purgeTrash(SCHEDULER);
  console.log(`deleted ${trash.purged.length} story(ies) for good after 30 days in the trash; discarded ${trash.discarded.length} empty draft(s)`);
  for (const kept of trash.kept) console.log(`  kept ${kept.id} in the trash: ${kept.reason}`);
  const { cleanUpUnusedTags } = await import("../lib/tags/story-tags");
  const tags = await cleanUpUnusedTags();
  console.log(`deleted ${tags.deleted.length} unused tag(s) typed into stories`);
  const changed = [...new Set([...report.published, ...updates.updated, ...withdrawn.articleIds])];
  if (changed.length) await notifyServer(changed);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
