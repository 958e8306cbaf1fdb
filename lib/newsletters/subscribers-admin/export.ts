// The subscriber export (admins): one CSV row per subscriber, read in pages of 500 by id so memory
// stays flat however long the list is. The export itself is audited (who took which list, how
// many rows) before the first byte leaves.
import "server-only";
import { recordAudit } from "../../audit/record";
import type { WriteContext } from "../../concurrency";
import { db } from "../../db";
import { assertCan, type Actor } from "../../permissions";
import { csvRow } from "./csv";
import { subscriberWhere, type SubscriberFilter } from "./queries";

export const EXPORT_COLUMNS = ["address", "status", "newsletters", "source story", "consent text", "consent time", "sign-up IP", "confirmed time", "confirmation IP"] as const;
const BATCH = 500;

const iso = (date: Date | null) => (date ? date.toISOString() : "");

type ExportFilter = Omit<SubscriberFilter, "page">;

async function* csvLines(filter: ExportFilter): AsyncGenerator<string> {
  yield csvRow(EXPORT_COLUMNS);
  const where = subscriberWhere(filter);
  let after: string | undefined;
  for (;;) {
    const batch = await db.subscriber.findMany({
      where: after ? { AND: [where, { id: { gt: after } }] } : where,
      orderBy: { id: "asc" },
      take: BATCH,
      include: { subscriptions: { select: { status: true, newsletter: { select: { slug: true } } }, orderBy: { createdAt: "asc" } } },
    });
    if (!batch.length) return;
    const articleIds = [...new Set(batch.map((row) => row.sourceArticleId).filter((id): id is string => !!id))];
    const articles = new Map((await db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, slug: true } })).map((a) => [a.id, a.slug]));
    let lines = "";
    for (const row of batch) {
      const newsletters = row.subscriptions.map((s) => `${s.newsletter.slug} (${s.status.toLowerCase()})`).join("; ");
      const source = row.sourceArticleId ? (articles.get(row.sourceArticleId) ?? row.sourceArticleId) : "";
      lines += csvRow([row.email, row.status.toLowerCase(), newsletters, source, row.consentText, iso(row.consentAt), row.signupIp, iso(row.confirmedAt), row.confirmIp]);
    }
    yield lines;
    after = batch[batch.length - 1].id;
  }
}

// Checks permission and audits, then hands back the CSV as a stream of text chunks.
export async function exportSubscribersCsv(actor: Actor | null, filter: ExportFilter, context: WriteContext = {}): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "subscriber.manage");
  const rows = await db.subscriber.count({ where: subscriberWhere(filter) });
  await db.$transaction(async (tx) => {
    const details = { rows, newsletterId: filter.newsletterId ?? null, status: filter.status ?? null, search: filter.q ? true : false };
    await recordAudit(tx, { actorId: actor.id, action: "subscriber.export", entityType: "Subscriber", entityId: filter.newsletterId ?? "all", details, ip: context.ip });
  });
  const lines = csvLines(filter);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
