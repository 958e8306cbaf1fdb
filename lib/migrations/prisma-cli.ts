// Runs the Prisma CLI with the DATABASE_URL that selects a provider (see prisma.config.ts).
// Output is captured, never shell-redirected, so a failed command cannot leave an empty file behind.
import { spawnSync } from "node:child_process";
import path from "node:path";

export const PLACEHOLDER_URLS = {
  sqlite: "file:./data/pressbox.db",
  // migrate diff between two datamodels reads no tables, but the js engine still connects once.
  postgresql: process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
} as const;

export type Provider = keyof typeof PLACEHOLDER_URLS;

export function runPrisma(args: string[], databaseUrl: string): { status: number; stdout: string; stderr: string } {
  const bin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const result = spawnSync(bin, args, {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

export function runPrismaOrExit(args: string[], databaseUrl: string): string {
  const result = runPrisma(args, databaseUrl);
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`prisma ${args.join(" ")} failed with exit code ${result.status}`);
  }
  return result.stdout;
}
