// Runs once when the Next.js server starts: starts the scheduler that publishes scheduled
// stories (set PRESSBOX_SCHEDULER=off when a cron job runs `npm run publish-due` instead).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.PRESSBOX_SCHEDULER === "off") return;
  const { startScheduler } = await import("./lib/scheduler");
  startScheduler();
}
