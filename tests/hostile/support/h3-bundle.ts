// A child script of the hostile tests as one self-contained file (esbuild, which tsx depends on):
// `node bundle.mjs` starts in about half the CPU time of `node --import tsx script.ts` (nothing to
// transpile, one file instead of hundreds of modules), which matters for the hundred servers the
// crash test kills. Written under test-results/ so the native modules left outside it
// (better-sqlite3) resolve from the project's node_modules.
import { build } from "esbuild";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const OUT_DIR = path.join("test-results", "hostile");

export async function bundleScript(entry: string): Promise<{ file: string; remove: () => void }> {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${path.basename(entry, ".ts")}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["better-sqlite3", "pg-native"],
    // Bundled CommonJS packages still call require().
    banner: { js: `import { createRequire as __h3CreateRequire } from "node:module"; const require = __h3CreateRequire(import.meta.url);` },
    logLevel: "error",
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}
