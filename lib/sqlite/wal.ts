// SQLite settings for a server: WAL lets readers run while one writer writes. journal_mode is
// stored in the database file, so setting it once after migrating is enough.
import Database from "better-sqlite3";

export function enableWal(file: string): string {
  const connection = new Database(file);
  try {
    return String(connection.pragma("journal_mode = WAL", { simple: true }));
  } finally {
    connection.close();
  }
}
