// A throwaway PostgreSQL database for one hostile test file, on the server the project's global
// setup found or started (tests/setup/postgres-server.ts), migrated like production and dropped
// afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { deployMigrations } from "../../../lib/migrations/deploy";
import "../../setup/provided-context";

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

export async function createPostgresDatabase(label: string): Promise<PostgresDatabase> {
  const serverUrl = inject("postgresServerUrl");
  const name = `pressbox_${label}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
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
