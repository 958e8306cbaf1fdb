import { describe, expect, test } from "vitest";
import { derivePostgresSchema } from "./derive-postgres";

const SOURCE = `generator client {
  provider   = "prisma-client"
  output     = "../lib/generated/sqlite"
}

datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}

model Team {
  id   String @id
  // provider = "sqlite" in a comment stays as written
  name String
}
`;

describe("derivePostgresSchema", () => {
  const derived = derivePostgresSchema(SOURCE);

  test("switches the datasource to PostgreSQL", () => {
    expect(derived).toContain('datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}');
  });

  test("sends the generated client to its own folder", () => {
    expect(derived).toContain('output = "../../lib/generated/postgresql"');
    expect(derived).not.toContain("generated/sqlite");
  });

  test("marks the file as generated, with the command that regenerates it", () => {
    expect(derived.split("\n")[0]).toMatch(/^\/\/ GENERATED from prisma\/schema\.prisma by `npm run db:derive`/);
  });

  test("changes nothing else", () => {
    const body = derived.slice(derived.indexOf("\n") + 1);
    const restored = body.replace('provider = "postgresql"', 'provider = "sqlite"').replace('output = "../../lib/generated/postgresql"', 'output     = "../lib/generated/sqlite"');
    expect(restored).toBe(SOURCE);
  });

  test("is deterministic", () => {
    expect(derivePostgresSchema(SOURCE)).toBe(derived);
  });

  test("refuses a source without the SQLite datasource, rather than deriving a wrong schema", () => {
    expect(() => derivePostgresSchema(SOURCE.replaceAll('"sqlite"', '"mysql"'))).toThrow(/no longer contains .*sqlite/);
    expect(() => derivePostgresSchema(derived)).toThrow(/no longer contains/);
  });

  test("refuses a source whose client output moved", () => {
    expect(() => derivePostgresSchema(SOURCE.replace("generated/sqlite", "client"))).toThrow(/no longer contains .*output/);
  });
});
