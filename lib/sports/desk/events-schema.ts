// What the newsroom's event form may send (lib/sports/desk/events.ts): the event's facts, then
// either two sides of a match (home and away teams, a score each and per period) or a field of
// competitors (teams or athletes with a place, a mark such as a time, points and a record).
import { z } from "zod";
import { idInput, textInput } from "../../text-input";

export const EVENT_STATUSES = ["SCHEDULED", "LIVE", "FINAL", "POSTPONED", "CANCELLED"] as const;
export const RECORD_CODE = /^=?[A-Z]{1,4}$/;

const optionalText = (max: number) =>
  textInput()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value || null);
const optionalId = idInput()
  .nullish()
  .or(z.literal(""))
  .transform((value) => value || null);
const score = z
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(0, "cannot be negative")
  .max(100_000, "is too large")
  .nullish()
  .transform((value) => value ?? null);

const PeriodScore = z.object({ period: textInput().min(1, "names no period").max(40), score });

const Side = z.object({ teamId: idInput(), score, periods: z.array(PeriodScore).max(30, "has more than 30 periods").default([]) });

const Competitor = z
  .object({
    teamId: optionalId,
    athleteId: optionalId,
    rank: z
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be 1 or more")
      .max(100_000)
      .nullish()
      .transform((value) => value ?? null),
    mark: optionalText(40),
    score,
    record: optionalText(5).refine((value) => value === null || RECORD_CODE.test(value), "must be a record code in capitals such as OR, WR, NR or PB"),
  })
  .refine((c) => Boolean(c.teamId) !== Boolean(c.athleteId), "must be one team or one athlete");

// Dates arrive as ISO text or as a datetime-local field's "2026-02-14T18:30" (read as UTC).
const startsAt = z
  .string()
  .trim()
  .max(40, "is not a date and time")
  .nullish()
  .transform((value, ctx) => {
    if (!value) return null;
    const text = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value}Z` : value;
    const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(text) ? new Date(text) : new Date(NaN);
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1800 || date.getUTCFullYear() > 2200 || !sameDay(text, date)) {
      ctx.addIssue({ code: "custom", message: "is not a date and time (use 2026-02-14T18:30)" });
      return z.NEVER;
    }
    return date;
  });

// "2026-02-30" is rolled over by Date; a date written with an offset is not compared.
function sameDay(text: string, date: Date): boolean {
  if (/[+-]\d{2}:\d{2}$/.test(text)) return true;
  return date.toISOString().slice(0, 10) === text.slice(0, 10);
}

export const EventInput = z
  .object({
    sportId: optionalId,
    competitionSeasonId: optionalId,
    // A match may go unnamed (an imported one often is): it is labelled by its sides.
    name: optionalText(200),
    stage: optionalText(200),
    startsAt,
    venue: optionalText(200),
    status: z
      .enum(EVENT_STATUSES, { error: "must be scheduled, live, final, postponed or cancelled" })
      .nullish()
      .transform((value) => value ?? null),
    period: optionalText(40),
    minute: optionalText(20),
    attendance: z
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(0, "cannot be negative")
      .max(10_000_000, "is too large")
      .nullish()
      .transform((value) => value ?? null),
    medalEvent: z.boolean().default(false),
    home: Side.nullish().transform((value) => value ?? null),
    away: Side.nullish().transform((value) => value ?? null),
    competitors: z.array(Competitor).max(500, "has more than 500 competitors").default([]),
  })
  .superRefine((event, ctx) => {
    if (!event.name && !(event.home && event.away)) ctx.addIssue({ code: "custom", path: ["name"], message: "is missing: only a match between two teams may go without a name" });
    if (Boolean(event.home) !== Boolean(event.away)) ctx.addIssue({ code: "custom", path: [event.home ? "awayTeamId" : "homeTeamId"], message: "a match needs both a home and an away team" });
    if (event.home && event.away && event.home.teamId === event.away.teamId)
      ctx.addIssue({ code: "custom", path: ["awayTeamId"], message: "is the home team too: a match cannot have the same team on both sides" });
    if (event.home && event.competitors.length) ctx.addIssue({ code: "custom", path: ["competitors"], message: "an event has either home and away teams or a field of competitors, not both" });
    const seen = new Set<string>();
    for (const [index, c] of event.competitors.entries()) {
      const key = c.teamId ?? c.athleteId ?? "";
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["competitors", index], message: "names a competitor already in the field" });
      seen.add(key);
    }
  });
export type EventInput = z.infer<typeof EventInput>;

export const Versioned = z.object({
  id: idInput(),
  expectedVersion: z
    .number({ error: "must be a whole number" })
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
