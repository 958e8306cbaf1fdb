// Names for the records an audit page mentions (its entries' records and the ids in their
// details): one query per record type, whatever the number of entries.
import "server-only";
import { db } from "../db";
import { refKey, type RecordRef } from "./references";

export type AuditNames = Record<string, string>;
// names: "Type:id" -> name. gone: the "Type:id" keys named from the log because the record is gone.
type ResolvedNames = { names: AuditNames; gone: string[] };

type Named = { id: string; name: string; isGone?: boolean };
type Loader = (ids: string[]) => Promise<Named[]>;

// A story deleted for good is named by the headline its trash and purge entries kept.
async function loadArticleNames(ids: string[]): Promise<Named[]> {
  const rows = (await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, headline: true } })).map((r) => ({ id: r.id, name: r.headline }));
  const gone = ids.filter((id) => !rows.some((row) => row.id === id));
  if (!gone.length) return rows;
  const kept = await db.auditEntry.findMany({
    where: { entityType: "Article", entityId: { in: gone }, action: { in: ["article.purge", "article.trash"] } },
    orderBy: { createdAt: "asc" },
    select: { entityId: true, details: true },
  });
  const headlines = new Map<string, string>();
  for (const entry of kept) {
    const headline = (entry.details as { headline?: unknown } | null)?.headline;
    if (typeof headline === "string") headlines.set(entry.entityId, headline);
  }
  return [...rows, ...[...headlines].map(([id, name]) => ({ id, name, isGone: true }))];
}

const LOADERS: Record<string, Loader> = {
  Article: loadArticleNames,
  User: (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  BylineProfile: (ids) => db.bylineProfile.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Agency: (ids) => db.agency.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Photographer: (ids) => db.photographer.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Section: (ids) => db.section.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Tag: (ids) => db.tag.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Media: async (ids) => (await db.media.findMany({ where: { id: { in: ids } }, select: { id: true, originalName: true } })).map((r) => ({ id: r.id, name: r.originalName })),
  ArticleNote: async (ids) => (await db.articleNote.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } })).map((r) => ({ id: r.id, name: r.text })),
  // A live coverage's id is its story's.
  LiveCoverage: loadArticleNames,
  LiveEntry: async (ids) => (await db.liveEntry.findMany({ where: { id: { in: ids } }, select: { id: true, bodyText: true } })).map((r) => ({ id: r.id, name: r.bodyText.slice(0, 80) || "(entry)" })),
  // A newsletter edition, by its subject.
  Edition: async (ids) => (await db.edition.findMany({ where: { id: { in: ids } }, select: { id: true, subject: true } })).map((r) => ({ id: r.id, name: r.subject })),
  WireItem: async (ids) => (await db.wireItem.findMany({ where: { id: { in: ids } }, select: { id: true, headline: true, guid: true } })).map((r) => ({ id: r.id, name: r.headline || r.guid })),
};

export async function resolveAuditNames(refs: RecordRef[]): Promise<ResolvedNames> {
  const byType = new Map<string, Set<string>>();
  for (const ref of refs) if (LOADERS[ref.type]) byType.set(ref.type, (byType.get(ref.type) ?? new Set()).add(ref.id));
  const loaded = await Promise.all([...byType].map(async ([type, ids]) => ({ type, rows: await LOADERS[type]([...ids]) })));
  const resolved: ResolvedNames = { names: {}, gone: [] };
  for (const { type, rows } of loaded) {
    for (const row of rows) {
      resolved.names[refKey(type, row.id)] = row.name;
      if (row.isGone) resolved.gone.push(refKey(type, row.id));
    }
  }
  return resolved;
}
