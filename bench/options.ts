// What the solo benchmarks (live, wire import, sports blocks, Varnish) read from their command line,
// and how they round what they print.
export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

// `--name <number>` (fallback when absent): any positive number.
export function positiveOption(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  const value = index >= 0 ? Number(argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}

// `--name <count>` (fallback when absent): a whole number of at least 1.
export function wholeNumberOption(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number of at least 1`);
  return value;
}
