// How the sports record screens write an "as of" moment: the date, and the time when one was
// given (a date alone is stored as midnight UTC).
export function formatAsOf(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

// The value of a datetime-local input for a stored moment (UTC, as the screens enter it).
export function asOfInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16) : "";
}
