import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureAuthSecret, SECRET_FILE_NAME } from "./secret-file";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pressbox-secret-"));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("ensureAuthSecret", () => {
  it("uses NEXTAUTH_SECRET or AUTH_SECRET when given and writes nothing", () => {
    const dir = tempDir();
    const env: Record<string, string | undefined> = { AUTH_SECRET: "from-env" };
    expect(ensureAuthSecret(env, dir)).toBe("environment");
    expect(env.NEXTAUTH_SECRET).toBe("from-env");
    expect(() => statSync(path.join(dir, SECRET_FILE_NAME))).toThrow();
  });

  it("generates a private secret once into the data folder and reuses it", () => {
    const dir = path.join(tempDir(), "data");
    const first: Record<string, string | undefined> = {};
    expect(ensureAuthSecret(first, dir)).toBe("generated");
    const file = path.join(dir, SECRET_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.NEXTAUTH_SECRET).toMatch(/^[\w-]{40,}$/);
    expect(readFileSync(file, "utf8").trim()).toBe(first.NEXTAUTH_SECRET);
    const second: Record<string, string | undefined> = {};
    expect(ensureAuthSecret(second, dir)).toBe("file");
    expect(second.NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
  });
});
