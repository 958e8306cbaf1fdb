// The audit log screen (admins only): newest first, filtered, a page at a time, with what the
// screen needs to read like a newsroom log: the names of the records the entries mention (not
// their ids) and, for story saves, what changed.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { textInput } from "../text-input";
import { assertCan, type Actor } from "../permissions";
import { resolveAuditNames } from "./names";
import { collectDetailRefs, type RecordRef } from "./references";
import { storyChangesFor } from "./story-changes";

const AUDIT_PAGE_SIZE = 50;

const empty = (value: unknown) => (value === "" || value === null ? undefined : value);
const optionalText = z.preprocess(empty, textInput().max(100).optional());
const optionalDate = z.preprocess(empty, z.coerce.date({ error: "is not a date" }).optional());

export const AuditFilter = z.object({
  // "user.role-change" exactly, or "user." for everything about users.
  action: optionalText,
  actorId: optionalText,
  entityType: optionalText,
  entityId: optionalText,
  from: optionalDate,
  to: optionalDate,
  page: z.preprocess(empty, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type AuditFilter = z.output<typeof AuditFilter>;

// Bad filter values are dropped rather than failing the page: the form shows what was applied.
export function parseAuditFilter(input: Record<string, unknown>): AuditFilter {
  const parsed = AuditFilter.safeParse(input);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return AuditFilter.parse(Object.fromEntries(Object.entries(input).filter(([key]) => !bad.has(key))));
}

function whereFor(filter: AuditFilter) {
  const action = filter.action?.endsWith(".") ? { startsWith: filter.action } : filter.action;
  // A "to" date without a time means the whole of that day.
  const to = filter.to ? new Date(filter.to.getTime() + (filter.to.getUTCHours() === 0 && filter.to.getUTCMinutes() === 0 ? 86_399_999 : 0)) : undefined;
  return {
    ...(action ? { action } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.from || to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
}

export async function listAuditEntries(actor: Actor | null, filter: AuditFilter) {
  assertCan(actor, "audit.read");
  const where = whereFor(filter);
  const [entries, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { id: true, name: true, email: true } } },
    }),
    db.auditEntry.count({ where }),
  ]);
  const changes = await storyChangesFor(entries);
  const refs: RecordRef[] = [
    ...entries.map((entry) => ({ type: entry.entityType, id: entry.entityId })),
    ...collectDetailRefs(entries.map((entry) => entry.details)),
    ...collectDetailRefs(Object.values(changes)),
  ];
  const { names, gone } = await resolveAuditNames(refs);
  return { entries, total, page: filter.page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), names, gone, changes };
}

export type AuditEntryRow = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];

// Choices for the filter form: the actions and record types that occur, and who has acted.
export async function auditFilterChoices(actor: Actor | null) {
  assertCan(actor, "audit.read");
  const [actions, types, actors] = await Promise.all([
    // groupBy is a GROUP BY in SQL; findMany's `distinct` would read every row.
    db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditEntry.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
    db.user.findMany({ where: { auditEntries: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), entityTypes: types.map((t) => t.entityType), actors };
}
