// `npm run sports:import -- <files…> [--json] [--as <email>]`: imports each SportsML file (XML, or
// SportsJS JSON when the name ends in .json or the text starts with "{") as the named staff member
// (or SPORTS_IMPORT_AS, else the longest-standing active admin), printing what it created, updated
// or left unchanged; with --json one object a line per file. Exits 1 when any file was refused (its
// reason on stderr, or in its JSON line), 2 on a usage error. Modelled on wire:import (lib/wire/cli.ts).
import "server-only";
import { readLimitedFile, runFileImport, type CliIo } from "../cli/file-import";
import { MAX_SPORTSML_BYTES } from "./sportsml/parse";
import { importSportsMl, type SportsImportReport } from "./import";

const USAGE = "usage: npm run sports:import -- <files…> [--json] [--as <email>]";

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

export function runSportsImport(argv: string[], io: CliIo): Promise<number> {
  return runFileImport(argv, io, {
    usage: USAGE,
    actorVariable: "SPORTS_IMPORT_AS",
    importFile: async (actor, file) => {
      const format = file.toLowerCase().endsWith(".json") ? "json" : undefined;
      return importSportsMl(actor, { text: (await readLimitedFile(file, MAX_SPORTSML_BYTES)).toString("utf8"), format, fileName: file });
    },
    describe,
    asJson,
  });
}
