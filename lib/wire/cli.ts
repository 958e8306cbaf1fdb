// `npm run wire:import -- <files…> [--json] [--agency <name>] [--as <email>]`: imports each file
// as the named staff member (or WIRE_IMPORT_AS, else the longest-standing active admin), printing
// what it created, updated or skipped; with --json one object a line per file. Exits 1 when any
// file was refused (its reason on stderr, or in its JSON line), 2 on a usage error.
import "server-only";
import { readFile, stat } from "node:fs/promises";
import { AppError, isAppError } from "../errors";
import { findWireActor } from "./actor";
import { MAX_WIRE_DOCUMENT_BYTES } from "./detect";
import { importWireItem, type WireImportOptions, type WireImportResult } from "./import";

export type CliIo = { out: (line: string) => void; err: (line: string) => void };
type Args = { files: string[]; json: boolean; agency: string | null; as: string | null };

const USAGE = "usage: npm run wire:import -- <files…> [--json] [--agency <name>] [--as <email>]";

export function parseCliArgs(argv: string[]): Args | string {
  const args: Args = { files: [], json: false, agency: null, as: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") args.json = true;
    else if (arg === "--agency" || arg === "--as") {
      const value = argv[++i];
      if (!value || value.startsWith("--")) return `${arg} needs a value. ${USAGE}`;
      args[arg === "--agency" ? "agency" : "as"] = value;
    } else if (arg.startsWith("--")) return `unknown option ${arg}. ${USAGE}`;
    else args.files.push(arg);
  }
  return args.files.length ? args : `no files given. ${USAGE}`;
}

function describe(file: string, result: WireImportResult): string {
  const pending = result.pictures.filter((p) => p.status === "pending").length;
  const pictures = result.pictures.length ? `; pictures: ${result.pictures.length - pending} imported, ${pending} pending (${result.pictures.map((p) => p.credit).join("; ")})` : "";
  const embargo = result.embargoedUntil ? `, embargoed until ${result.embargoedUntil}` : "";
  const skipped = result.skipped.length ? `; skipped unknown fields: ${result.skipped.join(", ")}` : "";
  return `${result.outcome} ${file}: story ${result.articleId ?? "(none)"} “${result.headline}” (${result.agency ?? "no agency"}, version ${result.version}${embargo})${pictures}${skipped}. ${result.message}`;
}

function asJson(file: string, result: WireImportResult) {
  return {
    file,
    outcome: result.outcome,
    storyId: result.articleId,
    wireItemId: result.wireItemId,
    guid: result.guid,
    headline: result.headline,
    agency: result.agency,
    version: result.version,
    status: result.status,
    embargo: result.embargoedUntil,
    pictures: result.pictures.map((p) => ({ status: p.status, mediaId: p.mediaId, caption: p.caption, credit: p.credit, altTextMissing: p.altTextMissing, failure: p.failure })),
    skipped: result.skipped,
    message: result.message,
  };
}

// The size is checked before the file is read, so a 100 MB file is never loaded.
async function readDocument(file: string): Promise<Buffer> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppError("NOT_FOUND", `the file cannot be read (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw new AppError("INVALID", "is not a file");
  if (info.size > MAX_WIRE_DOCUMENT_BYTES) throw new AppError("INVALID", `The file is ${Math.ceil(info.size / 1024 / 1024)} MB; the limit is ${MAX_WIRE_DOCUMENT_BYTES / 1024 / 1024} MB.`);
  return readFile(file);
}

export async function runWireImport(argv: string[], io: CliIo, options: WireImportOptions = {}): Promise<number> {
  const args = parseCliArgs(argv);
  if (typeof args === "string") {
    io.err(args);
    return 2;
  }
  const actor = await findWireActor(args.as ?? process.env.WIRE_IMPORT_AS ?? null);
  if (typeof actor === "string") {
    io.err(actor);
    return 2;
  }
  let refused = 0;
  for (const file of args.files) {
    try {
      const result = await importWireItem(actor, { source: await readDocument(file), agency: args.agency }, options);
      io.out(args.json ? JSON.stringify(asJson(file, result)) : describe(file, result));
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
