// The second writer of tests/hostile/contention.test.ts: a separate process on the server's SQLite
// file (like `npm run publish-due` run by cron) that makes { op: "run", writes } writes through
// lib/ as fast as it can, in a newsroom's mix: per ten writes one story save, one publish or
// unpublish, one correction note and seven editing-presence check-ins. After each change to a
// public story it tells the server to drop that story's pages (the signed notice publish-due
// sends), so readers get freshly rendered pages. Every error is counted, none is retried.
import { db } from "../../../lib/db";
import { saveArticle } from "../../../lib/articles/save/save-article";
import { publishArticle, unpublishArticle } from "../../../lib/articles/workflow";
import { addArticleNote } from "../../../lib/articles/notes";
import { checkIn } from "../../../lib/articles/presence";
import { REFRESH_PATH, SIGNATURE_HEADER, signRefresh } from "../../../lib/internal-refresh";
import type { Actor } from "../../../lib/permissions";
import { currentInput } from "../../fixtures/article-input";
import { createStaff } from "../../fixtures/staff";
import { serveRequests } from "./h3-worker-pool";

export type WriterJob = { writes: number; baseUrl: string; saveIds: string[]; toggleIds: string[] };
export type WriterReport = { writes: number; errors: number; firstErrors: string[]; seconds: number; cpuSeconds: number; notices: number; failedNotices: number };

type Write = (i: number) => Promise<string | null>;

async function notifyServer(baseUrl: string, articleId: string, report: WriterReport): Promise<void> {
  const body = JSON.stringify({ articleIds: [articleId] });
  report.notices += 1;
  try {
    const response = await fetch(`${baseUrl}${REFRESH_PATH}`, { method: "POST", body, headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signRefresh(body) } });
    if (!response.ok) report.failedNotices += 1;
  } catch {
    report.failedNotices += 1;
  }
}

// Each returns the id of the public story it changed, or null.
function writesFor(job: WriterJob, writer: Actor): Write[] {
  const pick = (ids: string[], i: number) => ids[Math.floor(i / 10) % ids.length];
  const save: Write = async (i) => {
    const id = pick(job.saveIds, i);
    const { version, article } = await currentInput(id);
    await saveArticle(writer, { articleId: id, expectedVersion: version, article: { ...article, kicker: `Writer ${i}` } });
    return id;
  };
  const toggle: Write = async (i) => {
    const id = pick(job.toggleIds, i);
    const { version, status } = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true, status: true } });
    await (status === "PUBLISHED" ? unpublishArticle : publishArticle)(writer, { articleId: id, expectedVersion: version });
    return id;
  };
  const note: Write = async (i) => {
    const id = pick(job.saveIds, i);
    await addArticleNote(writer, { articleId: id, kind: "UPDATE", text: `Writer update ${i}.` });
    return id;
  };
  const presence: Write = async (i) => {
    await checkIn(writer, pick(job.saveIds, i + 3));
    return null;
  };
  return [save, presence, presence, toggle, presence, presence, note, presence, presence, presence];
}

async function run(job: WriterJob): Promise<WriterReport> {
  const writer = await createStaff("EDITOR", "Writer process");
  const writes = writesFor(job, writer);
  const report: WriterReport = { writes: 0, errors: 0, firstErrors: [], seconds: 0, cpuSeconds: 0, notices: 0, failedNotices: 0 };
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < job.writes; i++) {
    try {
      const changed = await writes[i % writes.length](i);
      report.writes += 1;
      if (changed) await notifyServer(job.baseUrl, changed, report);
    } catch (error) {
      report.errors += 1;
      if (report.firstErrors.length < 5) report.firstErrors.push(error instanceof Error ? error.message : String(error));
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  report.cpuSeconds = (used.user + used.system) / 1e6;
  return report;
}

serveRequests(
  async (op) => {
    if (op.op === "run") return run(op as WriterJob);
    throw new Error(`unknown op ${String(op.op)}`);
  },
  () => db.user.count(),
).catch((error) => {
  console.error(error);
  process.exit(1);
});
