// globalSetup of the integration-sqlite project: one fresh, migrated SQLite file per run.
import type { TestProject } from "vitest/node";
import { createSqliteDatabase, removeDir } from "./temp-database";
import "./provided-context";

export default async function setup(project: TestProject): Promise<() => void> {
  const database = await createSqliteDatabase("sqlite");
  project.provide("databaseUrl", database.databaseUrl);
  project.provide("mediaDir", database.mediaDir);
  return () => removeDir(database.dir);
}
