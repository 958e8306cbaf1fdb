// `npm run backup [-- --out backups/name.tar.gz]`: one archive with a consistent snapshot of the
// database DATABASE_URL names (SQLite online backup, or pg_dump), the media files in MEDIA_DIR
// that its records name, the session secret, and a manifest with SHA-256 sums.
import path from "node:path";
import { BackupError } from "../lib/backup/backup-error";
import { createBackup } from "../lib/backup/create-backup";
import { resolveDatabaseUrl } from "../lib/database-url";
import { resolveMediaDir } from "../lib/media/file/storage";
import { parseArguments, runCommand } from "./backup/cli";

const USAGE = "usage: npm run backup [-- --out <archive.tar.gz>]   (DATABASE_URL and MEDIA_DIR say what to back up)";

runCommand(async () => {
  const { options, positional } = parseArguments(process.argv.slice(2), ["out"], USAGE);
  if (positional.length > 0) throw new BackupError(`unexpected argument ${positional[0]}\n${USAGE}`);
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const out = options.out ?? path.join("backups", `pressbox-${stamp}.tar.gz`);
  if (!out.endsWith(".tar.gz")) throw new BackupError(`the archive name must end in .tar.gz\n${USAGE}`);
  await createBackup({ databaseUrl: resolveDatabaseUrl(), mediaDir: resolveMediaDir(), dataDir: "data", env: process.env, out, log: (line) => console.log(line) });
});
