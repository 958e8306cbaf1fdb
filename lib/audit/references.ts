// Which audit-detail keys hold record ids, and of which record type: the log shows the record's
// name instead (lib/audit/names.ts reads them; components/newsroom/audit-details.ts writes them).
// No data access here, so the screen's formatting can import it.
export const ID_KEYS: Readonly<Record<string, string>> = {
  sectionId: "Section",
  agencyId: "Agency",
  photographerId: "Photographer",
  userId: "User",
  profileId: "BylineProfile",
  profileIds: "BylineProfile",
  mediaId: "Media",
  heroMediaId: "Media",
  articleId: "Article",
  noteId: "ArticleNote",
  tagId: "Tag",
};

export type RecordRef = { type: string; id: string };

export const refKey = (type: string, id: string) => `${type}:${id}`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

// Every id a details object names under an ID_KEYS key: plain, in a list, or as the two sides of
// a change ({ from, to } or { before, after }).
export function collectDetailRefs(details: unknown, into: RecordRef[] = [], depth = 0): RecordRef[] {
  if (depth > 4) return into;
  if (Array.isArray(details)) {
    for (const item of details) collectDetailRefs(item, into, depth + 1);
    return into;
  }
  if (!isRecord(details)) return into;
  for (const [key, value] of Object.entries(details)) {
    const type = ID_KEYS[key];
    if (!type) {
      collectDetailRefs(value, into, depth + 1);
      continue;
    }
    const sides = isRecord(value) ? [value.from, value.to, value.before, value.after] : [value];
    for (const side of sides.flat()) if (typeof side === "string" && side) into.push({ type, id: side });
  }
  return into;
}
