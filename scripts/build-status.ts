// Whether the production build in .next is missing or older than the sources it was built from.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_ROOTS = ["app", "components", "lib", "next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "tsconfig.json"];
const IGNORED = new Set(["node_modules", "generated", ".next"]);
const BUILD_ID_FILE = path.join(".next", "BUILD_ID");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (!IGNORED.has(child)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export function isBuildStale(root: string = process.cwd()): boolean {
  const buildId = path.join(root, BUILD_ID_FILE);
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCE_ROOTS.some((entry) => newestMtime(path.join(root, entry)) > builtAt);
}
