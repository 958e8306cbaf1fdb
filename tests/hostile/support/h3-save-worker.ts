// A process of editors for tests/hostile/concurrency.test.ts: on the database DATABASE_URL names,
// it sets up races, prepares its editors' saves ("prepare"), fires them all at once ("go") and
// audits the outcome, so saves from several processes hit one SQLite file (or PostgreSQL) together.
import { db } from "../../../lib/db";
import type { Actor } from "../../../lib/permissions";
import { auditRace, loadActor, roundStart, saveAs, setupRace, type Attempt, type Outcome, type RoundStart, type Variant } from "./h3-race";
import { serveRequests } from "./h3-worker-pool";

type Prepared = { variant: Variant; start: RoundStart; saves: { editor: Actor; attempt: Attempt }[] };
let prepared: Prepared | null = null;

async function prepare(variant: Variant, start: RoundStart, attempts: Attempt[]): Promise<string> {
  const editors = await Promise.all(attempts.map((a) => loadActor(a.editorId)));
  prepared = { variant, start, saves: attempts.map((attempt, i) => ({ editor: editors[i], attempt })) };
  return "ready";
}

async function go(): Promise<Outcome[]> {
  if (!prepared) throw new Error("go before prepare");
  const { variant, start, saves } = prepared;
  prepared = null;
  return Promise.all(saves.map(({ editor, attempt }) => saveAs(variant, editor, start, attempt)));
}

async function handle(op: Record<string, unknown>): Promise<unknown> {
  if (op.op === "setup") return setupRace(op.editors as number);
  if (op.op === "start") return roundStart(op.articleId as string);
  if (op.op === "prepare") return prepare(op.variant as Variant, op.start as RoundStart, op.attempts as Attempt[]);
  if (op.op === "go") return go();
  if (op.op === "audit") return auditRace(op.articleId as string, op.rounds as Outcome[][]);
  throw new Error(`unknown op ${String(op.op)}`);
}

serveRequests(handle, () => db.user.count()).catch((error) => {
  console.error(error);
  process.exit(1);
});
