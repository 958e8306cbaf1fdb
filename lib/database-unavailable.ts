// A database that cannot take a write right now (another process holds SQLite's write lock past
// the busy timeout, the disk is full, the PostgreSQL server is unreachable or out of connections)
// is not a bug in the request: the person is told that nothing was saved and to try again (503).
import { AppError } from "./errors";

// Prisma's codes: timed out, transaction could not start in time, connection pool timeout,
// server unreachable / timed out / closed the connection, write conflict or deadlock.
const BUSY_CODES = new Set(["P1008", "P2028", "P2024", "P1001", "P1002", "P1017", "P2034", "SQLITE_BUSY", "SQLITE_LOCKED"]);
// The driver's own codes, as Prisma passes them on: SQLite's and PostgreSQL's disk full.
const FULL_CODES = new Set(["SQLITE_FULL", "53100"]);
const BUSY_KINDS = new Set(["SocketTimeout", "DatabaseNotReachable", "TooManyConnections", "TransactionWriteConflict", "ConnectionClosed"]);

const DATABASE_BUSY_MESSAGE = "The database is busy right now, so nothing was saved. Please try again in a moment.";
const DATABASE_FULL_MESSAGE = "The server's disk is full, so nothing was saved. Please try again once an administrator has freed space.";

export function databaseUnavailable(error: unknown): AppError | null {
  const { codes, kinds } = errorCodes(error);
  if (codes.some((code) => FULL_CODES.has(code))) return new AppError("UNAVAILABLE", DATABASE_FULL_MESSAGE);
  if (codes.some((code) => BUSY_CODES.has(code)) || kinds.some((kind) => BUSY_KINDS.has(kind))) return new AppError("UNAVAILABLE", DATABASE_BUSY_MESSAGE);
  return null;
}

type Cause = { kind?: unknown; originalCode?: unknown; code?: unknown };

// Prisma puts the driver adapter's error under meta.driverAdapterError; the adapter puts the
// driver's code and Prisma's error kind in its cause.
function errorCodes(error: unknown): { codes: string[]; kinds: string[] } {
  const top = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: Cause } }; cause?: Cause } | null;
  const causes = [top?.meta?.driverAdapterError?.cause, top?.cause].filter((cause): cause is Cause => typeof cause === "object" && cause !== null);
  const codes = [top?.code, ...causes.flatMap((cause) => [cause.originalCode, cause.code])].filter((code): code is string => typeof code === "string");
  const kinds = causes.map((cause) => cause.kind).filter((kind): kind is string => typeof kind === "string");
  return { codes, kinds };
}
