// `npm run newsletters:send`: queues the newsletter editions that have fallen due (under the
// scheduler lock the servers' schedulers take) and sends every delivery that is due, then exits.
// For a cron job beside PRESSBOX_SCHEDULER=off, or to drain the queue by hand. Safe beside running
// servers: deliveries are claimed compare-and-set (lib/newsletters/sending/claim.ts). SIGTERM or
// SIGINT: the messages under way finish, the rest of the batch is handed back.
import { ensureAuthSecret } from "../lib/auth/secret-file";
import { resolveDatabaseUrl } from "../lib/database-url";
import { withSchedulerLock } from "../lib/cluster/scheduler-lock";

async function main(): Promise<void> {
  process.env.DATABASE_URL = resolveDatabaseUrl();
  // The secret the server signs links with: the unsubscribe links in these emails must verify there.
  ensureAuthSecret(process.env, "data");
  const { isEmailConfigured, closeMailer } = await import("../lib/newsletters/mailer");
  if (!isEmailConfigured()) {
    console.log("Email is not configured (SMTP_URL): nothing sent.");
    return;
  }
  const { queueDueEditions } = await import("../lib/newsletters/sending/queue");
  const { sendDueDeliveries, setSenderStopping } = await import("../lib/newsletters/sending/worker");
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => setSenderStopping(true));
  const due = await withSchedulerLock(() => queueDueEditions());
  if (!due.ran) console.log("another instance holds the scheduler lock: it queues the due editions; sending what is queued");
  else {
    if (due.value.queued.length) console.log(`queued ${due.value.queued.length} edition(s) that had fallen due`);
    for (const refused of due.value.refused) console.log(`  edition ${refused.id} not queued: ${refused.reason}`);
  }
  const report = await sendDueDeliveries();
  console.log(`sent ${report.sent}; to retry later ${report.retry}; failed ${report.failed}; bounced ${report.bounced}; skipped ${report.skipped}; interrupted earlier ${report.interrupted}`);
  if (report.editionsFinished.length) console.log(`finished ${report.editionsFinished.length} edition(s)`);
  closeMailer();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
