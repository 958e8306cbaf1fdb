// Names for the records an audit page mentions (its entries' records and the ids in their
// details): one query per record type, whatever the number of entries.
import { db } from "../db";
import { refKey, type RecordRef } from "./references";

export type AuditNames = Record<string, string>;

type Loader = (ids: string[]) => Promise<{ id: string; name: string }[]>;

const LOADERS: Record<string, Loader> = {
  Article: async (ids) => (await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, headline: true } })).map((r) => ({ id: r.id, name: r.headline })),
  User: (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  BylineProfile: (ids) => db.bylineProfile.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Agency: (ids) => db.agency.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Photographer: (ids) => db.photographer.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Section: (ids) => db.section.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Tag: (ids) => db.tag.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Media: async (ids) => (await db.media.findMany({ where: { id: { in: ids } }, select: { id: true, originalName: true } })).map((r) => ({ id: r.id, name: r.originalName })),
  ArticleNote: async (ids) => (await db.articleNote.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } })).map((r) => ({ id: r.id, name: r.text })),
};

export async function resolveAuditNames(refs: RecordRef[]): Promise<AuditNames> {
  const byType = new Map<string, Set<string>>();
  for (const ref of refs) if (LOADERS[ref.type]) byType.set(ref.type, (byType.get(ref.type) ?? new Set()).add(ref.id));
  const loaded = await Promise.all([...byType].map(async ([type, ids]) => ({ type, rows: await LOADERS[type]([...ids]) })));
  const names: AuditNames = {};
  for (const { type, rows } of loaded) for (const row of rows) names[refKey(type, row.id)] = row.name;
  return names;
}
