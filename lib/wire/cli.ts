// `npm run wire:import -- <files…> [--json] [--agency <name>] [--as <email>]`: imports each file
// as the named staff member (or WIRE_IMPORT_AS, else the longest-standing active admin), printing
// what it created, updated or skipped; with --json one object a line per file. Exits 1 when any
// file was refused (its reason on stderr, or in its JSON line), 2 on a usage error.
import "server-only";
import { readLimitedFile, runFileImport, type CliIo } from "../cli/file-import";
import { MAX_WIRE_DOCUMENT_BYTES } from "./detect";
import { importWireItem, type WireImportOptions, type WireImportResult } from "./import";

const USAGE = "usage: npm run wire:import -- <files…> [--json] [--agency <name>] [--as <email>]";

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

export function runWireImport(argv: string[], io: CliIo, options: WireImportOptions = {}): Promise<number> {
  return runFileImport(argv, io, {
    usage: USAGE,
    valueOptions: ["--agency"],
    actorVariable: "WIRE_IMPORT_AS",
    importFile: async (actor, file, args) => importWireItem(actor, { source: await readLimitedFile(file, MAX_WIRE_DOCUMENT_BYTES), agency: args.values["--agency"] }, options),
    describe,
    asJson,
  });
}
