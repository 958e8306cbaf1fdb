// What media writes must carry. Checked here, at the boundary, so the commands and the database
// only ever see clean values.
import { z } from "zod";
import { textInput } from "../text-input";
import { AppError } from "../errors";
import { isRecordId } from "../editor/record-id";
import { parseRightsDate } from "./rights/rights-dates";

const recordId = z.string().refine(isRecordId, "is not a valid record id");

const text = (max: number) => textInput().max(max, `is too long (${max} characters at most)`).default("");

// Empty means "none": an empty override is no override, not "credit nobody".
const optionalText = (max: number) =>
  textInput()
    .max(max, `is too long (${max} characters at most)`)
    .nullish()
    .transform((value) => value || null);

// Browsers may send a full path ("C:\fakepath\final.jpg"): only the last part is kept. A name that
// tries to climb folders ("../x.jpg"), starts at a root ("/etc/x.jpg", "\\server\x.jpg"), or hides a
// null byte, another control character or a text-direction override (which shows "x\u202Egpj.html"
// as "xlmth.jpg") is refused outright: nothing uses names as paths (files are stored under their
// content hash), but such a name is never an accident.
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function isHostileFileName(name: string): boolean {
  return HIDDEN_CHARACTERS.test(name) || /^\s*[\\/]/.test(name) || name.split(/[\\/]/).some((part) => part.trim() === "..");
}

const fileName = z
  .string()
  .max(1000, "the file name is too long")
  .refine((name) => !isHostileFileName(name), "the file name contains folder steps (..), starts at a root folder (/ or \\) or has control characters; rename the file")
  .transform((name) => (name.split(/[\\/]/).pop() ?? "").trim())
  .pipe(z.string().min(1, "the file has no name").max(255, "the file name is too long"));

const rightsDate = z
  .union([z.date(), z.string()])
  .nullish()
  .transform((value, context) => {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? invalidDate(context) : value;
    if (!value?.trim()) return null;
    return parseRightsDate(value) ?? invalidDate(context);
  });

function invalidDate(context: z.RefinementCtx): never {
  context.addIssue({ code: "custom", message: "is not a date (use YYYY-MM-DD)" });
  return z.NEVER;
}

export const MediaInput = z.object({
  // Buffer or Uint8Array (what `await file.arrayBuffer()` gives a route, wrapped).
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "the file's content is missing"),
  originalName: fileName,
  altText: text(1000),
  defaultCaption: text(2000),
  // Left out: taken from the file's metadata, else from the photographer's agency. null: none.
  photographerId: recordId.nullish(),
  agencyId: recordId.nullish(),
  creditOverride: optionalText(300),
  copyright: optionalText(300),
  usageTerms: text(2000),
  rightsExpireAt: rightsDate.transform((value) => value ?? null),
  sourceReference: optionalText(300),
  uploadedById: recordId.nullish().transform((value) => value ?? null),
});

// What a caller passes, and what it becomes once checked.
export type MediaInput = z.input<typeof MediaInput>;
export type ParsedMediaInput = z.output<typeof MediaInput>;

const fraction = z.coerce.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
// A picked list value: "" (none) or a record id.
const pickedId = z
  .string()
  .trim()
  .nullish()
  .transform((value) => value || null)
  .pipe(recordId.nullable());

export const UpdateMediaInput = z.object({
  id: recordId,
  version: z.coerce.number({ error: "is missing: reload the page" }).int().min(1, "is missing: reload the page"),
  altText: text(1000),
  defaultCaption: text(2000),
  photographerId: pickedId,
  agencyId: pickedId,
  creditOverride: optionalText(300),
  copyright: optionalText(300),
  usageTerms: text(2000),
  rightsExpireAt: rightsDate.transform((value) => value ?? null),
  sourceReference: optionalText(300),
  focalX: fraction.default(0.5),
  focalY: fraction.default(0.5),
});
export type UpdateMediaFields = z.output<typeof UpdateMediaInput>;

// The story editor's edit of a picture's words and credit: only the fields it names change. Values
// are checked by UpdateMediaInput once merged with the picture's other details (update-media-details.ts).
export const MEDIA_DETAIL_FIELDS = ["altText", "defaultCaption", "photographerId", "agencyId", "creditOverride"] as const;
const detailValue = z.string().max(10_000, "is too long").nullable().optional();
export const MediaDetailsInput = z.object({
  id: recordId,
  version: z.number({ error: "is missing: reload the page" }).int().min(1, "is missing: reload the page"),
  ...(Object.fromEntries(MEDIA_DETAIL_FIELDS.map((field) => [field, detailValue])) as Record<(typeof MEDIA_DETAIL_FIELDS)[number], typeof detailValue>),
});

export const DeleteMediaInput = z.object({
  id: recordId,
  version: z.coerce.number({ error: "is missing: reload the page" }).int().min(1, "is missing: reload the page"),
});

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`);
}

// Parses with `schema`, turning every problem into one INVALID error a person can act on.
export function parseOrRefuse<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = problemsOf(result.error);
  throw new AppError("INVALID", `${what} ${problems.join("; ")}`, { problems, reason: "invalid-input" });
}

export function parseMediaInput(input: unknown): ParsedMediaInput {
  return parseOrRefuse(MediaInput, input, "The picture's details are not valid:");
}
