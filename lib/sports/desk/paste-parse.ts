// Reading a results table pasted from a spreadsheet or an agency's agate: tab-separated or CSV
// (quoted fields, "" inside quotes, line breaks inside quotes), the delimiter guessed from the
// first line. A header row names the columns (rank/place, name/athlete/team, country/nation/noc,
// time/result/mark/score/points, record/notes); without one the columns are taken in that order.
// Each row keeps its own problems ("row 4: rank 'x' is not a whole number") so the screen can show
// them all at once; nothing here touches the database.

export type PastedRow = {
  // The row's line in the pasted text (1-based, the header included), as the person sees it.
  row: number;
  rank: number | null;
  // "=3": a place shared with another competitor.
  isTie: boolean;
  name: string;
  country: string | null;
  mark: string | null;
  // The mark as a whole number when the column is a score or points.
  score: number | null;
  record: string | null;
  errors: string[];
};

export type PastedTable = { delimiter: "tab" | "comma" | "semicolon"; hasHeader: boolean; columns: Column[]; rows: PastedRow[]; errors: string[] };

type Column = "rank" | "name" | "country" | "mark" | "score" | "record" | "ignored";

export const MAX_PASTE_CHARS = 100_000;
export const MAX_PASTE_ROWS = 500;
const DEFAULT_COLUMNS: Column[] = ["rank", "name", "country", "mark", "record"];
const HEADERS: Record<string, Column> = {
  rank: "rank",
  place: "rank",
  pos: "rank",
  position: "rank",
  rk: "rank",
  pl: "rank",
  name: "name",
  athlete: "name",
  team: "name",
  competitor: "name",
  player: "name",
  nation: "country",
  country: "country",
  noc: "country",
  nat: "country",
  ctry: "country",
  time: "mark",
  result: "mark",
  mark: "mark",
  distance: "mark",
  total: "mark",
  score: "score",
  points: "score",
  pts: "score",
  record: "record",
  records: "record",
  notes: "record",
  note: "record",
  rec: "record",
};
// What an agate writes where a place would be for a competitor who has none.
const STATUS_MARKS = new Set(["DNF", "DNS", "DSQ", "DQ", "NM", "DNQ", "LAP", "NPS", "OTL"]);
const RECORD = /^=?[A-Z]{1,4}$/;
const MAX_CELL = 200;

// Splits the text into rows of cells; `line` is where each row starts.
function splitRows(text: string, delimiter: string): { line: number; cells: string[]; problem: string | null }[] {
  const rows: { line: number; cells: string[]; problem: string | null }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((value) => value.trim())) rows.push({ line: start, cells, problem: null });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      if (char === "\n") line++;
      cell += char;
    } else if (char === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (char === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      start = line;
    } else cell += char;
  }
  if (quoted) {
    cells.push(cell);
    rows.push({ line: start, cells, problem: 'a quoted field is never closed (a " is missing)' });
  } else endRow();
  return rows;
}

function detectDelimiter(text: string): PastedTable["delimiter"] {
  const first = text.split(/\r?\n/).find((line) => line.trim()) ?? "";
  if (first.includes("\t")) return "tab";
  const count = (char: string) => first.split(char).length - 1;
  return count(";") > count(",") ? "semicolon" : "comma";
}

const headerOf = (cell: string): Column | null =>
  HEADERS[
    cell
      .trim()
      .toLowerCase()
      .replace(/[^a-z]/g, "")
  ] ?? null;

function readRank(value: string, row: PastedRow): void {
  const text = value.trim();
  if (!text) return;
  if (STATUS_MARKS.has(text.toUpperCase())) {
    row.mark ??= text.toUpperCase();
    return;
  }
  const match = /^(=|T)?\s*(\d+)\s*(=|\.)?$/i.exec(text);
  const place = match ? Number(match[2]) : NaN;
  if (!match || !Number.isSafeInteger(place) || place < 1 || place > 100_000) {
    row.errors.push(`row ${row.row}: rank '${text.slice(0, 20)}' is not a whole number of 1 or more`);
    return;
  }
  row.rank = place;
  row.isTie = Boolean(match[1] || match[3] === "=");
}

function readCells(line: number, cells: string[], columns: Column[]): PastedRow {
  const row: PastedRow = { row: line, rank: null, isTie: false, name: "", country: null, mark: null, score: null, record: null, errors: [] };
  const value = (column: Column) => cells[columns.indexOf(column)]?.trim() ?? "";
  for (const [index, cell] of cells.entries()) {
    if (cell.trim().length > MAX_CELL) row.errors.push(`row ${line}: column ${index + 1} is over ${MAX_CELL} characters`);
    if (index >= columns.length && cell.trim()) row.errors.push(`row ${line}: has more columns than the header (column ${index + 1}: '${cell.trim().slice(0, 20)}')`);
  }
  row.name = value("name");
  row.country = value("country") || null;
  const mark = value("mark") || value("score");
  if (mark) row.mark = STATUS_MARKS.has(mark.toUpperCase()) ? mark.toUpperCase() : mark;
  if (columns.includes("score") && value("score")) {
    const text = value("score");
    if (/^\d+$/.test(text) && Number(text) <= 1_000_000) row.score = Number(text);
    else if (!STATUS_MARKS.has(text.toUpperCase())) row.errors.push(`row ${line}: score '${text.slice(0, 20)}' is not a whole number of 0 or more`);
  }
  if (columns.includes("rank")) readRank(value("rank"), row);
  const record = value("record");
  if (record && !RECORD.test(record)) row.errors.push(`row ${line}: record '${record.slice(0, 20)}' is not a record code in capitals such as OR, WR, NR or PB`);
  else row.record = record || null;
  if (!row.name) row.errors.push(`row ${line}: the name is missing`);
  if (columns.includes("rank") && row.rank === null && !row.mark && !row.errors.some((e) => e.includes("rank"))) row.errors.push(`row ${line}: has no rank and no DNF, DNS or DSQ mark`);
  return row;
}

export function parsePastedResults(text: string): PastedTable {
  const delimiter = detectDelimiter(text);
  const table: PastedTable = { delimiter, hasHeader: false, columns: DEFAULT_COLUMNS, rows: [], errors: [] };
  if (text.length > MAX_PASTE_CHARS) return { ...table, errors: [`The pasted text is over ${MAX_PASTE_CHARS.toLocaleString("en")} characters; paste a shorter table.`] };
  const rows = splitRows(text, { tab: "\t", comma: ",", semicolon: ";" }[delimiter]);
  if (rows.length === 0) return { ...table, errors: ["Nothing was pasted: paste a table with one competitor a row."] };
  const headers = rows[0].cells.map(headerOf);
  if (headers.some((column) => column === "name" || column === "rank")) {
    table.hasHeader = true;
    table.columns = headers.map((column) => column ?? "ignored");
    rows.shift();
  }
  if (!table.columns.includes("name")) table.errors.push("The header names no name column (name, athlete or team).");
  if (rows.length > MAX_PASTE_ROWS) table.errors.push(`The table has ${rows.length} rows; paste at most ${MAX_PASTE_ROWS}.`);
  const seen = new Map<string, number>();
  for (const raw of rows.slice(0, MAX_PASTE_ROWS)) {
    const row = readCells(raw.line, raw.cells, table.columns);
    if (raw.problem) row.errors.push(`row ${raw.line}: ${raw.problem}`);
    const key = row.name.toLowerCase();
    const earlier = seen.get(key);
    if (key && earlier !== undefined) row.errors.push(`row ${raw.line}: '${row.name.slice(0, 60)}' is already on row ${earlier}`);
    else if (key) seen.set(key, raw.line);
    table.rows.push(row);
  }
  return table;
}

// Every problem of the table, table-wide ones first.
export function pasteProblems(table: PastedTable): string[] {
  return [...table.errors, ...table.rows.flatMap((row) => row.errors)];
}
