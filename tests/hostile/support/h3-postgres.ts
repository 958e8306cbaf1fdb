// A throwaway PostgreSQL database for one hostile test file, on the server POSTGRES_TEST_URL names
// (the integration-postgres default otherwise), migrated like production and dropped afterwards.
// No server answering skips the PostgreSQL part outside CI and fails it in CI.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { deployMigrations } from "../../../scripts/db/deploy";
import { isCI } from "../../setup/temp-database";

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type PostgresDatabase = { databaseUrl: string; drop: () => Promise<void> };

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// The database, or why there is none (no server answering, outside CI).
export async function createPostgresDatabase(label: string): Promise<PostgresDatabase | string> {
  const serverUrl = process.env.POSTGRES_TEST_URL?.trim() || DEFAULT_SERVER_URL;
  const name = `pressbox_${label}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  try {
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  } catch (error) {
    if (isCI()) throw error;
    return `PostgreSQL not available (${(error as Error).message}); the PostgreSQL part is skipped`;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    await deployMigrations(url.toString());
  } catch (error) {
    await drop();
    throw error;
  }
  return { databaseUrl: url.toString(), drop };
}
