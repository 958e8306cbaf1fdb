// `npm start`: migrate the database, seed the demo newsroom once, build if needed, serve.
// `npm run dev`: the same, then the Next.js development server instead of a build.
// package.json runs this with `exec node --import tsx`: npm's signal reaches this very process (no
// shell or tsx launcher in between to be orphaned, or to SIGKILL a busy server), and the server
// (scripts/server-shutdown.ts) drains before it exits.
import "./next-environment";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ensureAuthSecret } from "../lib/auth/secret-file";
import { databaseProvider, resolveDatabaseUrl, sqliteFilePath } from "../lib/database-url";
import { deployMigrations } from "../lib/migrations/deploy";
import { assertMediaConfig } from "../lib/media/file/storage-config";
import { isBuildStale } from "./build-status";
import { localServerUrl, startWireInboxProcess } from "./wire-inbox-process";

const isDev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const nextBin = path.join("node_modules", ".bin", "next");
const DATA_DIR = "data";

function prepareEnvironment(): void {
  process.env.DATABASE_URL = resolveDatabaseUrl();
  if (databaseProvider(process.env.DATABASE_URL) === "sqlite") {
    mkdirSync(path.dirname(sqliteFilePath(process.env.DATABASE_URL)), { recursive: true });
  }
}

// Sessions need a secret: the one given, else one generated once into the data folder.
function prepareAuth(): void {
  const source = ensureAuthSecret(process.env, DATA_DIR);
  if (source === "generated") console.log(`Generated a session secret in ${path.join(DATA_DIR, "nextauth-secret")} (keep it private; set NEXTAUTH_SECRET to use your own).`);
  process.env.NEXTAUTH_URL ??= process.env.SITE_URL ?? `http://localhost:${port}`;
}

// The demo newsroom once (unless PRESSBOX_DEMO_CONTENT=false), then the first accounts.
async function seedOnce(): Promise<void> {
  // Imported late: lib/db reads DATABASE_URL when it loads.
  const { db } = await import("../lib/db");
  const { seedDemoNewsroom } = await import("../prisma/seed");
  const { ensureAccounts } = await import("../lib/users/bootstrap");
  try {
    if (process.env.PRESSBOX_DEMO_CONTENT !== "false") await seedDemoNewsroom(db);
    await ensureAccounts(db, process.env);
  } finally {
    await db.$disconnect();
  }
}

function buildIfNeeded(): void {
  if (!isBuildStale()) return;
  console.log("Building the production app (first start or changed sources)…");
  const result = spawnSync(nextBin, ["build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error("next build failed");
}

// Production: scripts/server.ts in this process (Next.js behind the page cache; it starts the wire
// inbox process). Development: `next dev`, which renders every request, and the inbox process beside it.
async function serve(): Promise<void> {
  if (!isDev) {
    const { startServer } = await import("./server");
    await startServer({ port: Number(port), hostname: process.env.BIND_ADDRESS ?? "0.0.0.0" });
    return;
  }
  const server = spawn(nextBin, ["dev", "-p", port], { stdio: "inherit", env: process.env });
  const inbox = startWireInboxProcess(process.env, localServerUrl("127.0.0.1", port));
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code, signal) => void inbox?.stop(30_000).finally(() => process.exit(code ?? (signal ? 1 : 0))));
  console.log(`Pressbox: http://localhost:${port}`);
}

async function main(): Promise<void> {
  prepareEnvironment();
  // Before migrating and seeding: a mistaken media setting is named at once, not in a failed seed.
  assertMediaConfig();
  prepareAuth();
  await deployMigrations(process.env.DATABASE_URL);
  await seedOnce();
  if (!isDev) {
    buildIfNeeded();
    (process.env as Record<string, string>).NODE_ENV = "production";
  }
  await serve();
}

main().catch((error) => {
  console.error(`Pressbox could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
