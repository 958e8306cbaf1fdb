// What every `npm run <kind>:import -- <files…> [--json] [--as <email>]` shares (wire copy,
// SportsML): its arguments, the staff member it imports as, each file read within a size limit
// (checked before reading, so a 100 MB file is never loaded) and imported on its own, a refused
// file reported while the others go on. Exit codes: 0 all imported, 1 some refused, 2 a usage
// error or nobody to import as.
import "server-only";
import { readFile, stat } from "node:fs/promises";
import { AppError, isAppError } from "../errors";
import type { Actor } from "../permissions";
import { findWireActor } from "../wire/actor";

export type CliIo = { out: (line: string) => void; err: (line: string) => void };

// `values` holds the options that take a value besides --as (the wire's --agency), by name.
export type FileImportArgs = { files: string[]; json: boolean; as: string | null; values: Record<string, string | null> };

export function parseFileImportArgs(argv: string[], usage: string, valueOptions: readonly string[] = []): FileImportArgs | string {
  const args: FileImportArgs = { files: [], json: false, as: null, values: Object.fromEntries(valueOptions.map((name) => [name, null])) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") args.json = true;
    else if (arg === "--as" || valueOptions.includes(arg)) {
      const value = argv[++i];
      if (!value || value.startsWith("--")) return `${arg} needs a value. ${usage}`;
      if (arg === "--as") args.as = value;
      else args.values[arg] = value;
    } else if (arg.startsWith("--")) return `unknown option ${arg}. ${usage}`;
    else args.files.push(arg);
  }
  return args.files.length ? args : `no files given. ${usage}`;
}

export async function readLimitedFile(file: string, maxBytes: number): Promise<Buffer> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppError("NOT_FOUND", `the file cannot be read (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw new AppError("INVALID", "is not a file");
  if (info.size > maxBytes) throw new AppError("INVALID", `The file is ${Math.ceil(info.size / 1024 / 1024)} MB; the limit is ${maxBytes / 1024 / 1024} MB.`);
  return readFile(file);
}

export type FileImport<R> = {
  usage: string;
  valueOptions?: readonly string[];
  // The environment variable naming whom to import as when --as is not given.
  actorVariable: string;
  importFile: (actor: Actor, file: string, args: FileImportArgs) => Promise<R>;
  describe: (file: string, result: R) => string;
  asJson: (file: string, result: R) => unknown;
};

export async function runFileImport<R>(argv: string[], io: CliIo, spec: FileImport<R>): Promise<number> {
  const args = parseFileImportArgs(argv, spec.usage, spec.valueOptions);
  if (typeof args === "string") {
    io.err(args);
    return 2;
  }
  const actor = await findWireActor(args.as ?? process.env[spec.actorVariable] ?? null, spec.actorVariable);
  if (typeof actor === "string") {
    io.err(actor);
    return 2;
  }
  let refused = 0;
  for (const file of args.files) {
    try {
      const result = await spec.importFile(actor, file, args);
      io.out(args.json ? JSON.stringify(spec.asJson(file, result)) : spec.describe(file, result));
    } catch (error) {
      if (!isAppError(error)) throw error;
      refused++;
      const reason = (error as Error).message;
      if (args.json) io.out(JSON.stringify({ file, outcome: "refused", error: reason }));
      io.err(`refused ${file}: ${reason}`);
    }
  }
  return refused ? 1 : 0;
}
