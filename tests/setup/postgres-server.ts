// globalSetup of the hostile project: a PostgreSQL server (ensurePostgres: the configured one, or
// an embedded one) on which its files create their own databases (tests/hostile/support/h3-postgres.ts).
import type { TestProject } from "vitest/node";
import { ensurePostgres } from "./ensure-postgres";
import "./provided-context";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await ensurePostgres();
  project.provide("postgresServerUrl", server.url);
  return server.stop;
}
