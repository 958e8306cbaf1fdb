// Another process holding a SQLite file's write lock (BEGIN IMMEDIATE), as a second server, the
// scheduler run by cron or an operator's sqlite3 shell would: held until release() is called.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

const HOLDER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.prepare("BEGIN IMMEDIATE").run();
process.stdout.write("locked\\n");
process.stdin.once("data", () => { db.prepare("COMMIT").run(); db.close(); process.exit(0); });
`;

export type LockHolder = { release: () => Promise<void>; child: ChildProcess };

export async function holdWriteLock(file: string): Promise<LockHolder> {
  const child = spawn(process.execPath, ["-e", HOLDER, file], { stdio: ["pipe", "pipe", "inherit"] });
  const [chunk] = (await Promise.race([once(child.stdout!, "data"), once(child, "exit")])) as [Buffer | number];
  if (String(chunk).trim() !== "locked") throw new Error(`the lock holder did not take the lock (${String(chunk)})`);
  const exited = once(child, "exit");
  return {
    child,
    release: async () => {
      child.stdin!.end("release\n");
      await exited;
    },
  };
}
