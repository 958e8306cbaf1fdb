// The Wire screen's reads: incoming items newest first with filters and a search over wire text
// (a contains query on WireItem.searchText, case-insensitive on both databases), and one item's
// reading view with its pictures, what was skipped and its versions (from the audit log).
import "server-only";
import { z } from "zod";
import { db, isPostgres } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { textInput } from "../text-input";
import { idInput } from "../text-input";
import { mediaUrl, pickDefaultRendition } from "../media/file/urls";
import { assertCan, can, type Actor } from "../permissions";
import { wireBodyToDoc } from "./body";
import type { BodyDoc } from "../editor/types";
import { storedWireItem, type WireItem } from "./types";

export const WIRE_PAGE_SIZE = 30;
export const WIRE_STATUSES = ["usable", "withheld", "canceled"] as const;
const STATUS_VALUE = { usable: "USABLE", withheld: "WITHHELD", canceled: "CANCELED" } as const;
const LIVE = new Set(["PUBLISHED", "SCHEDULED"]);

const Filters = z.object({
  q: textInput().max(200).optional().catch(undefined),
  agency: z
    .string()
    .regex(/^[a-z0-9]{20,32}$/)
    .optional()
    .catch(undefined),
  status: z.enum(WIRE_STATUSES).optional().catch(undefined),
  draft: z.enum(["yes", "no"]).optional().catch(undefined),
  embargoed: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type WireFilters = z.infer<typeof Filters>;

export function parseWireFilters(params: Record<string, string | string[] | undefined>): WireFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return Filters.parse(Object.fromEntries(Object.keys(Filters.shape).map((key) => [key, first(params[key])])));
}

// SQLite's LIKE ignores ASCII case; PostgreSQL needs to be asked.
function contains(q: string): Prisma.StringFilter {
  return (isPostgres() ? { contains: q, mode: "insensitive" } : { contains: q }) as Prisma.StringFilter;
}

const HAS_DRAFT: Prisma.WireItemWhereInput = { article: { is: { deletedAt: null } } };

function buildWhere(filters: WireFilters, now: Date): Prisma.WireItemWhereInput {
  const and: Prisma.WireItemWhereInput[] = [];
  if (filters.q) and.push({ OR: [{ searchText: contains(filters.q) }, { headline: contains(filters.q) }, { guid: contains(filters.q) }] });
  if (filters.agency) and.push({ agencyId: filters.agency });
  if (filters.status) and.push({ status: STATUS_VALUE[filters.status] });
  if (filters.draft === "yes") and.push(HAS_DRAFT);
  if (filters.draft === "no") and.push({ NOT: HAS_DRAFT });
  if (filters.embargoed) and.push({ embargoedUntil: { gt: now } });
  return { AND: and };
}

export type WireRow = {
  id: string;
  guid: string;
  headline: string;
  agency: string | null;
  provider: string;
  urgency: number | null;
  version: number;
  format: string;
  status: "usable" | "withheld" | "canceled";
  embargoedUntil: string | null;
  isEmbargoed: boolean;
  pendingVersion: number | null;
  draft: { id: string; status: string; headline: string } | null;
  // A canceled item whose story is still live: the screen offers "Unpublish story".
  needsUnpublish: boolean;
  receivedAt: string;
};

const rowSelect = {
  id: true,
  guid: true,
  headline: true,
  provider: true,
  urgency: true,
  version: true,
  format: true,
  status: true,
  embargoedUntil: true,
  pendingVersion: true,
  updatedAt: true,
  agency: { select: { name: true } },
  article: { select: { id: true, status: true, headline: true, version: true, deletedAt: true } },
} satisfies Prisma.WireItemSelect;
type RowRecord = Prisma.WireItemGetPayload<{ select: typeof rowSelect }>;

function toRow(row: RowRecord, now: Date): WireRow {
  const article = row.article && !row.article.deletedAt ? row.article : null;
  const status = row.status.toLowerCase() as WireRow["status"];
  return {
    id: row.id,
    guid: row.guid,
    headline: row.headline,
    agency: row.agency?.name ?? null,
    provider: row.provider,
    urgency: row.urgency,
    version: row.version,
    format: row.format,
    status,
    embargoedUntil: row.embargoedUntil?.toISOString() ?? null,
    isEmbargoed: Boolean(row.embargoedUntil && row.embargoedUntil > now),
    pendingVersion: row.pendingVersion,
    draft: article ? { id: article.id, status: article.status, headline: article.headline } : null,
    needsUnpublish: status === "canceled" && Boolean(article && LIVE.has(article.status)),
    receivedAt: row.updatedAt.toISOString(),
  };
}

export async function listWireItems(actor: Actor | null, filters: WireFilters, now: Date = new Date()): Promise<{ rows: WireRow[]; total: number; pages: number }> {
  assertCan(actor, "article.create");
  const where = buildWhere(filters, now);
  const [total, rows] = await Promise.all([
    db.wireItem.count({ where }),
    db.wireItem.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip: (filters.page - 1) * WIRE_PAGE_SIZE, take: WIRE_PAGE_SIZE, select: rowSelect }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / WIRE_PAGE_SIZE)), rows: rows.map((row) => toRow(row, now)) };
}

export async function listWireAgencies(actor: Actor | null): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "article.create");
  return db.agency.findMany({ where: { wireItems: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export type WireVersionEntry = { action: string; wireVersion: number | null; at: string; by: string | null };
export type WirePictureView = {
  id: string;
  position: number;
  caption: string;
  altText: string;
  credit: string;
  copyright: string;
  usageTerms: string;
  status: "imported" | "pending";
  failure: string | null;
  mediaId: string | null;
  // A small JPEG of an imported picture, for the reading view.
  thumbnailSrc: string | null;
};
export type WireItemView = WireRow & {
  item: WireItem;
  body: BodyDoc;
  copyrightHolder: string;
  copyrightNotice: string;
  usageTerms: string;
  skipped: string[];
  pictures: WirePictureView[];
  versions: WireVersionEntry[];
  draftVersion: number | null;
  canCreateDraft: boolean;
  canEditDraft: boolean;
  canUnpublish: boolean;
};

async function listVersions(itemId: string, articleId: string | null, guid: string): Promise<WireVersionEntry[]> {
  const entries = await db.auditEntry.findMany({
    where: { action: { startsWith: "wire." }, entityId: { in: [itemId, ...(articleId ? [articleId] : [])] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { action: true, details: true, createdAt: true, actor: { select: { name: true } } },
  });
  return entries
    .filter((entry) => (entry.details as { guid?: unknown } | null)?.guid === guid)
    .map((entry) => {
      const version = (entry.details as { wireVersion?: unknown } | null)?.wireVersion;
      return { action: entry.action, wireVersion: typeof version === "number" ? version : null, at: entry.createdAt.toISOString(), by: entry.actor?.name ?? null };
    });
}

function thumbnailOf(renditions: Parameters<typeof pickDefaultRendition>[0]): string | null {
  const rendition = pickDefaultRendition(renditions, "jpeg", 480);
  return rendition ? mediaUrl(rendition.storageKey) : null;
}

// One item as the reading view shows it; null when there is no such item.
export async function readWireItem(actor: Actor | null, rawId: unknown, now: Date = new Date()): Promise<WireItemView | null> {
  assertCan(actor, "article.create");
  const parsed = idInput().safeParse(rawId);
  if (!parsed.success) return null;
  const row = await db.wireItem.findUnique({
    where: { id: parsed.data },
    select: {
      ...rowSelect,
      normalized: true,
      skipped: true,
      copyrightHolder: true,
      copyrightNotice: true,
      usageTerms: true,
      pictures: {
        orderBy: { position: "asc" },
        include: { media: { select: { altText: true, renditions: { select: { format: true, width: true, height: true, storageKey: true } } } } },
      },
      article: { select: { ...rowSelect.article.select, createdById: true } },
    },
  });
  if (!row) return null;
  const view = toRow(row, now);
  const item = storedWireItem(row.normalized);
  const article = view.draft ? row.article : null;
  return {
    ...view,
    item,
    body: wireBodyToDoc(item.body, item.dateline),
    copyrightHolder: row.copyrightHolder,
    copyrightNotice: row.copyrightNotice,
    usageTerms: row.usageTerms,
    skipped: Array.isArray(row.skipped) ? (row.skipped as string[]) : [],
    pictures: row.pictures.map((picture) => ({
      id: picture.id,
      position: picture.position,
      caption: picture.caption,
      // The library's alt text once the picture is there: an editor may have added it since.
      altText: picture.media?.altText ?? picture.altText,
      credit: picture.credit,
      copyright: picture.copyright,
      usageTerms: picture.usageTerms,
      status: picture.status === "IMPORTED" ? "imported" : "pending",
      failure: picture.failure,
      mediaId: picture.mediaId,
      thumbnailSrc: thumbnailOf(picture.media?.renditions ?? []),
    })),
    versions: await listVersions(row.id, row.article?.id ?? null, row.guid),
    draftVersion: article?.version ?? null,
    canCreateDraft: !view.draft && view.status !== "canceled",
    canEditDraft: Boolean(article && can(actor, "article.edit", article)),
    canUnpublish: view.needsUnpublish && can(actor, "article.unpublish"),
  };
}

// The editor's banner: the wire item a story was made from, when it has news for the editor.
export async function readWireNoticeForStory(
  actor: Actor | null,
  articleId: string,
): Promise<{ wireItemId: string; pendingVersion: number | null; isCanceled: boolean; needsUnpublish: boolean; agency: string | null } | null> {
  if (!can(actor, "newsroom.enter")) return null;
  const row = await db.wireItem.findUnique({ where: { articleId }, select: { ...rowSelect } });
  if (!row) return null;
  const view = toRow(row, new Date());
  if (!view.pendingVersion && view.status !== "canceled") return null;
  return { wireItemId: row.id, pendingVersion: view.pendingVersion, isCanceled: view.status === "canceled", needsUnpublish: view.needsUnpublish, agency: view.agency };
}
