// What a story save changed, for the audit log: read from the revisions on either side of the
// version the entry names (each save that is not an autosave keeps one), as { from, to } per field
// in the same vocabulary as other entries' details. Bodies are compared by their word counts.
import "server-only";
import { db } from "../db";
import { bodyToPlainText } from "../editor/references";
import type { BodyDoc } from "../editor/types";

export type StoryChanges = Record<string, { from: unknown; to: unknown }>;
type Entry = { id: string; action: string; entityType: string; entityId: string; details: unknown };
type Snapshot = {
  kicker?: string;
  headline?: string;
  standfirst?: string;
  slug?: string;
  agencyLine?: string;
  sectionId?: string | null;
  tagNames?: string[];
  bylines?: { profileId: string }[];
  hero?: { mediaId: string; caption: string } | null;
  body?: unknown;
  quotes?: unknown[];
  sidebars?: unknown[];
};

const SAVES = new Set(["article.save", "article.restore"]);
const TEXT_FIELDS = ["headline", "kicker", "standfirst", "slug", "agencyLine"] as const;

const versionOf = (details: unknown) => (details as { version?: unknown } | null)?.version;
const words = (body: unknown) =>
  body
    ? bodyToPlainText(body as BodyDoc)
        .split(/\s+/)
        .filter(Boolean).length
    : 0;

function fieldsOf(s: Snapshot): Record<string, unknown> {
  return {
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, s[field] ?? ""])),
    sectionId: s.sectionId ?? null,
    profileIds: (s.bylines ?? []).map((b) => b.profileId),
    tags: (s.tagNames ?? []).join(", "),
    heroMediaId: s.hero?.mediaId ?? null,
    heroCaption: s.hero?.caption ?? "",
    bodyWords: words(s.body),
    pullQuotes: (s.quotes ?? []).length,
    sidebars: (s.sidebars ?? []).length,
  };
}

function compareForAudit(before: Snapshot, after: Snapshot): StoryChanges {
  const [a, b] = [fieldsOf(before), fieldsOf(after)];
  const changes: StoryChanges = {};
  for (const key of Object.keys(b)) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changes[key] = { from: a[key], to: b[key] };
  return changes;
}

// entry id -> what that save changed (entries whose revisions are gone get none).
export async function storyChangesFor(entries: Entry[]): Promise<Record<string, StoryChanges>> {
  const saves = entries.filter((e) => e.entityType === "Article" && SAVES.has(e.action) && typeof versionOf(e.details) === "number");
  if (!saves.length) return {};
  const revisions = await db.revision.findMany({ where: { articleId: { in: [...new Set(saves.map((e) => e.entityId))] } }, select: { id: true, articleId: true, articleVersion: true } });
  const pairs = saves.flatMap((entry) => {
    const version = versionOf(entry.details) as number;
    const own = revisions.filter((r) => r.articleId === entry.entityId);
    const after = own.find((r) => r.articleVersion === version);
    if (!after) return [];
    const before = own.filter((r) => r.articleVersion < version).sort((x, y) => y.articleVersion - x.articleVersion)[0];
    return [{ entryId: entry.id, afterId: after.id, beforeId: before?.id ?? null }];
  });
  const ids = [...new Set(pairs.flatMap((p) => (p.beforeId ? [p.afterId, p.beforeId] : [p.afterId])))];
  const snapshots = new Map((await db.revision.findMany({ where: { id: { in: ids } }, select: { id: true, snapshot: true } })).map((r) => [r.id, r.snapshot as Snapshot]));
  const result: Record<string, StoryChanges> = {};
  for (const pair of pairs) result[pair.entryId] = compareForAudit(pair.beforeId ? (snapshots.get(pair.beforeId) ?? {}) : {}, snapshots.get(pair.afterId) ?? {});
  return result;
}
