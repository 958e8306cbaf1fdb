// PostgreSQL side of backups: pg_dump / pg_restore (never a home-made dumper), run without a shell,
// and the checks around them: tools present, target database empty.
import "server-only";
import { spawn } from "node:child_process";
import pg from "pg";
import { redactUrl } from "../database-url";
import { BackupError } from "./backup-error";

const INSTALL_HINT = "install the PostgreSQL client tools of your server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client)";

type ToolResult = { status: number; stdout: string; stderr: string };

export function runTool(tool: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "pipe", "pipe"], env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ENOENT" ? new BackupError(`${tool} was not found on PATH: ${INSTALL_HINT}`) : error);
    });
    child.on("close", (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}

export async function toolVersion(tool: "pg_dump" | "pg_restore"): Promise<string> {
  const result = await runTool(tool, ["--version"]);
  if (result.status !== 0) throw new BackupError(`${tool} --version failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

// pg_dump and pg_restore take the connection from the URL; a password in it stays out of `ps`.
export function connectionArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (parsed.password) {
    env.PGPASSWORD = decodeURIComponent(parsed.password);
    parsed.password = "";
  }
  return { args: ["--dbname", parsed.toString()], env };
}

export async function connectPostgres(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === "3D000") throw new BackupError(`the database in ${redactUrl(url)} does not exist: create it first (createdb), empty`);
    throw new BackupError(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${message}`);
  }
  return client;
}

// Relations, sequences and types outside the system schemas: what makes a database "not empty".
export async function userObjects(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
    UNION ALL
    SELECT n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype IN ('e', 'd', 'c') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
      AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')
    ORDER BY 1`);
  return rows.map((row) => row.name);
}

export async function assertEmptyPostgres(url: string): Promise<void> {
  const client = await connectPostgres(url);
  try {
    const objects = await userObjects(client);
    if (objects.length > 0) {
      throw new BackupError(
        `the database ${redactUrl(url)} is not empty (${objects.length} objects, e.g. ${objects.slice(0, 3).join(", ")}); restore only into an empty database (createdb a new one): nothing was changed`,
      );
    }
  } finally {
    await client.end();
  }
}

export async function postgresFacts(client: pg.Client): Promise<{ migrations: string[]; tables: Record<string, number>; mediaKeys: string[] }> {
  const names = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`)).rows.map((row) => row.name);
  if (!names.includes("_prisma_migrations") || !names.includes("Media")) throw new BackupError("this PostgreSQL database is not a Pressbox database (no migrations table)");
  const tables: Record<string, number> = {};
  for (const name of names) tables[name] = Number((await client.query(`SELECT count(*) AS n FROM "${name}"`)).rows[0].n);
  const migrations = (await client.query<{ name: string }>(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`)).rows.map(
    (row) => row.name,
  );
  const mediaKeys = (await client.query<{ key: string }>(`SELECT "storageKey" AS key FROM "Media" UNION SELECT "storageKey" FROM "MediaRendition" ORDER BY 1`)).rows.map((row) => row.key);
  return { migrations, tables, mediaKeys };
}
