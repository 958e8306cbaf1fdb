// One scheduler run at a time across instances (lib/cluster/scheduler-lock.ts). On PostgreSQL
// each run takes an advisory lock on a connection of its own: of three concurrent runs one does
// the work and two skip; the lock is free again after a run (also a failed one) and once a holder's
// connection drops, as when its process dies. On SQLite there is no lock (one machine, one file):
// every run does the work, and the version-guarded claim still publishes a due story once.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { scheduleArticle } from "../../lib/articles/workflow";
import { SCHEDULER_LOCK_KEY, withSchedulerLock } from "../../lib/cluster/scheduler-lock";
import { db, isPostgres } from "../../lib/db";
import { runScheduledWorkOnce } from "../../lib/scheduler";
import type { Actor } from "../../lib/permissions";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { currentInput, paragraph } from "../fixtures/article-input";

const onPostgres = isPostgres();
if (!onPostgres) console.warn("scheduler-lock: the advisory-lock cases need PostgreSQL (they run in integration-postgres); on SQLite the lock-free behaviour is tested");
let editor: Actor;

beforeAll(async () => {
  await ensureDemoNewsroom();
  editor = await createStaff("EDITOR", "Scheduler lock editor");
});

// A story ready to publish, scheduled for the earliest time scheduling accepts.
async function scheduledStory(): Promise<{ id: string; publishAt: Date }> {
  const section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  const profile = await db.bylineProfile.findFirstOrThrow();
  const photo = await db.media.findFirstOrThrow({ where: { altText: { not: "" }, agencyId: { not: null } } });
  const { id } = await createArticle(editor, { headline: "Draft" });
  const { version, article } = await currentInput(id);
  const saved = await saveArticle(editor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: "Scheduled once",
      standfirst: "Published by one instance.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      hero: { mediaId: photo.id, caption: "The finish." },
      body: { type: "doc", content: [paragraph("First paragraph.")] },
    },
  });
  const publishAt = new Date(Date.now() + 60_000);
  await scheduleArticle(editor, { articleId: id, expectedVersion: saved.version, publishAt: publishAt.toISOString() });
  return { id, publishAt };
}

describe("the scheduler lock", () => {
  it.runIf(onPostgres)("of three concurrent runs over three connections, exactly one does the work; the others skip at once", async () => {
    let worked = 0;
    let settled = 0;
    let othersDone: () => void = () => undefined;
    const bothOthers = new Promise<void>((resolve) => (othersDone = resolve));
    // The run that gets the lock holds it until the other two have answered (or 5 s).
    const work = async () => {
      worked += 1;
      await Promise.race([bothOthers, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    };
    const runs = [0, 1, 2].map(() =>
      withSchedulerLock(work).finally(() => {
        settled += 1;
        if (settled === 2) othersDone();
      }),
    );
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(worked).toBe(1);
    // Released after the run: the next one gets it.
    expect((await withSchedulerLock(async () => "again")).ran).toBe(true);
  });

  it.runIf(onPostgres)("is released after a failed run, and when its holder's connection drops", async () => {
    await expect(withSchedulerLock(() => Promise.reject(new Error("run failed")))).rejects.toThrow("run failed");
    expect((await withSchedulerLock(async () => 1)).ran).toBe(true);

    // Another instance holds it; then its process dies (its connection is cut, never unlocked).
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    holder.on("error", () => undefined);
    expect((await holder.query("SELECT pg_try_advisory_lock($1::bigint) AS locked", [SCHEDULER_LOCK_KEY])).rows[0].locked).toBe(true);
    expect(await withSchedulerLock(async () => 1)).toEqual({ ran: false });
    const { rows } = await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
    await admin.end();
    await holder.end().catch(() => undefined);
    expect(await withSchedulerLock(async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it.runIf(!onPostgres)("on SQLite takes no lock: every run does the work (the version-guarded claims keep them apart)", async () => {
    const outcomes = await Promise.all([0, 1, 2].map(() => withSchedulerLock(async () => "done")));
    expect(outcomes).toEqual([0, 1, 2].map(() => ({ ran: true, value: "done" })));
  });

  it("three concurrent scheduler runs publish a due story exactly once: one publish audit entry, one publish revision, one version step", async () => {
    const { id, publishAt } = await scheduledStory();
    const before = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } });
    const later = new Date(publishAt.getTime() + 1_000);
    const ran = await Promise.all([0, 1, 2].map(() => runScheduledWorkOnce(later)));
    console.log(`scheduler-lock: of 3 concurrent runs, ${ran.filter(Boolean).length} did the work (${onPostgres ? "PostgreSQL: advisory lock" : "SQLite: no lock"})`);
    if (onPostgres) expect(ran.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    else expect(ran).toEqual([true, true, true]);
    const story = await db.article.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, publishAt: true } });
    expect(story).toMatchObject({ status: "PUBLISHED", publishAt: null, version: before.version + 1 });
    expect(await db.auditEntry.count({ where: { entityId: id, action: "article.publish" } })).toBe(1);
    expect(await db.revision.count({ where: { articleId: id, kind: "PUBLISH" } })).toBe(1);
  });
});
