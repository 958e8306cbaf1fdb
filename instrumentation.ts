// Runs once when the Next.js server starts: refreshes the query planner's statistics, and starts
// the scheduler that publishes scheduled stories (set PRESSBOX_SCHEDULER=off when a cron job runs
// `npm run publish-due` instead), and the watched wire inbox folder when WIRE_INBOX_DIR is set.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refreshPlannerStatistics } = await import("./lib/db-statistics");
  await refreshPlannerStatistics().catch((error) => console.error("Pressbox: could not refresh the query planner's statistics", error));
  if (process.env.WIRE_INBOX_DIR) {
    const { startWireInbox } = await import("./lib/wire/inbox");
    await startWireInbox().catch((error) => console.error("[wire-inbox] not started", error));
  }
  if (process.env.PRESSBOX_SCHEDULER === "off") return;
  const { startScheduler } = await import("./lib/scheduler");
  startScheduler();
}
