import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveChromium } from "./chromium";

const scratch = mkdtempSync(path.join(tmpdir(), "pressbox-chromium-test-"));
// One fresh cache for the whole file: unpacking takes seconds, so the fallback cases reuse it.
const cacheRoot = path.join(scratch, "cache");
let unpacked: string;

beforeAll(() => {
  unpacked = resolveChromium({ env: {}, systemPath: "/dev/null", cacheRoot }).path;
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("which Chromium the tests drive", () => {
  it("takes CHROMIUM_PATH when it is set, whatever the system has", () => {
    const resolved = resolveChromium({ env: { CHROMIUM_PATH: "/opt/my-chromium" }, systemPath: process.execPath });
    expect(resolved).toEqual({ path: "/opt/my-chromium", source: "CHROMIUM_PATH" });
  });

  it("takes the system's Chromium when it is an executable file", () => {
    const system = path.join(scratch, "system-chromium");
    writeFileSync(system, "#!/bin/sh\n");
    chmodSync(system, 0o755);
    expect(resolveChromium({ env: {}, systemPath: system })).toEqual({ path: system, source: "system" });
  });

  it.each([
    ["missing", () => path.join(scratch, "no-such-chromium")],
    ["hidden by an empty directory", () => scratch],
    ["hidden by /dev/null", () => "/dev/null"],
    [
      "not executable",
      () => {
        const file = path.join(scratch, "plain-file");
        writeFileSync(file, "");
        chmodSync(file, 0o644);
        return file;
      },
    ],
  ])("falls back to the bundled Chromium when the system's is %s", (_, systemPath) => {
    expect(resolveChromium({ env: {}, systemPath: systemPath(), cacheRoot })).toEqual({ path: unpacked, source: "bundled" });
  });

  it("gives the tests the bundled Chromium even when the system has one", () => {
    expect(resolveChromium({ env: {}, systemPath: process.execPath, cacheRoot, prefer: "bundled" })).toEqual({ path: unpacked, source: "bundled" });
  });

  it("gives the tests the system's Chromium when the bundled one cannot be unpacked", () => {
    const system = path.join(scratch, "system-chromium-2");
    writeFileSync(system, "#!/bin/sh\n");
    chmodSync(system, 0o755);
    const unwritable = path.join(scratch, "plain-file-as-cache");
    writeFileSync(unwritable, "");
    expect(resolveChromium({ env: {}, systemPath: system, cacheRoot: unwritable, prefer: "bundled" })).toEqual({ path: system, source: "system" });
    expect(() => resolveChromium({ env: {}, systemPath: "/dev/null", cacheRoot: unwritable, prefer: "bundled" })).toThrow();
  });

  it("unpacks the bundled Chromium into a fresh cache whole (no partial file left), and it runs", () => {
    expect(path.dirname(path.dirname(unpacked))).toBe(cacheRoot);
    expect(readdirSync(path.dirname(unpacked))).toEqual(["chromium"]);
    const version = spawnSync(unpacked, ["--version"], { encoding: "utf8" });
    expect(version.stdout).toMatch(/^Chromium \d+\.\d+\.\d+\.\d+/);
  }, 30_000);
});
