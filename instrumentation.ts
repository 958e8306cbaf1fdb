// Runs once when the Next.js server starts: refreshes the query planner's statistics, and starts
// the scheduler that publishes scheduled stories and, with it, the newsletter sender (set
// PRESSBOX_SCHEDULER=off when cron jobs run `npm run publish-due` and `npm run newsletters:send`
// instead). The watched wire inbox folder runs in a process of its own
// (scripts/wire-inbox.ts), which `npm start` and `npm run dev` start beside the server.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // With REDIS_URL: join the other instances before the first request (lib/cluster/start.ts).
  const { startCluster } = await import("./lib/cluster/start");
  startCluster();
  const { refreshPlannerStatistics } = await import("./lib/db-statistics");
  await refreshPlannerStatistics().catch((error) => console.error("Pressbox: could not refresh the query planner's statistics", error));
  if (process.env.PRESSBOX_SCHEDULER === "off") return;
  const { startScheduler } = await import("./lib/scheduler");
  startScheduler();
}
