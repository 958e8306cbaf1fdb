// `npm run restore -- <archive.tar.gz> --to <new folder> [--database-url postgresql://…]`
// Checks every file of the archive first; writes nothing unless all match the manifest.
import path from "node:path";
import { BackupError } from "../lib/backup/backup-error";
import { restoreBackup } from "../lib/backup/restore-backup";
import { parseArguments, runCommand } from "./backup/cli";

const USAGE = [
  "usage: npm run restore -- <archive.tar.gz> --to <new or empty folder> [--database-url postgresql://…/<empty database>]",
  "  SQLite backups: the database, media/ and nextauth-secret go into the folder.",
  "  PostgreSQL backups: the database goes into the empty database named; media/ and nextauth-secret into the folder.",
].join("\n");

runCommand(async () => {
  const { options, positional } = parseArguments(process.argv.slice(2), ["to", "database-url"], USAGE);
  if (positional.length !== 1) throw new BackupError(`name one archive to restore\n${USAGE}`);
  if (!options.to) throw new BackupError(`say where to restore with --to <folder>\n${USAGE}`);
  const result = await restoreBackup({ archive: positional[0], to: options.to, databaseUrl: options["database-url"], log: (line) => console.log(line) });
  const relative = path.relative(process.cwd(), result.folder);
  const folder = relative.startsWith("..") ? result.folder : relative || ".";
  const { manifest } = result;
  console.log(
    `restored into ${folder}${manifest.provider === "sqlite" ? ` (PRAGMA integrity_check: ${result.integrity})` : ""}: ${manifest.tables.Article ?? 0} stories, ${manifest.tables.Revision ?? 0} revisions, ${manifest.mediaFiles} media files`,
  );
  console.log("start it with:");
  const database = manifest.provider === "sqlite" ? `file:${path.join(folder, "pressbox.db")}` : "<the --database-url above>";
  const secret = manifest.sessionSecret ? ` NEXTAUTH_SECRET="$(cat ${path.join(folder, manifest.sessionSecret.file)})"` : "";
  console.log(`  DATABASE_URL=${database} MEDIA_DIR=${path.join(folder, "media")}${secret} npm start`);
  if (manifest.missingMedia.length > 0) console.log(`note: ${manifest.missingMedia.length} media file(s) were already missing when the backup was made`);
});
