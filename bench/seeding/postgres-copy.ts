// The bench's PostgreSQL newsroom: the seeded SQLite file copied row for row into a fresh
// PostgreSQL database with COPY, so 100,000 stories (3-4 GB) load in minutes. The app's own
// `db:copy-to-postgres` (lib/backup/copy-to-postgres.ts) moves a real newsroom with checks and
// multi-row INSERTs, which at this size takes far longer; here speed is what matters, so foreign
// keys are not checked while loading (session_replication_role = replica: the rows come from a
// database that already satisfied them) and the search index's GIN index is built once, at the end.
// Values are converted by the same toPostgresValue the app's copy uses.
import Database from "better-sqlite3";
import pg from "pg";
import { toPostgresValue } from "../../lib/backup/column-values";
import { readTargetTables, type TargetTable } from "../../lib/backup/postgres-schema";
import { deployMigrations } from "../../lib/migrations/deploy";
import { sqliteFilePath } from "../../lib/database-url";

const SEARCH_TABLE = "ArticleSearch";
const SEARCH_GIN_INDEX = "ArticleSearch_document_idx";
// The texts of each story's index row and what search filters by, as the app's copy reads them.
const SEARCH_SOURCE = `SELECT k."articleId", s."headline", s."standfirst", s."body", s."captions", s."quotes", a."sectionId", a."publishedAt"
  FROM "ArticleSearch" s JOIN "ArticleSearchKey" k ON k."docId" = s.rowid JOIN "Article" a ON a."id" = k."articleId"`;
const SKIPPED = (name: string) => name === "_prisma_migrations" || name === SEARCH_TABLE;
const CHUNK_BYTES = 1 << 20;

// The copy methods node-postgres's connection has (its type declarations leave them out).
type CopyConnection = pg.Connection & { sendCopyFromChunk: (chunk: Buffer) => void; endCopyFrom: () => void };

// COPY … FROM STDIN for node-postgres without another package: a query object that the client
// hands the connection when the server asks for data (what pg-copy-streams does, minus streams).
class CopyIn implements pg.Submittable {
  private resolve!: (rows: number) => void;
  private reject!: (error: Error) => void;
  readonly done = new Promise<number>((resolve, reject) => Object.assign(this, { resolve, reject }));
  private rows = 0;
  private failed: Error | null = null;

  constructor(
    private readonly text: string,
    private readonly chunks: Iterable<string>,
  ) {}

  submit(connection: pg.Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    void this.send(connection);
  }

  private async send(connection: CopyConnection) {
    for (const chunk of this.chunks) {
      connection.sendCopyFromChunk(Buffer.from(chunk));
      // Wait for the socket to drain so a 1 GB table is never held in memory at once.
      if (connection.stream.writableNeedDrain) await new Promise((resolve) => connection.stream.once("drain", resolve));
    }
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text: string }): void {
    this.rows = Number(message.text.split(" ")[1] ?? 0);
  }

  handleError(error: Error): void {
    this.failed = error;
    this.reject(error);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.resolve(this.rows);
  }

  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
}

// COPY's text format: tab-separated, \N for NULL, backslash escapes for the separators.
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString("hex")}`;
  if (typeof value === "boolean") return value ? "t" : "f";
  return String(value).replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

function* copyChunks(rows: Iterable<Record<string, unknown>>, columns: TargetTable["columns"]): Iterable<string> {
  let chunk = "";
  for (const row of rows) {
    chunk += `${columns.map((column) => copyField(toPostgresValue(row[column.name], column))).join("\t")}\n`;
    if (chunk.length >= CHUNK_BYTES) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

async function copyTable(client: pg.Client, table: TargetTable, rows: Iterable<Record<string, unknown>>): Promise<number> {
  const columns = table.columns.filter((column) => !column.isGenerated);
  const copy = new CopyIn(`COPY "${table.name}" (${columns.map((column) => `"${column.name}"`).join(", ")}) FROM STDIN`, copyChunks(rows, columns));
  // node-postgres runs an object with submit() as a query of its own and returns it unchanged.
  client.query(copy);
  return copy.done;
}

export async function copyBenchToPostgres(options: { sqliteUrl: string; postgresUrl: string; log: (line: string) => void }): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  await deployMigrations(options.postgresUrl);
  const sqlite = new Database(sqliteFilePath(options.sqliteUrl), { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: options.postgresUrl });
  await client.connect();
  let rows = 0;
  try {
    const tables = await readTargetTables(client);
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(`DROP INDEX "${SEARCH_GIN_INDEX}"`);
    for (const table of [...tables.values()].filter((t) => !SKIPPED(t.name))) {
      const copied = await copyTable(client, table, sqlite.prepare(`SELECT * FROM "${table.name}"`).iterate() as Iterable<Record<string, unknown>>);
      rows += copied;
      if (copied > 10_000) options.log(`${table.name}: ${copied} rows`);
    }
    rows += await copyTable(client, tables.get(SEARCH_TABLE)!, sqlite.prepare(SEARCH_SOURCE).iterate() as Iterable<Record<string, unknown>>);
    options.log(`${SEARCH_TABLE}: indexing`);
    await client.query(`CREATE INDEX "${SEARCH_GIN_INDEX}" ON "${SEARCH_TABLE}" USING GIN ("document")`);
    await client.query("COMMIT");
    // Planner statistics and the visibility map, as autovacuum would leave a database that has been running.
    await client.query("VACUUM (ANALYZE)");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    sqlite.close();
    await client.end();
  }
  return { seconds: (performance.now() - started) / 1000, rows };
}
