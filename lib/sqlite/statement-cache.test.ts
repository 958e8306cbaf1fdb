// The statement cache under the pinned adapter: the same SQL text is prepared once and run with
// each query's own parameters, writes and reads stay correct, and the cache stays bounded.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { ArgType, SqlDriverAdapter, SqlQuery } from "@prisma/driver-adapter-utils";
import type { Database } from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { replaceSqliteClientOf, sqliteClientOf } from "./pinned-adapter";
import { withStatementCache } from "./statement-cache";

const argType = (value: unknown): ArgType => ({ scalarType: typeof value === "number" ? "int" : "string", arity: "scalar" });
const query = (sql: string, args: unknown[] = []): SqlQuery => ({ sql, args, argTypes: args.map(argType) });

describe("SQLite statement cache", () => {
  let driver: SqlDriverAdapter;
  afterEach(async () => driver?.dispose());

  async function connect(size?: number): Promise<{ prepared: string[] }> {
    driver = await new PrismaBetterSQLite3({ url: ":memory:" }).connect();
    const client = sqliteClientOf(driver);
    const prepared: string[] = [];
    const counting = new Proxy(client, {
      get(target, property) {
        if (property === "prepare") return (sql: string) => (prepared.push(sql), target.prepare(sql));
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as Database;
    replaceSqliteClientOf(driver, withStatementCache(counting, size));
    await driver.executeScript(`CREATE TABLE story (id INTEGER PRIMARY KEY, headline TEXT NOT NULL)`);
    return { prepared };
  }

  it("prepares a SQL text once and runs it with each query's parameters", async () => {
    const { prepared } = await connect();
    const insert = `INSERT INTO story (id, headline) VALUES (?, ?)`;
    for (const [id, headline] of [
      [1, "Gold"],
      [2, "Silver"],
      [3, "Bronze"],
    ] as const)
      expect(await driver.executeRaw({ sql: insert, args: [id, headline], argTypes: [argType(0), argType("")] })).toBe(1);
    const select = `SELECT headline FROM story WHERE id = ?`;
    for (const [id, headline] of [
      [2, "Silver"],
      [1, "Gold"],
      [3, "Bronze"],
      [4, undefined],
    ] as const) {
      const result = await driver.queryRaw(query(select, [id]));
      expect(result.columnNames).toEqual(["headline"]);
      expect(result.rows).toEqual(headline ? [[headline]] : []);
    }
    expect(prepared.filter((sql) => sql === insert)).toHaveLength(1);
    expect(prepared.filter((sql) => sql === select)).toHaveLength(1);
  });

  it("answers statements that return no rows, and errors, as the adapter did", async () => {
    await connect();
    await expect(driver.queryRaw(query(`UPDATE story SET headline = 'x' WHERE id = 1`))).resolves.toMatchObject({ columnNames: [], rows: [] });
    await expect(driver.queryRaw(query(`SELECT nope FROM story`))).rejects.toThrow();
    await driver.executeRaw({ sql: `INSERT INTO story (id, headline) VALUES (?, ?)`, args: [1, "Gold"], argTypes: [argType(0), argType("")] });
    await expect(driver.executeRaw({ sql: `INSERT INTO story (id, headline) VALUES (?, ?)`, args: [1, "Again"], argTypes: [argType(0), argType("")] })).rejects.toThrow();
    expect((await driver.queryRaw(query(`SELECT headline FROM story`))).rows).toEqual([["Gold"]]);
  });

  it("keeps at most its size of statements, dropping the least recently used", async () => {
    const { prepared } = await connect(2);
    const texts = [1, 2, 3].map((n) => `SELECT ${n} AS n`);
    for (const sql of [texts[0], texts[1], texts[0], texts[2], texts[0], texts[1]]) await driver.queryRaw(query(sql));
    // 0 and 1 prepared; 0 used again; 2 evicts 1; 0 still cached; 1 prepared again.
    expect(prepared.filter((sql) => texts.includes(sql))).toEqual([texts[0], texts[1], texts[2], texts[1]]);
  });
});
