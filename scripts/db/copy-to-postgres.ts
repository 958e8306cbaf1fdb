// `npm run db:copy-to-postgres -- postgresql://…/<empty database>`: copies the SQLite newsroom that
// DATABASE_URL names (default data/pressbox.db) into an empty PostgreSQL database, all or nothing.
// Stop the server first: writes made after the copy started are not in the copy.
import { BackupError } from "../../lib/backup/backup-error";
import { copySqliteToPostgres } from "../../lib/backup/copy-to-postgres";
import { redactUrl } from "../../lib/database-url";
import { resolveDatabaseUrl } from "../../lib/database-url";
import { parseArguments, runCommand } from "../backup/cli";

const USAGE = "usage: npm run db:copy-to-postgres -- postgresql://user:password@host:5432/<empty database>   (DATABASE_URL names the SQLite source)";

runCommand(async () => {
  const { positional } = parseArguments(process.argv.slice(2), [], USAGE);
  if (positional.length !== 1) throw new BackupError(`name the PostgreSQL database to copy into\n${USAGE}`);
  const target = positional[0];
  const result = await copySqliteToPostgres({ sqliteUrl: resolveDatabaseUrl(), postgresUrl: target, log: (line) => console.log(line) });
  const rows = Object.values(result.tables).reduce((sum, count) => sum + count, 0);
  console.log(`copied ${rows} rows in ${Object.keys(result.tables).length} tables; row counts match. Use it with DATABASE_URL=${redactUrl(target)}`);
});
