// Shared by the backup command lines: a BackupError (or any error) prints its message alone and
// exits 1; a stack trace helps nobody restoring a newsroom at 3 a.m.
import { BackupError } from "../../lib/backup/backup-error";

export function runCommand(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(error instanceof BackupError ? message : `unexpected failure: ${message}`);
      process.exit(1);
    },
  );
}

// --name value, --name=value and plain arguments. Unknown options are refused.
export function parseArguments(argv: string[], known: string[], usage: string): { options: Record<string, string>; positional: string[] } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--help" || argument === "-h") {
      console.log(usage);
      process.exit(0);
    }
    if (!argument.startsWith("--")) {
      positional.push(argument);
      continue;
    }
    const [name, inline] = argument.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw new BackupError(`unknown option --${name}\n${usage}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") throw new BackupError(`--${name} needs a value\n${usage}`);
    options[name] = value;
  }
  return { options, positional };
}
