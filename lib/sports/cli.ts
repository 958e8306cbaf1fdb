// `npm run sports:import -- <files…> [--json] [--as <email>]`: imports each SportsML file (XML, or
// SportsJS JSON when the name ends in .json or the text starts with "{") as the named staff member
// (or SPORTS_IMPORT_AS, else the longest-standing active admin), printing what it created, updated
// or left unchanged; with --json one object a line per file. Exits 1 when any file was refused (its
// reason on stderr, or in its JSON line), 2 on a usage error. Modelled on wire:import (lib/wire/cli.ts).
import "server-only";
import { readFile, stat } from "node:fs/promises";
import { AppError, isAppError } from "../errors";
import { findWireActor } from "../wire/actor";
import { MAX_SPORTSML_BYTES } from "./sportsml/parse";
import { importSportsMl, type SportsImportReport } from "./import";

export type CliIo = { out: (line: string) => void; err: (line: string) => void };
type Args = { files: string[]; json: boolean; as: string | null };

const USAGE = "usage: npm run sports:import -- <files…> [--json] [--as <email>]";

export function parseCliArgs(argv: string[]): Args | string {
  const args: Args = { files: [], json: false, as: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") args.json = true;
    else if (arg === "--as") {
      const value = argv[++i];
      if (!value || value.startsWith("--")) return `${arg} needs a value. ${USAGE}`;
      args.as = value;
    } else if (arg.startsWith("--")) return `unknown option ${arg}. ${USAGE}`;
    else args.files.push(arg);
  }
  return args.files.length ? args : `no files given. ${USAGE}`;
}

const counts = (c: { created: number; updated: number; unchanged: number }) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

function describe(file: string, report: SportsImportReport): string {
  const skipped = report.skipped.length ? `; skipped: ${report.skipped.join("; ")}` : "";
  return (
    `imported ${file}: events ${counts(report.events)}; standings ${counts(report.standings)}; ` +
    `teams ${report.teams.created} created, ${report.teams.matched} matched; athletes ${report.athletes.created} created, ${report.athletes.matched} matched${skipped}.`
  );
}

function asJson(file: string, report: SportsImportReport) {
  return {
    file,
    outcome: "imported",
    events: report.events,
    standings: report.standings,
    teams: report.teams,
    athletes: report.athletes,
    eventResults: report.eventResults,
    standingsResults: report.standingsResults,
    skipped: report.skipped,
  };
}

// The size is checked before the file is read, so a 100 MB file is never loaded.
async function readDocument(file: string): Promise<string> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppError("NOT_FOUND", `the file cannot be read (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw new AppError("INVALID", "is not a file");
  if (info.size > MAX_SPORTSML_BYTES) throw new AppError("INVALID", `The file is ${Math.ceil(info.size / 1024 / 1024)} MB; the limit is ${MAX_SPORTSML_BYTES / 1024 / 1024} MB.`);
  return readFile(file, "utf8");
}

export async function runSportsImport(argv: string[], io: CliIo): Promise<number> {
  const args = parseCliArgs(argv);
  if (typeof args === "string") {
    io.err(args);
    return 2;
  }
  const actor = await findWireActor(args.as ?? process.env.SPORTS_IMPORT_AS ?? null, "SPORTS_IMPORT_AS");
  if (typeof actor === "string") {
    io.err(actor);
    return 2;
  }
  let refused = 0;
  for (const file of args.files) {
    try {
      const format = file.toLowerCase().endsWith(".json") ? "json" : undefined;
      const report = await importSportsMl(actor, { text: await readDocument(file), format, fileName: file });
      io.out(args.json ? JSON.stringify(asJson(file, report)) : describe(file, report));
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
