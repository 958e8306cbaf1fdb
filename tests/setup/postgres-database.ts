// globalSetup of the integration-postgres project: a fresh database per run on the server that
// POSTGRES_TEST_URL names (default below), migrated like production and dropped at teardown.
// No server answering fails the run in CI and skips the project's tests elsewhere.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "../../scripts/db/deploy";
import { isCI, removeDir } from "./temp-database";
import "./provided-context";

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
// Errors that mean "no server answered", as opposed to a server that answered with a refusal.
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const serverUrl = process.env.POSTGRES_TEST_URL?.trim() || DEFAULT_SERVER_URL;
  if (!(await isReachable(serverUrl))) {
    const message = `PostgreSQL not reachable at ${redact(serverUrl)}`;
    if (isCI()) throw new Error(`${message}: CI requires the PostgreSQL integration run (start the server or set POSTGRES_TEST_URL)`);
    console.warn(`\n${message}: skipping the PostgreSQL integration run\n`);
    project.provide("databaseSkipReason", message);
    return;
  }
  const name = `pressbox_test_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const mediaDir = mkdtempSync(path.join(tmpdir(), "pressbox-postgres-media-"));
  const teardown = async () => {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    removeDir(mediaDir);
  };
  const databaseUrl = withDatabase(serverUrl, name);
  try {
    await deployMigrations(databaseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("databaseUrl", databaseUrl);
  project.provide("mediaDir", mediaDir);
  return teardown;
}

async function isReachable(serverUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if ((code && UNREACHABLE_CODES.has(code)) || /timeout/i.test(message)) return false;
    throw new Error(`PostgreSQL at ${redact(serverUrl)} refused the test run: ${message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
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

function redact(serverUrl: string): string {
  try {
    const url = new URL(serverUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(an unparseable POSTGRES_TEST_URL)";
  }
}
