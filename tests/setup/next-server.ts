// globalSetup of the e2e project: a fresh seeded SQLite database, an up-to-date production
// build and the production server (scripts/server.ts, what `npm start` runs) on a free port; the
// base URL goes to tests through `inject("baseUrl")`. Hostile-suite files start their own servers
// on their own databases with startAppServer.
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { isBuildStale } from "../../scripts/build-status";
import { describeChromium, testChromium } from "../../scripts/chromium";
import { findFreePort, killGroupOnExit, signalGroup, spawnGroup, stopGroup, waitUntilAnswering } from "../../scripts/process-group";
import { E2E_PRIVATE_FETCH_AGENCY } from "../fixtures/wire-picture-server";
import { createSqliteDatabase, removeDir } from "./temp-database";
import "./provided-context";

const STARTUP_TIMEOUT_MS = 60_000;
const SERVER_LOG = path.join("test-results", "e2e-server.log");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  prepareChromium();
  const database = await createSqliteDatabase("e2e");
  let server: RunningServer;
  try {
    const env = { DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir };
    seedDatabase(env);
    ensureBuild(env);
    // The wire e2e tests serve agency pictures from 127.0.0.1 for this one agency.
    server = await startAppServer({ ...env, WIRE_PRIVATE_FETCH_AGENCIES: E2E_PRIVATE_FETCH_AGENCY, WIRE_FETCH_TIMEOUT_MS: "5000" }, SERVER_LOG);
  } catch (error) {
    removeDir(database.dir);
    throw error;
  }
  console.log(`e2e: the production server is answering at ${server.baseUrl} (log: ${SERVER_LOG})`);
  project.provide("baseUrl", server.baseUrl);
  project.provide("databaseUrl", database.databaseUrl);
  project.provide("mediaDir", database.mediaDir);
  return async () => {
    await server.stop();
    removeDir(database.dir);
  };
}

// Resolved (and the bundled one unpacked) once here, before test files launch it.
export function prepareChromium(): void {
  console.log(`tests: ${describeChromium(testChromium())}`);
}

// The demo newsroom, seeded the way `npm start` does.
export function seedDatabase(env: Record<string, string>): void {
  run("tsx", ["prisma/seed.ts"], env);
}

// `next build` only when .next is missing or older than its sources (the rule `npm start` uses).
// Built against the given (fresh) database, so nothing prerendered can read a developer's own data.
export function ensureBuild(env: Record<string, string>): void {
  if (!isBuildStale()) return;
  console.log("tests: building the production app (next build)…");
  run("next", ["build"], { ...env, NODE_ENV: "production" });
}

// A node_modules/.bin command with its output shown; throws when it fails.
function run(bin: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(path.join("node_modules", ".bin", bin), args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed with exit code ${result.status}`);
}

// A production server refuses to start sign-in without a secret; tests get a throwaway one.
function authEnv(baseUrl: string): Record<string, string> {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? "pressbox-e2e-secret-not-for-production";
  return { AUTH_SECRET: secret, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: baseUrl };
}

export type RunningServer = { baseUrl: string; pid: number; stop: () => Promise<void>; kill: () => void };

// The production server (scripts/server.ts) on a free port, in its own process group (detached),
// so stopping it stops every process it spawned. env holds at least DATABASE_URL and MEDIA_DIR.
export async function startAppServer(env: Record<string, string>, logFile: string): Promise<RunningServer> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = openSync(logFile, "w");
  // Node itself with tsx's loader (as `npm start` runs), not the tsx command: that one SIGKILLs a
  // child too busy to acknowledge a relayed SIGTERM within 60 ms, so shutdown could not be tested.
  const child = spawnGroup(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    stdio: ["ignore", log, log],
    env: { ...process.env, ...authEnv(baseUrl), ...env, PORT: String(port), BIND_ADDRESS: "127.0.0.1", NODE_ENV: "production" },
  });
  closeSync(log);
  // Vitest crashing must not leave a server behind.
  const forget = killGroupOnExit(child);
  const stop = async () => {
    forget();
    await stopGroup(child);
  };
  try {
    await waitUntilAnswering(baseUrl, child, { name: "the server", logFile, timeoutMs: STARTUP_TIMEOUT_MS });
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: child.pid!, stop, kill: () => signalGroup(child, "SIGKILL") };
}
