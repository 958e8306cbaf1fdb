// globalSetup of the hostile project: an up-to-date production build for the servers its files
// start on their own databases (tests/setup/next-server.ts startAppServer), and the Chromium its
// XSS files drive. Global setups run one project after another, so this and the e2e setup never
// build at the same time, and the second finds the first one's build current.
import { createSqliteDatabase, removeDir } from "./temp-database";
import { ensureBuild, prepareChromium } from "./next-server";

export default async function setup(): Promise<void> {
  prepareChromium();
  const database = await createSqliteDatabase("build");
  try {
    ensureBuild({ DATABASE_URL: database.databaseUrl, MEDIA_DIR: database.mediaDir });
  } finally {
    removeDir(database.dir);
  }
}
