"use client";

import { useState, useSyncExternalStore } from "react";
import { ActionForm } from "@/components/newsroom/action-form";
import { cancelScheduleAction, scheduleEditionAction, sendEditionNowAction, sendTestEditionAction } from "@/app/(newsroom)/newsroom/newsletters/[newsletterId]/editions/[editionId]/actions-send";
import { SendProgress } from "./send-progress";

export type SendPanelProps = {
  editionId: string;
  // The edition's version as the page read it (every send action names it).
  version: number;
  status: "DRAFT" | "SCHEDULED" | "SENDING" | "SENT" | "CANCELLED";
  // ISO 8601.
  scheduledFor: string;
  // isEmailConfigured() from lib/newsletters/mailer.ts.
  emailConfigured: boolean;
};

// "YYYY-MM-DDTHH:mm" in the browser's time zone, for a datetime-local input.
function localInputValue(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const noSubscription = () => () => undefined;

// Times are shown in the browser's zone and locale, so only once in the browser: the server's
// render says "the chosen time" and hydration does not disagree with it.
function useIsBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function formatWhen(iso: string, isBrowser: boolean): string {
  const date = new Date(iso);
  if (!isBrowser) return "the chosen time";
  return Number.isNaN(date.getTime()) ? "the chosen time" : date.toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

// The edition page's sending controls, inside its "Sending" section (so h3 headings): a test to
// oneself, a schedule (or cancelling it), "Send now" behind a confirm step, and the progress once
// it is queued. The actions re-check permission and the version; on success ActionForm refreshes
// the page, which passes the new version down.
export function SendPanel({ editionId, version, status, scheduledFor, emailConfigured }: SendPanelProps) {
  const [when, setWhen] = useState(() => localInputValue(scheduledFor));
  const [isConfirming, setConfirming] = useState(false);
  const isBrowser = useIsBrowser();
  const at = when && !Number.isNaN(new Date(when).getTime()) ? new Date(when).toISOString() : "";

  if (status === "SENDING" || status === "SENT") return <SendProgress editionId={editionId} isSending={status === "SENDING"} />;
  if (status === "CANCELLED") return <p className="muted">This edition was cancelled.</p>;
  if (!emailConfigured) {
    return (
      <p className="form-error" role="status">
        Email is not configured (SMTP_URL): this edition cannot be sent or tested until the server has an SMTP_URL.
      </p>
    );
  }
  const ids = (
    <>
      <input type="hidden" name="editionId" value={editionId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <div className="send-panel">
      <h3>Test</h3>
      <ActionForm action={sendTestEditionAction} submitLabel="Send a test to me" pendingLabel="Sending the test…" successMessage="Test sent to your address.">
        <input type="hidden" name="editionId" value={editionId} />
      </ActionForm>
      <h3>Schedule</h3>
      {status === "SCHEDULED" && (
        <ActionForm action={cancelScheduleAction} submitLabel="Cancel the schedule" pendingLabel="Cancelling…" successMessage="No longer scheduled.">
          <p>Scheduled for {formatWhen(scheduledFor, isBrowser)}.</p>
          {ids}
        </ActionForm>
      )}
      <ActionForm action={scheduleEditionAction} submitLabel={`Schedule for ${formatWhen(at, isBrowser)}`} pendingLabel="Scheduling…" successMessage="Scheduled.">
        <div className="form-row">
          <label htmlFor={`send-at-${editionId}`}>Send at</label>
          <input id={`send-at-${editionId}`} type="datetime-local" value={when} onChange={(event) => setWhen(event.target.value)} required suppressHydrationWarning />
        </div>
        <input type="hidden" name="at" value={at} />
        {ids}
      </ActionForm>
      <h3>Send now</h3>
      {isConfirming ? (
        <ActionForm action={sendEditionNowAction} submitLabel="Yes, send it now" pendingLabel="Queueing…" successMessage="Queued: sending has started." isDanger>
          <p role="alert">This sends the edition to every confirmed subscriber of this newsletter now. It cannot be stopped or sent again.</p>
          {ids}
          <button type="button" className="link-button" onClick={() => setConfirming(false)}>
            Back
          </button>
        </ActionForm>
      ) : (
        <div className="form-actions">
          <button type="button" onClick={() => setConfirming(true)}>
            Send now…
          </button>
        </div>
      )}
    </div>
  );
}
