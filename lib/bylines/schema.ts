// What the byline screens may send.
import { z } from "zod";
import { textInput } from "../text-input";
import { OptionalSlug } from "../redirects/slug";
import { PersonName, RecordId, Version } from "../users/schema";

const text = (max: number) => textInput().max(max, `is too long (${max} characters at most)`).default("");

// "" from a form's "none" option means no record.
const OptionalId = z.preprocess((value) => (value === "" || value === undefined ? null : value), RecordId.nullable());

export const SocialLink = z.object({
  label: textInput().min(1).max(40),
  url: z.url({ protocol: /^https?$/, error: "must be a full http(s):// address" }).max(500),
});
export type SocialLink = z.infer<typeof SocialLink>;

// One link a line, "https://…" or "Label https://…"; without a label the site's name is used.
export function parseSocialLinkLines(text: string): { label: string; url: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const url = line.split(/\s+/).at(-1)!;
      const label = line.slice(0, line.length - url.length).trim() || hostLabel(url);
      return { label, url };
    });
}

function hostLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "Link";
  }
}

const SocialLinks = z.union([z.array(SocialLink), z.string().transform(parseSocialLinkLines).pipe(z.array(SocialLink))]).pipe(z.array(SocialLink).max(8, "has too many links (8 at most)"));

export const CreateBylineInput = z.object({
  name: PersonName,
  slug: OptionalSlug,
  jobTitle: text(120),
  bio: text(2000),
  photoMediaId: OptionalId,
  socialLinks: SocialLinks.default([]),
  userId: OptionalId,
});

export const UpdateBylineInput = CreateBylineInput.extend({ id: RecordId, version: Version });

export const MergeBylinesInput = z
  .object({ sourceId: RecordId, sourceVersion: Version, targetId: RecordId, targetVersion: Version })
  .refine((value) => value.sourceId !== value.targetId, { message: "pick a different profile to merge into", path: ["targetId"] });

export type BylineFields = z.output<typeof CreateBylineInput>;
