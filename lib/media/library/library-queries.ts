// The media library's grid: search over caption, alt text, file name, photographer and credit;
// filters by agency, photographer, what is missing, rights expiry and use. Staff only.
import "server-only";
import { z } from "zod";
import { textInput } from "../../text-input";
import { db, isPostgres } from "../../db";
import type { Prisma } from "../../generated/sqlite/client";
import { assertCan, type Actor } from "../../permissions";
import { EXPIRY_WARNING_DAYS, libraryItemInclude, toLibraryItem, type LibraryItem } from "./library-item";
import { DAY_MS } from "../rights/rights-dates";
import { mediaIdsInBodies } from "../usage-sql";

const LIBRARY_PAGE_SIZE = 48;
const NEEDS = ["alt", "credit", "any"] as const;
const RIGHTS = ["expiring", "expired"] as const;

const id = z.string().regex(/^[a-z0-9]{20,32}$/);
const Filters = z.object({
  q: textInput().max(200).optional().catch(undefined),
  agency: id.optional().catch(undefined),
  photographer: id.optional().catch(undefined),
  needs: z.enum(NEEDS).optional().catch(undefined),
  rights: z.enum(RIGHTS).optional().catch(undefined),
  unused: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type LibraryFilters = z.infer<typeof Filters>;

export function parseLibraryFilters(params: Record<string, string | string[] | undefined>): LibraryFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return Filters.parse(Object.fromEntries(Object.keys(Filters.shape).map((key) => [key, first(params[key])])));
}

// SQLite's LIKE ignores ASCII case; PostgreSQL needs to be asked.
function contains(q: string): Prisma.StringFilter {
  return (isPostgres() ? { contains: q, mode: "insensitive" } : { contains: q }) as Prisma.StringFilter;
}

const NO_CREDIT: Prisma.MediaWhereInput = { creditOverride: null, agencyId: null, photographerId: null };

function needsWhere(needs: LibraryFilters["needs"]): Prisma.MediaWhereInput[] {
  if (needs === "alt") return [{ altText: "" }];
  if (needs === "credit") return [NO_CREDIT];
  return needs === "any" ? [{ OR: [{ altText: "" }, NO_CREDIT] }] : [];
}

function rightsWhere(rights: LibraryFilters["rights"], now: Date): Prisma.MediaWhereInput[] {
  if (rights === "expired") return [{ rightsExpireAt: { lte: now } }];
  if (rights === "expiring") return [{ rightsExpireAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS) } }];
  return [];
}

async function buildWhere(filters: LibraryFilters, now: Date): Promise<Prisma.MediaWhereInput> {
  const q = filters.q;
  const and: Prisma.MediaWhereInput[] = [
    ...(q
      ? [
          {
            OR: [
              { defaultCaption: contains(q) },
              { altText: contains(q) },
              { originalName: contains(q) },
              { creditOverride: contains(q) },
              { photographer: { name: contains(q) } },
              { agency: { name: contains(q) } },
              { agency: { shortCredit: contains(q) } },
            ],
          },
        ]
      : []),
    ...(filters.agency ? [{ agencyId: filters.agency }] : []),
    ...(filters.photographer ? [{ photographerId: filters.photographer }] : []),
    ...needsWhere(filters.needs),
    ...rightsWhere(filters.rights, now),
  ];
  if (filters.unused) {
    and.push({ heroOf: { none: {} }, captions: { none: {} }, bylinePhotoOf: { none: {} }, id: { notIn: await mediaIdsInBodies(db) } });
  }
  return { AND: and };
}

export async function listLibrary(actor: Actor | null, filters: LibraryFilters, now: Date = new Date()): Promise<{ items: LibraryItem[]; total: number; pages: number }> {
  assertCan(actor, "newsroom.enter");
  const where = await buildWhere(filters, now);
  const [total, rows] = await Promise.all([
    db.media.count({ where }),
    db.media.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (filters.page - 1) * LIBRARY_PAGE_SIZE, take: LIBRARY_PAGE_SIZE, include: libraryItemInclude }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / LIBRARY_PAGE_SIZE)), items: rows.map((row) => toLibraryItem(row, now)) };
}

export type CreditOptions = { photographers: { id: string; name: string; agencyId: string | null }[]; agencies: { id: string; name: string }[] };

// The admin's lists of photographers and agencies, for the library's filters and detail form.
export async function listCreditOptions(actor: Actor | null): Promise<CreditOptions> {
  assertCan(actor, "newsroom.enter");
  const [photographers, agencies] = await Promise.all([
    db.photographer.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, agencyId: true } }),
    db.agency.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { photographers, agencies };
}
