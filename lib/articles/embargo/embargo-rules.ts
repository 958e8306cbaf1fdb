// What an embargo means, without a database (the editor's client code imports it too): a story is
// embargoed while its embargoUntil lies ahead; until then nothing may make it public. Refusals
// name the time as the newsroom writes it and in ISO, so a person and a script can both act on it.
import { AppError } from "../../errors";
import { formatDateTime } from "../../format-date";

export function isEmbargoed(embargoUntil: Date | string | null | undefined, at: Date): boolean {
  return embargoUntil != null && new Date(embargoUntil).getTime() > at.getTime();
}

// "6 December 2026, 14:00 UTC (2026-12-06T14:00:00.000Z)"
export function describeEmbargo(embargoUntil: Date | string): string {
  const iso = new Date(embargoUntil).toISOString();
  return `${formatDateTime(iso)} (${iso})`;
}

// The 409 for anything that would make the story public before its embargo. `doing` completes
// "it cannot be … before then": "published", "scheduled for 5 December 2026, 12:00 UTC".
export function embargoRefusal(embargoUntil: Date, doing: string): AppError {
  return new AppError("CONFLICT", `This story is embargoed until ${describeEmbargo(embargoUntil)}: it cannot be ${doing} before then. Schedule it for that time or later, or have the embargo lifted.`, {
    embargoUntil: embargoUntil.toISOString(),
  });
}

// Throws the refusal when the story would be public at `at` while still embargoed.
export function assertReleasedAt(embargoUntil: Date | null | undefined, at: Date, doing: string): void {
  if (embargoUntil && isEmbargoed(embargoUntil, at)) throw embargoRefusal(embargoUntil, doing);
}
