// A refusal an operator can act on: the command line prints its message alone and exits 1.
// Anything else thrown by lib/backup is a bug (printed too, but marked as unexpected).
export class BackupError extends Error {
  override readonly name = "BackupError";
}
