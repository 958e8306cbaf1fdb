// What the section screen may send.
import { z } from "zod";
import { textInput } from "../text-input";
import { OptionalSlug } from "../redirects/slug";
import { RecordId, Version } from "../users/schema";

export const CreateSectionInput = z.object({
  name: textInput().min(1, "is required").max(60, "is too long (60 characters at most)"),
  slug: OptionalSlug,
  description: textInput().max(300, "is too long (300 characters at most)").default(""),
  // Order in the site's navigation; empty puts a new section last.
  position: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(0).max(10_000).optional()),
});

export const UpdateSectionInput = CreateSectionInput.extend({ id: RecordId, version: Version });
export type SectionFields = z.output<typeof CreateSectionInput>;
