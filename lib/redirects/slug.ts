// URL slugs for sections, tags and author pages: lower-case letters, digits and single hyphens.
import { z } from "zod";

import { SLUG_PATTERN, toSlug } from "../slug";

export { SLUG_PATTERN, toSlug };

// An optional slug field: empty means "make one from the name".
export const OptionalSlug = z
  .string()
  .trim()
  .toLowerCase()
  .max(80)
  .optional()
  .transform((value) => value || undefined)
  .refine((value) => value === undefined || SLUG_PATTERN.test(value), "use lower-case letters, digits and single hyphens only");

// The slug to store: the one given, else one made from the name (which must then have letters).
export function slugOrFromName(slug: string | undefined, name: string): string {
  return slug ?? toSlug(name);
}
