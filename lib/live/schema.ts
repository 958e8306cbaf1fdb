// What the live coverage commands accept. Bodies are checked here only for depth (BodyInput);
// their real validation is the story body's own (lib/editor/validate.ts), run by the command.
import { z } from "zod";
import { BodyInput } from "../editor/validate";
import { idInput, textInput } from "../text-input";

export const LIVE_STATUSES = ["UPCOMING", "LIVE", "ENDED"] as const;
export const LIVE_ENTRY_TYPES = ["UPDATE", "GOAL", "CARD", "SUBSTITUTION", "PERIOD_START", "PERIOD_END", "SUMMARY", "OTHER"] as const;
export const MAX_KEY_POINTS = 10;
export const MAX_ENTRY_AUTHORS = 6;

const version = z.number().int().positive();
const when = z.coerce.date({ error: "is not a date" });
const optionalText = (max: number) => z.preprocess((value) => (value === "" ? null : value), textInput().min(1).max(max).nullable().default(null));

// Key points are a plain list of short sentences, not a Tiptap body: they are a summary kept by
// editors (no photos, quotes or embeds to refer to), read as-is by the page, JSON-LD and feeds.
export const KeyPoints = z.array(textInput().min(1, "a key point cannot be empty").max(280)).max(MAX_KEY_POINTS, `at most ${MAX_KEY_POINTS} key points`);
export type KeyPoints = z.infer<typeof KeyPoints>;

export const MatchInput = z.object({
  home: textInput().min(1, "name the home side").max(80),
  away: textInput().min(1, "name the away side").max(80),
  competition: optionalText(120),
  venue: optionalText(120),
  kickoff: when.nullable().default(null),
});
export type MatchInput = z.infer<typeof MatchInput>;

const coverageFields = {
  startsAt: when.nullable().optional(),
  endsAt: when.nullable().optional(),
  keyPoints: KeyPoints.optional(),
  match: MatchInput.nullable().optional(),
};

function endsAfterStart(input: { startsAt?: Date | null; endsAt?: Date | null }): boolean {
  return !input.startsAt || !input.endsAt || input.endsAt.getTime() >= input.startsAt.getTime();
}
const ENDS_BEFORE_START = { message: "the coverage cannot end before it starts", path: ["endsAt"] };

export const MakeLiveCoverageInput = z.object({ articleId: idInput(), ...coverageFields }).refine(endsAfterStart, ENDS_BEFORE_START);
export type MakeLiveCoverageInput = z.infer<typeof MakeLiveCoverageInput>;

// Fields left out keep their value; null clears an optional one.
export const UpdateCoverageInput = z.object({ articleId: idInput(), expectedVersion: version, status: z.enum(LIVE_STATUSES).optional(), ...coverageFields }).refine(endsAfterStart, ENDS_BEFORE_START);
export type UpdateCoverageInput = z.infer<typeof UpdateCoverageInput>;

const score = z.number().int().min(0).max(999).nullable();

const entryFields = {
  body: BodyInput,
  type: z.enum(LIVE_ENTRY_TYPES).default("UPDATE"),
  keyEvent: z.boolean().default(false),
  homeScore: score.default(null),
  awayScore: score.default(null),
  minuteOrPeriod: optionalText(40),
  // Byline profiles in order. Left out: a post credits the poster's own profile (if they have
  // one), an edit keeps the entry's authors.
  authorIds: z.array(idInput()).max(MAX_ENTRY_AUTHORS, `at most ${MAX_ENTRY_AUTHORS} authors`).optional(),
};

function scoreIsWhole(input: { homeScore?: number | null; awayScore?: number | null }): boolean {
  return (input.homeScore == null) === (input.awayScore == null);
}
const HALF_A_SCORE = { message: "give both scores, or neither", path: ["awayScore"] };

export const PostEntryInput = z.object({ articleId: idInput(), postedAt: when.optional(), ...entryFields }).refine(scoreIsWhole, HALF_A_SCORE);
export type PostEntryInput = z.infer<typeof PostEntryInput>;

// An edit sends the whole entry as the person now sees it (like a story save).
export const EditEntryInput = z.object({ entryId: idInput(), expectedVersion: version, postedAt: when, ...entryFields }).refine(scoreIsWhole, HALF_A_SCORE);
export type EditEntryInput = z.infer<typeof EditEntryInput>;

export const EntryRefInput = z.object({ entryId: idInput(), expectedVersion: version });

export const EntryFlagInput = z.object({ entryId: idInput(), expectedVersion: version, value: z.boolean() });

export const ChangesQuery = z.object({
  articleId: idInput(),
  // A number, or from a query string or Last-Event-ID its digits (Number() alone would also take
  // "1e3", "0x10" or "+1").
  cursor: z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
    .pipe(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
    .default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
