// The one answer to "which Chromium?" for the e2e and hostile tests and scripts/lighthouse.ts.
// CHROMIUM_PATH always wins when set. Then, for scripts/lighthouse.ts (the default, prefer
// "system"): the system's /usr/bin/chromium, a full browser, else the bundled one. For the tests
// (prefer "bundled"): the headless Chromium that the @sparticuz/chromium npm package ships
// (brotli-compressed inside the package, so `npm install` downloads nothing else), else the
// system's. The bundled build is a headless shell: the same binary on every machine, and lighter
// than Debian's full browser with its wrapper's flags (three e2e files took 39 CPU seconds with it
// against 52 with Debian's Chromium 156, on 2026-12-07). It is decompressed once per version into
// the temp folder.
import { accessSync, constants, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const BUNDLED_PACKAGE = "@sparticuz/chromium";

type ResolvedChromium = { path: string; source: "CHROMIUM_PATH" | "system" | "bundled" };

type Options = { env?: Record<string, string | undefined>; systemPath?: string; cacheRoot?: string; prefer?: "system" | "bundled" };

export function resolveChromium(options: Options = {}): ResolvedChromium {
  const { env = process.env, systemPath = SYSTEM_CHROMIUM, cacheRoot = tmpdir(), prefer = "system" } = options;
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) return { path: configured, source: "CHROMIUM_PATH" };
  if (prefer === "bundled") {
    try {
      return { path: bundledChromium(cacheRoot), source: "bundled" };
    } catch (error) {
      // No package (an install without it) or no room to unpack it: the system's, when there is one.
      if (isExecutableFile(systemPath)) return { path: systemPath, source: "system" };
      throw error;
    }
  }
  if (isExecutableFile(systemPath)) return { path: systemPath, source: "system" };
  return { path: bundledChromium(cacheRoot), source: "bundled" };
}

// The tests' Chromium (tests/e2e/harness.ts, tests/setup/next-server.ts).
export const testChromium = (): ResolvedChromium => resolveChromium({ prefer: "bundled" });

export function describeChromium({ path: file, source }: ResolvedChromium): string {
  const origin = { CHROMIUM_PATH: "from CHROMIUM_PATH", system: "the system's", bundled: `bundled with ${BUNDLED_PACKAGE}` }[source];
  return `Chromium ${origin}: ${file}`;
}

// A regular file we may execute: a path hidden by an empty bind mount (a directory, /dev/null)
// does not count.
function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// Decompressed to a private file, then renamed into place: a process that finds the binary never
// finds half of one, even when several start at once or an earlier run was killed mid-way.
function bundledChromium(cacheRoot: string): string {
  // The package exports only its entry point (build/index.js), not its package.json.
  const packageDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve(BUNDLED_PACKAGE)), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  const dir = path.join(cacheRoot, `pressbox-chromium-${version}`);
  const binary = path.join(dir, "chromium");
  if (isExecutableFile(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  writeFileSync(partial, brotliDecompressSync(readFileSync(path.join(packageDir, "bin", "chromium.br"))), { mode: 0o755 });
  renameSync(partial, binary);
  return binary;
}
