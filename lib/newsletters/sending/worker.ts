// The sender: claims due deliveries in batches and sends them, a few SMTP transactions at once and
// no faster than NEWSLETTER_SEND_RATE, until none is due. It runs in the server process (started
// and stopped with the scheduler, lib/scheduler.ts) and in `npm run newsletters:send`. Several
// instances may run at once: claims are compare-and-set (claim.ts). Without SMTP_URL it claims
// nothing. Stopping (SIGTERM) lets each message under way finish and hands back the rest of the
// batch. The stop flag lives on globalThis: the server script stops the copy Next.js's bundle runs.
import "server-only";
import { log } from "../../observability/log";
import { noteNewsletterDelivery } from "../../observability/newsletter-sends";
import { prepareEdition } from "../editions/compose";
import { isEmailConfigured } from "../mailer";
import type { PreparedEdition } from "../types";
import { claimDeliveries, finishEditions, releaseClaims, settleInterrupted, type Claim } from "./claim";
import { deliver, type DeliverContext, type DeliveryOutcome } from "./deliver";
import { createPace } from "./pace";
import { sendSettings } from "./settings";

export type SendReport = Record<DeliveryOutcome, number> & { interrupted: number; editionsFinished: string[] };

const globalSender = globalThis as typeof globalThis & { pressboxSenderStopping?: boolean };

export function isSenderStopping(): boolean {
  return globalSender.pressboxSenderStopping === true;
}

export function setSenderStopping(stopping: boolean): void {
  globalSender.pressboxSenderStopping = stopping;
}

function emptyReport(): SendReport {
  return { sent: 0, retry: 0, failed: 0, bounced: 0, skipped: 0, lost: 0, interrupted: 0, editionsFinished: [] };
}

// Each edition is prepared once per run (the stories do not change while it goes out).
function preparedCache(): (editionId: string) => Promise<PreparedEdition> {
  const cache = new Map<string, Promise<PreparedEdition>>();
  return (editionId) => {
    let prepared = cache.get(editionId);
    if (!prepared) {
      prepared = prepareEdition(editionId);
      prepared.catch(() => cache.delete(editionId));
      cache.set(editionId, prepared);
    }
    return prepared;
  };
}

async function deliverSafely(claim: Claim, context: DeliverContext): Promise<DeliveryOutcome> {
  try {
    return await deliver(claim, context);
  } catch (error) {
    // A database hiccup mid-delivery: the row keeps its lease (QUEUED: claimed again later;
    // SENDING: settled as interrupted), and the run goes on with the others.
    log.error(`[newsletters] delivery ${claim.id} failed unexpectedly`, { error });
    return "lost";
  }
}

// Sends one claimed batch with `concurrency` workers; what was not started when a stop was asked
// for is handed back.
async function sendBatch(claims: Claim[], context: DeliverContext, report: SendReport, pace: { wait: () => Promise<void> }): Promise<void> {
  const waiting = [...claims];
  const worker = async () => {
    for (let claim = waiting.shift(); claim; claim = waiting.shift()) {
      await pace.wait();
      if (isSenderStopping()) {
        waiting.unshift(claim);
        return;
      }
      const outcome = await deliverSafely(claim, context);
      report[outcome] += 1;
      noteNewsletterDelivery(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(context.settings.concurrency, claims.length) }, worker));
  if (waiting.length) await releaseClaims(waiting);
}

// One run: settle what a killed sender left, then claim and send until nothing is due (or a stop
// is asked for). `now` is a clock for tests that need a retry to fall due.
export async function sendDueDeliveries(options: { now?: () => Date; maxBatches?: number } = {}): Promise<SendReport> {
  const report = emptyReport();
  if (!isEmailConfigured() || isSenderStopping()) return report;
  const settings = sendSettings();
  const now = options.now ?? (() => new Date());
  const context: DeliverContext = { settings, prepared: preparedCache(), now };
  const pace = createPace(settings.ratePerSecond);
  report.interrupted = await settleInterrupted(now());
  if (report.interrupted) log.warn(`[newsletters] ${report.interrupted} delivery(ies) were cut off mid-send by a stopped sender; not resent (they may have been delivered)`);
  for (let batch = 0; batch < (options.maxBatches ?? Infinity) && !isSenderStopping(); batch += 1) {
    const claims = await claimDeliveries(settings.batchSize, settings.leaseMs, now());
    if (!claims.length) break;
    await sendBatch(claims, context, report, pace);
    report.editionsFinished.push(...(await finishEditions(now())));
  }
  report.editionsFinished.push(...(await finishEditions(now())));
  return report;
}
