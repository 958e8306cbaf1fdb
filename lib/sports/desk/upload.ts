// SportsML files uploaded from the newsroom's Import screen (POST /api/newsroom/sports/uploads):
// each file goes through importSportsMl on its own, so a refused file reports its error while the
// others still import. Only the report's counts and skipped elements go back to the screen.
import "server-only";
import { toFailure } from "../../action-result";
import { AppError } from "../../errors";
import type { Actor } from "../../permissions";
import { importSportsMl } from "../import";

export const MAX_SPORTS_FILES = 20;
const NAME_LIMIT = 200;

type Counts = { created: number; updated: number; unchanged: number };
export type SportsUploadResult =
  | { name: string; ok: true; events: Counts; standings: Counts; teams: { created: number; matched: number }; athletes: { created: number; matched: number }; skipped: string[] }
  | { name: string; ok: false; status: number; message: string };

const cleanName = (name: string) => name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, NAME_LIMIT) || "file";

// The format the name says; otherwise the reader looks at the text.
function formatOf(name: string): "xml" | "json" | undefined {
  if (/\.json$/i.test(name)) return "json";
  if (/\.xml$/i.test(name)) return "xml";
  return undefined;
}

export function sportsFilesOf(form: FormData): File[] {
  const files = form.getAll("file").filter((file): file is File => file instanceof File);
  if (!files.length) throw new AppError("INVALID", 'Choose one or more SportsML files (the form had no "file").');
  if (files.length > MAX_SPORTS_FILES) throw new AppError("INVALID", `Send at most ${MAX_SPORTS_FILES} files at once (this had ${files.length}).`);
  return files;
}

export async function importSportsFiles(actor: Actor, files: File[]): Promise<SportsUploadResult[]> {
  const results: SportsUploadResult[] = [];
  for (const file of files) {
    const name = cleanName(file.name);
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
      const report = await importSportsMl(actor, { text, format: formatOf(name), fileName: name });
      results.push({ name, ok: true, events: report.events, standings: report.standings, teams: report.teams, athletes: report.athletes, skipped: report.skipped.slice(0, 50) });
    } catch (error) {
      const failure = error instanceof TypeError ? { status: 422, message: "The file is not UTF-8 text; SportsML files are XML or JSON." } : toFailure(error);
      results.push({ name, ok: false, status: failure.status, message: failure.message });
    }
  }
  return results;
}
