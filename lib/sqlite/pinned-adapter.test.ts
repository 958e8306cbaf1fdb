// lib/sqlite/transactions.ts replaces the adapter's transaction handling and reads its private
// better-sqlite3 handle; both were written against one adapter version. An upgrade must stop here,
// loudly, before a transaction that no longer releases its lock reaches a newsroom.
import { readFileSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { PINNED_ADAPTER, PINNED_ADAPTER_VERSION, sqliteClientOf } from "./pinned-adapter";
import { withSafeTransactions } from "./transactions";

function manifest(path: string): { version: string; dependencies: Record<string, string> } {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
}

describe("the pinned SQLite driver adapter", () => {
  it("is the version lib/sqlite/ was written for, pinned exactly in package.json and installed", () => {
    expect(manifest("package.json").dependencies[PINNED_ADAPTER], `package.json must pin ${PINNED_ADAPTER} to exactly ${PINNED_ADAPTER_VERSION}`).toBe(PINNED_ADAPTER_VERSION);
    expect(manifest(`node_modules/${PINNED_ADAPTER}/package.json`).version, `the installed ${PINNED_ADAPTER} is not ${PINNED_ADAPTER_VERSION}: re-check lib/sqlite/transactions.ts`).toBe(PINNED_ADAPTER_VERSION);
  });

  it("still keeps its better-sqlite3 database where sqliteClientOf reads it", async () => {
    const driver = await new PrismaBetterSQLite3({ url: ":memory:" }).connect();
    try {
      const client = sqliteClientOf(driver);
      expect(client.inTransaction).toBe(false);
      expect(client.prepare("SELECT 41 + 1 AS answer").get()).toEqual({ answer: 42n });
    } finally {
      await driver.dispose();
    }
  });

  it("refuses, naming the pinned version, an adapter that keeps its database elsewhere", () => {
    const reshaped = { provider: "sqlite", adapterName: PINNED_ADAPTER, connection: {} } as unknown as SqlDriverAdapter;
    expect(() => sqliteClientOf(reshaped)).toThrow(`${PINNED_ADAPTER} ${PINNED_ADAPTER_VERSION}`);
  });

  it("fails at connect time, not at the first transaction, when the adapter has changed shape", async () => {
    const reshapedFactory = {
      provider: "sqlite",
      adapterName: PINNED_ADAPTER,
      connect: async () => ({ provider: "sqlite", adapterName: PINNED_ADAPTER }) as unknown as SqlDriverAdapter,
    } as unknown as PrismaBetterSQLite3;
    const factory = withSafeTransactions(reshapedFactory, { busyTimeoutMs: 10 });
    await expect(factory.connect()).rejects.toThrow(PINNED_ADAPTER_VERSION);
  });
});
