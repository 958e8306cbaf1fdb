import path from "node:path";
import { describe, expect, test } from "vitest";
import { databaseProvider, DEFAULT_DATABASE_URL, resolveDatabaseUrl, sqliteFilePath } from "./database-url";

describe("resolveDatabaseUrl", () => {
  test("uses DATABASE_URL when set, without surrounding whitespace", () => {
    expect(resolveDatabaseUrl({ DATABASE_URL: "  postgres://db/pressbox \n" })).toBe("postgres://db/pressbox");
  });

  test.each([{}, { DATABASE_URL: "" }, { DATABASE_URL: "   " }])("falls back to the SQLite default for %j", (env) => {
    expect(resolveDatabaseUrl(env)).toBe(DEFAULT_DATABASE_URL);
  });
});

describe("databaseProvider", () => {
  test.each([
    ["file:./data/pressbox.db", "sqlite"],
    ["file:/var/lib/pressbox/pressbox.db", "sqlite"],
    ["postgres://postgres@127.0.0.1:5432/pressbox", "postgresql"],
    ["postgresql://postgres@127.0.0.1:5432/pressbox", "postgresql"],
    ["POSTGRESQL://postgres@db/pressbox", "postgresql"],
  ])("%s is %s", (url, provider) => {
    expect(databaseProvider(url)).toBe(provider);
  });

  test("refuses other databases and names only the scheme, never the credentials", () => {
    expect(() => databaseProvider("mysql://root:s3cret@db/pressbox")).toThrow(/must start with "file:".*got "mysql:…"/);
    expect(() => databaseProvider("mysql://root:s3cret@db/pressbox")).not.toThrow(/s3cret/);
  });

  test("refuses a postgres URL without the double slash", () => {
    expect(() => databaseProvider("postgres:pressbox")).toThrow(/DATABASE_URL/);
  });
});

describe("sqliteFilePath", () => {
  test("resolves a relative file against the project root", () => {
    expect(sqliteFilePath("file:./data/pressbox.db", "/srv/pressbox")).toBe(path.resolve("/srv/pressbox/data/pressbox.db"));
  });

  test("keeps an absolute file and drops connection parameters", () => {
    expect(sqliteFilePath("file:/var/lib/pressbox.db?connection_limit=1", "/srv/pressbox")).toBe("/var/lib/pressbox.db");
  });

  test("accepts a file:/// URL", () => {
    expect(sqliteFilePath("file:///tmp/pressbox.db", "/srv/pressbox")).toBe("/tmp/pressbox.db");
  });
});
