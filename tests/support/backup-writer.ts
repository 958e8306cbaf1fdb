// An editor in another process for the backup tests: creates a story and then saves it, over and
// over, through lib/ (createArticle, saveArticle: each one transaction), on the database
// DATABASE_URL names. After each commit it prints one JSON line, so the test knows exactly which
// writes were acknowledged and when. BACKUP_WRITER_LIMIT stories then exit (0 or unset: until the
// file BACKUP_WRITER_STOP_FILE exists; a file, because a SIGTERM handler here did not stop the loop).
import { existsSync } from "node:fs";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { db } from "../../lib/db";
import { currentInput } from "../fixtures/article-input";
import { createStaff } from "../fixtures/staff";

export type WriterLine = { seq: number; op: "create" | "save"; id: string; version: number; kicker: string; at: number };

let seq = 0;
const stopFile = process.env.BACKUP_WRITER_STOP_FILE;
const isStopping = () => Boolean(stopFile && existsSync(stopFile));

function acknowledge(line: Omit<WriterLine, "seq" | "at">): void {
  process.stdout.write(`${JSON.stringify({ seq: ++seq, at: Date.now(), ...line })}\n`);
}

async function main(): Promise<void> {
  const limit = Number(process.env.BACKUP_WRITER_LIMIT ?? 0);
  const writer = await createStaff("EDITOR", "Backup test writer");
  process.stdout.write("ready\n");
  for (let story = 1; !isStopping() && (limit === 0 || story <= limit); story++) {
    const created = await createArticle(writer, { headline: `Backup story ${story}` });
    acknowledge({ op: "create", id: created.id, version: created.version, kicker: "" });
    const { version, article } = await currentInput(created.id);
    const kicker = `Writer ${story}`;
    const saved = await saveArticle(writer, { articleId: created.id, expectedVersion: version, article: { ...article, kicker, standfirst: `Saved by the writer, story ${story}.` } });
    acknowledge({ op: "save", id: created.id, version: saved.version, kicker });
  }
  await db.$disconnect();
}

// Exits explicitly: lib/ keeps timers (caches, pools) that would hold the process open.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
