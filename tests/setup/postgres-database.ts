// globalSetup of the integration-postgres project: a fresh database per run on the server that
// ensurePostgres finds (POSTGRES_TEST_URL, its default, or an embedded server it starts), migrated
// like production and dropped at teardown.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "../../lib/migrations/deploy";
import { ensurePostgres } from "./ensure-postgres";
import { removeDir } from "./temp-database";
import "./provided-context";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await ensurePostgres();
  const name = `pressbox_test_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${randomBytes(4).toString("hex")}`;
  const mediaDir = mkdtempSync(path.join(tmpdir(), "pressbox-postgres-media-"));
  const teardown = async () => {
    try {
      await adminQuery(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      removeDir(mediaDir);
      await server.stop();
    }
  };
  const databaseUrl = withDatabase(server.url, name);
  try {
    await adminQuery(server.url, `CREATE DATABASE "${name}"`);
    await deployMigrations(databaseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("databaseUrl", databaseUrl);
  project.provide("mediaDir", mediaDir);
  // For tests that make databases of their own (the PostgreSQL backup tests).
  project.provide("postgresServerUrl", server.url);
  return teardown;
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
