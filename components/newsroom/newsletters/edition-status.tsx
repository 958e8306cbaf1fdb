// An edition's status as the newsroom's pill: draft, scheduled, sending, sent, cancelled.
const BADGE: Record<string, string> = { DRAFT: "draft", SCHEDULED: "scheduled", SENDING: "in_review", SENT: "published", CANCELLED: "unpublished" };

export function EditionStatus({ status }: { status: string }) {
  return <span className={`badge badge--${BADGE[status] ?? "draft"}`}>{status === "SENDING" ? "sending" : status.toLowerCase()}</span>;
}
