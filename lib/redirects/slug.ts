// URL slugs for sections, tags and author pages: lower-case letters, digits and single hyphens.
import { z } from "zod";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function toSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

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
