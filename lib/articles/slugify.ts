// A story's address from its headline (client-safe: the editor derives slugs as you type).
export { toSlug as slugify } from "../slug";
