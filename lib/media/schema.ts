// What an upload must carry besides its bytes. Checked here, at the boundary, so commands.ts and
// the database only ever see clean values.
import { z } from "zod";
import { AppError } from "../errors";
import { isRecordId } from "../editor/nodes/reference-attribute";

const recordId = z.string().refine(isRecordId, "is not a valid record id");

const text = (max: number) => z.string().trim().max(max).default("");

// Browsers may send a full path ("C:\fakepath\final.jpg") and names may hold control characters.
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
}

export const MediaInput = z.object({
  // Buffer or Uint8Array (what `await file.arrayBuffer()` gives a route, wrapped).
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "the file's content is missing"),
  originalName: z.string().max(1000).transform(cleanFileName).pipe(z.string().min(1).max(255)),
  altText: text(1000),
  defaultCaption: text(2000),
  // Left out: taken from the photographer's agency. null: deliberately no agency.
  photographerId: recordId.nullish(),
  agencyId: recordId.nullish(),
  // An empty override means "no override", not "credit nobody".
  creditOverride: z
    .string()
    .trim()
    .max(300)
    .nullish()
    .transform((value) => value || null),
  usageTerms: text(2000),
  rightsExpireAt: z.coerce.date().nullish().transform((value) => value ?? null),
  uploadedById: recordId.nullish().transform((value) => value ?? null),
});

// What a caller passes, and what it becomes once checked.
export type MediaInput = z.input<typeof MediaInput>;
export type ParsedMediaInput = z.output<typeof MediaInput>;

export function parseMediaInput(input: unknown): ParsedMediaInput {
  const result = MediaInput.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`);
  throw new AppError("INVALID", `The picture's details are not valid: ${problems.join("; ")}`, { problems });
}
