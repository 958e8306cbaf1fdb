// What the newsletter settings screen may send. Sender name and address end up in a From header,
// so anything that could end a header line is refused here, not escaped later.
import { z } from "zod";
import { textInput } from "../text-input";
import { RecordId, Version } from "../users/schema";
import { isSendableAddress, normalizeAddress } from "./address";
import { WEEKDAYS } from "./weekdays";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// C0 controls (CR, LF, tab…), DEL and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

const required = (max: number) => textInput().min(1, "is required").max(max, `is too long (${max} characters at most)`);

const SenderName = required(80).refine((value) => !CONTROL.test(value), "may not contain line breaks or control characters");

const SenderAddress = z.string().max(254, "is too long (254 characters at most)").transform(normalizeAddress).refine(isSendableAddress, "is not an address Pressbox can send from (like briefing@example.org)");

// Days arrive as "mon,wed" (or a list); the form sends one checkbox per day ("scheduleDays.mon").
const ScheduleDays = z
  .union([z.string().max(100), z.array(z.string().max(10)).max(7)])
  .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((day) => day.trim().toLowerCase()).filter(Boolean))
  .refine((days) => days.every((day) => (WEEKDAYS as readonly string[]).includes(day)), "must be days from mon to sun")
  .refine((days) => days.length > 0, "needs at least one day")
  .transform((days) => WEEKDAYS.filter((day) => days.includes(day)).join(","));

const Fields = {
  name: required(80),
  description: textInput().max(500, "is too long (500 characters at most)").default(""),
  senderName: SenderName,
  senderAddress: SenderAddress,
  consentText: required(1000),
  scheduleDays: ScheduleDays,
  scheduleTime: z.string().trim().regex(TIME, 'must be a time like "06:30" (24-hour clock)'),
};

export const CreateNewsletterInput = z.object(Fields);
export const UpdateNewsletterInput = z.object({ id: RecordId, version: Version, ...Fields });
export const NewsletterRef = z.object({ id: RecordId, version: Version });
export const SetArchivedInput = NewsletterRef.extend({
  isArchived: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});

export type NewsletterFields = z.output<typeof CreateNewsletterInput>;

// The form's per-day checkboxes ("scheduleDays.mon": "on") folded into one scheduleDays value;
// input that already has scheduleDays is left as it is.
export function withScheduleDays(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const fields = input as Record<string, unknown>;
  if (fields.scheduleDays !== undefined) return input;
  const days = WEEKDAYS.filter((day) => fields[`scheduleDays.${day}`] !== undefined);
  return { ...fields, scheduleDays: days.join(",") };
}
