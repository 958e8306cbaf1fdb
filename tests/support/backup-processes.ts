// Child processes and throwaway PostgreSQL databases for the backup tests (tests/integration/
// backup-*.test.ts). Each test makes its own databases, so the run's shared database is untouched.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import "../setup/provided-context";
import type { WriterLine } from "./backup-writer";

export type Env = Record<string, string>;

function nodeArgs(script: string): string[] {
  return ["--import", "tsx", script];
}

// The demo newsroom (pictures included), seeded the way `npm start` does.
export function seedNewsroom(env: Env): void {
  const result = spawnSync(process.execPath, nodeArgs("prisma/seed.ts"), { env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`seeding failed: ${result.stderr}`);
}

// SportsML files imported with `npm run sports:import` (as the longest-standing admin).
export function importSportsFiles(env: Env, files: string[]): string {
  const result = spawnSync(process.execPath, [...nodeArgs("scripts/sports-import.ts"), ...files], { env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`the sports import failed: ${result.stderr}`);
  return result.stdout;
}

// Every row and what the app's reading code shows, as JSON (tests/support/backup-reader.ts).
export function readNewsroom(env: Env, searchWords: string[] = []): NewsroomView {
  const result = spawnSync(process.execPath, nodeArgs("tests/support/backup-reader.ts"), {
    env: { ...process.env, ...env, BACKUP_READER_SEARCH: searchWords.join(",") },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`reading the newsroom failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as NewsroomView;
}

export type NewsroomView = {
  models: Record<string, Record<string, unknown>[]>;
  pages: Record<string, unknown>;
  front: unknown;
  storyList: unknown;
  search: Record<string, string[]>;
};

// `limit` stories (create + save each), waited for.
export function runWriter(env: Env, limit: number): WriterLine[] {
  const result = spawnSync(process.execPath, nodeArgs("tests/support/backup-writer.ts"), {
    env: { ...process.env, ...env, BACKUP_WRITER_LIMIT: String(limit) },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`the writer failed: ${result.stderr}`);
  return parseLines(result.stdout);
}

export type RunningWriter = { lines: WriterLine[]; stop: () => Promise<WriterLine[]> };

// A writer that keeps going until stopped; `lines` grows as writes are acknowledged.
export async function startWriter(env: Env): Promise<RunningWriter> {
  const stopFile = path.join(tmpdir(), `pressbox-backup-writer-${randomBytes(6).toString("hex")}.stop`);
  const child = spawn(process.execPath, nodeArgs("tests/support/backup-writer.ts"), { env: { ...process.env, ...env, BACKUP_WRITER_STOP_FILE: stopFile }, stdio: ["ignore", "pipe", "pipe"] });
  const lines: WriterLine[] = [];
  let buffered = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split("\n");
      buffered = parts.pop()!;
      for (const part of parts) {
        if (part === "ready") resolve();
        else if (part.trim()) lines.push(JSON.parse(part) as WriterLine);
      }
    });
    exited.then((code) => reject(new Error(`the writer exited (${code}): ${stderr}`)));
  });
  const stop = async () => {
    writeFileSync(stopFile, "");
    const code = await exited;
    rmSync(stopFile, { force: true });
    if (code !== 0) throw new Error(`the writer failed (${code}): ${stderr}`);
    return lines;
  };
  return { lines, stop };
}

function parseLines(stdout: string): WriterLine[] {
  return stdout
    .split("\n")
    .filter((line) => line.trim() && line !== "ready")
    .map((line) => JSON.parse(line) as WriterLine);
}

// The server the integration-postgres run found or started (tests/setup/postgres-database.ts).
const serverUrl = () => inject("postgresServerUrl");

export type PostgresDatabase = { url: string; drop: () => Promise<void> };

// A new, empty database on the test server, with a unique name.
export async function createPostgresDatabase(label: string): Promise<PostgresDatabase> {
  const name = `pressbox_${label}_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
