// CSV for the subscriber export (RFC 4180: comma-separated, CRLF rows, quoted when needed). A
// cell a spreadsheet would read as a formula (= + - @, or a leading tab or CR) gets a leading
// apostrophe: an address or consent text typed by a reader must never run in an admin's Excel.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
