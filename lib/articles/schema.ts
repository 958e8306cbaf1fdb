// What an editor sends when saving a story. The body is checked separately against the editor's
// schema (lib/editor/validate.ts); here are the fields and the records its nodes refer to.
import { z } from "zod";
import { textInput } from "../text-input";
import { RECORD_ID } from "../editor/record-id";
import { SLUG_PATTERN } from "../slug";
import { BodyInput } from "../editor/validate";

const recordId = z.string().regex(RECORD_ID, "is not a valid id");
const text = (max: number) => textInput().max(max, `must be at most ${max} characters`);

// Bodies are checked by the editor's validator; here only for depth, as they arrive (BodyInput).
const body = BodyInput.optional();

const QuoteInput = z.object({
  id: recordId,
  // May be empty while the story is a draft; the publish checks refuse an empty quote.
  text: text(2000),
  speaker: text(120),
  speakerDescription: text(200).default(""),
  context: text(200).default(""),
});

const CaptionInput = z.object({ id: recordId, mediaId: recordId, text: text(1000) });

const SidebarInput = z.object({ id: recordId, heading: text(200), body });

// A story's teams, athletes and sports events (its sports "tags"), in the order the editor chose,
// each once. Old snapshots and working copies have none: they read as empty.
const MAX_SPORTS_LINKS = 20;
const sportsLinks = (what: string) =>
  z
    .array(recordId)
    .max(MAX_SPORTS_LINKS, `at most ${MAX_SPORTS_LINKS} ${what}`)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, `a ${what.replace(/s$/, "")} appears twice`);

const BylineInput = z.object({
  profileId: recordId,
  role: z.enum(["REPORTER", "PHOTOGRAPHER", "CONTRIBUTOR", "EDITOR"]).default("REPORTER"),
});

export const ArticleInput = z.object({
  kicker: text(120).default(""),
  headline: text(200).default(""),
  standfirst: text(600).default(""),
  slug: text(120).regex(SLUG_PATTERN, "use lower-case letters, digits and single hyphens"),
  sectionId: recordId.nullable().default(null),
  agencyLine: text(200).default(""),
  tagNames: z.array(text(60).min(1)).max(20, "at most 20 tags").default([]),
  bylines: z.array(BylineInput).max(12, "at most 12 bylines").default([]),
  teamIds: sportsLinks("teams"),
  athleteIds: sportsLinks("athletes"),
  eventIds: sportsLinks("events"),
  hero: z
    .object({ mediaId: recordId, caption: text(1000) })
    .nullable()
    .default(null),
  body,
  quotes: z.array(QuoteInput).max(200).default([]),
  captions: z.array(CaptionInput).max(200).default([]),
  sidebars: z.array(SidebarInput).max(50).default([]),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

const SaveArticleInput = z.object({
  articleId: recordId,
  expectedVersion: z.number().int().positive(),
  isAutosave: z.boolean().default(false),
  article: ArticleInput,
});
type SaveArticleInput = z.infer<typeof SaveArticleInput>;

export function parseSaveArticleInput(input: unknown): SaveArticleInput {
  return SaveArticleInput.parse(input);
}

export { slugify } from "./slugify";
