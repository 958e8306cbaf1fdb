// The sender inside the server process: every NEWSLETTER_SEND_POLL_SECONDS (default 5) a run of
// sendDueDeliveries unless one is under way. Started and stopped with the scheduler
// (lib/scheduler.ts); the timer and the run under way live on globalThis so the server script's
// shutdown (scripts/server-shutdown.ts) stops the copy Next.js's bundle started.
import "server-only";
import { log } from "../../observability/log";
import { isEmailConfigured } from "../mailer";
import { sendDueDeliveries, setSenderStopping } from "./worker";

const globalLoop = globalThis as typeof globalThis & { pressboxSenderTimer?: ReturnType<typeof setInterval>; pressboxSenderRun?: Promise<void> };

function pollMs(): number {
  const seconds = Number(process.env.NEWSLETTER_SEND_POLL_SECONDS);
  return (Number.isFinite(seconds) && seconds >= 1 ? seconds : 5) * 1000;
}

export function startSender(): void {
  if (globalLoop.pressboxSenderTimer) return;
  setSenderStopping(false);
  globalLoop.pressboxSenderTimer = setInterval(() => {
    if (globalLoop.pressboxSenderRun || !isEmailConfigured()) return;
    globalLoop.pressboxSenderRun = sendDueDeliveries()
      .then((report) => {
        if (report.sent || report.failed || report.bounced)
          log.info(`[newsletters] sent ${report.sent}, failed ${report.failed}, bounced ${report.bounced}, skipped ${report.skipped}, to retry ${report.retry}`);
      })
      .catch((error) => log.error("[newsletters] sender run failed", { error }))
      .finally(() => (globalLoop.pressboxSenderRun = undefined));
  }, pollMs());
  globalLoop.pressboxSenderTimer.unref?.();
}

// Shutdown: no new runs; the run under way finishes the messages in flight, hands back the rest
// of its batch (worker.ts) and resolves.
export async function stopSender(): Promise<void> {
  clearInterval(globalLoop.pressboxSenderTimer);
  globalLoop.pressboxSenderTimer = undefined;
  setSenderStopping(true);
  await globalLoop.pressboxSenderRun;
}
