// pg_dump of a live PostgreSQL database. The dump and the facts the manifest records (row counts,
// media keys) come from one exported snapshot, so the archive's media files are exactly the ones
// the dumped rows name, whatever editors do meanwhile.
import { BackupError } from "./backup-error";
import { connectionArgs, connectPostgres, postgresFacts, runTool, toolVersion } from "./postgres-tools";
import type { DatabaseFacts } from "./sqlite-snapshot";

export async function dumpPostgres(url: string, target: string): Promise<{ facts: DatabaseFacts; tool: string }> {
  const tool = await toolVersion("pg_dump");
  const client = await connectPostgres(url);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0].id;
    const facts = await postgresFacts(client);
    const { args, env } = connectionArgs(url);
    const result = await runTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, "--file", target, ...args], env);
    if (result.status !== 0) throw new BackupError(`pg_dump failed: ${explainDumpFailure(result.stderr)}`);
    await client.query("COMMIT");
    return { facts, tool };
  } finally {
    await client.end();
  }
}

function explainDumpFailure(stderr: string): string {
  if (/server version mismatch/i.test(stderr)) return `${stderr.trim()}\nInstall pg_dump of the server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client-<version>).`;
  return stderr.trim().split("\n").slice(-8).join("\n");
}
