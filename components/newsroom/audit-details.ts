// The audit log as a newsroom reads it: what was done in words ("moved to the trash"), records by
// name (a story's headline, a person's or a section's name, never an id), field changes as
// "old → new", dates as dates, and never raw JSON.
import { ID_KEYS, refKey } from "@/lib/audit/references";
import { formatDateTime } from "@/lib/format-date";

type Json = unknown;
export type AuditNames = Record<string, string>;
export type StoryChanges = Record<string, { from: unknown; to: unknown }>;

const ACTION_LABELS: Record<string, string> = {
  "article.create": "started",
  "article.save": "saved",
  "article.restore": "restored an earlier version",
  "article.submit": "submitted for review",
  "article.publish": "published",
  "article.unpublish": "unpublished",
  "article.schedule": "scheduled",
  "article.return-to-draft": "sent back to draft",
  "article.schedule-failed": "could not publish on schedule",
  "article.correction": "added a correction",
  "article.update": "added an update note",
  "article.trash": "moved to the trash",
  "article.untrash": "restored from the trash",
  "article.purge": "deleted for good",
  "article.discard": "discarded (nothing was typed)",
  "auth.sign-in": "signed in",
  "auth.sign-in-failed": "failed to sign in",
  "auth.sign-out": "signed out",
  "user.role-change": "changed the role",
  "user.password-reset": "reset the password",
  "user.disable": "disabled the account",
  "user.enable": "enabled the account",
  "media.create": "uploaded",
  "media.update": "edited",
  "media.delete": "deleted",
  "media.rights-expired": "withdrawn: rights expired",
  "tag.cleanup": "deleted: no story used it",
};

const TYPE_LABELS: Record<string, string> = {
  Article: "story",
  User: "user",
  BylineProfile: "byline",
  Agency: "agency",
  Photographer: "photographer",
  Section: "section",
  Tag: "tag",
  Media: "picture",
};

const AREA_LABELS: Record<string, string> = {
  article: "stories",
  auth: "signing in",
  user: "users",
  media: "pictures",
  byline: "bylines",
  agency: "agencies",
  photographer: "photographers",
  section: "sections",
  tag: "tags",
};

const FIELD_LABELS: Record<string, string> = {
  sectionId: "section",
  agencyId: "agency",
  photographerId: "photographer",
  userId: "account",
  profileId: "byline",
  profileIds: "bylines",
  heroMediaId: "hero photo",
  mediaId: "photo",
  noteId: "note",
  articleId: "story",
  tagId: "tag",
  heroCaption: "hero caption",
  bodyWords: "body (words)",
  pullQuotes: "pull quotes",
  embedded: "the file said",
  withdrawnFrom: "withdrawn from",
  isDisabled: "disabled",
  originalName: "file",
  bytes: "size",
  focalX: "focal point across",
  focalY: "focal point down",
  rightsExpireAt: "rights expire",
  articles: "stories moved",
  scheduled: "on schedule",
  source: "from",
  deletedAt: "deleted",
  createdAt: "created",
};

// Kept out of the log: fingerprints and the like say nothing to a person.
const HIDDEN = new Set(["sha256", "id", "slugBefore"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
// Story statuses and roles read in lower case; other capitals (a credit like "AP") stay as written.
const ENUMS = new Set(["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED", "CONTRIBUTOR", "EDITOR", "ADMIN", "REPORTER", "PHOTOGRAPHER", "CORRECTION", "UPDATE"]);

const isRecord = (value: Json): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);
const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const VERBS: Record<string, string> = { create: "created", update: "updated", rename: "renamed", merge: "merged", delete: "deleted" };

export function auditActionLabel(action: string): string {
  const verb = action.split(".").pop() ?? action;
  return ACTION_LABELS[action] ?? VERBS[verb] ?? verb.replace(/-/g, " ");
}

export function auditTypeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

export function auditAreaLabel(prefix: string): string {
  return AREA_LABELS[prefix.replace(/\.$/, "")] ?? prefix.replace(/\.$/, "");
}

function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function nameOf(type: string, id: string, names: AuditNames): string {
  const name = names[refKey(type, id)];
  if (name === undefined) return `(a ${auditTypeLabel(type)} no longer there)`;
  return type === "Article" || type === "ArticleNote" ? `“${clip(name || "untitled", 100)}”` : name;
}

const sizeOf = (bytes: number) => (bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`);
const isEmpty = (value: Json) => isRecord(value) && Object.keys(value).length === 0;

function show(value: Json, key: string, names: AuditNames): string {
  if (value === null || value === undefined || value === "") return "(none)";
  const idType = ID_KEYS[key];
  if (idType && typeof value === "string") return nameOf(idType, value, names);
  if (idType && Array.isArray(value)) return value.length ? value.map((id) => nameOf(idType, String(id), names)).join(", ") : "(none)";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return key === "bytes" ? sizeOf(value) : String(value);
  if (typeof value === "string") return ISO_DATE.test(value) ? formatDateTime(value) : ENUMS.has(value) ? value.replace(/_/g, " ").toLowerCase() : clip(value);
  if (Array.isArray(value)) return value.length ? value.map((item) => show(item, key, names)).join(", ") : "(none)";
  if (isRecord(value)) {
    if (typeof value.headline === "string") return `“${clip(value.headline || "untitled", 100)}”`;
    if (typeof value.name === "string") return value.name;
    return Object.entries(value)
      .filter(([k]) => !HIDDEN.has(k))
      .map(([k, v]) => `${fieldLabel(k)}: ${show(v, k, names)}`)
      .join(", ");
  }
  return String(value);
}

function change(key: string, from: Json, to: Json, names: AuditNames): string | null {
  if (JSON.stringify(from) === JSON.stringify(to)) return null;
  return `${fieldLabel(key)}: ${show(from, key, names)} → ${show(to, key, names)}`;
}

function changesOf(pairs: Record<string, Json>, names: AuditNames): string[] {
  return Object.entries(pairs).flatMap(([key, pair]) => {
    if (!isRecord(pair)) return [];
    const line = "from" in pair ? change(key, pair.from, pair.to, names) : change(key, pair.before, pair.after, names);
    return line ? [line] : [];
  });
}

// What a top-level { from, to } is a change of.
function transitionLabel(action: string | undefined): string {
  if (action === "user.role-change") return "role";
  return action?.startsWith("article.") ? "status" : "change";
}

type Options = { action?: string; names?: AuditNames; changes?: StoryChanges; recordName?: string | null; max?: number };

export function describeAuditDetails(details: Json, options: Options = {}): string {
  const names = options.names ?? {};
  const parts: string[] = options.changes ? changesOf(options.changes, names) : [];
  if (isRecord(details)) {
    const { before, after, changes, from, to, ...rest } = details;
    if (isRecord(before) && isRecord(after)) parts.push(...Object.keys(after).flatMap((key) => change(key, before[key], after[key], names) ?? []));
    if (isRecord(changes)) parts.push(...changesOf(changes, names));
    for (const [key, value] of Object.entries(rest)) {
      if (HIDDEN.has(key) || isEmpty(value) || (key === "version" && options.changes)) continue;
      if (typeof value === "string" && value === options.recordName) continue;
      if (isRecord(value) && ("from" in value || "before" in value)) parts.push(...changesOf({ [key]: value }, names));
      else parts.push(`${fieldLabel(key)}: ${show(value, key, names)}`);
    }
    if (from !== undefined || to !== undefined) parts.push(`${transitionLabel(options.action)}: ${show(from, "", names)} → ${show(to, "", names)}`);
  } else if (details !== null && details !== undefined) parts.push(show(details, "", names));
  const text = parts.join("; ");
  const max = options.max ?? 300;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// A name for the record an entry is about, when its details carry one.
export function auditRecordName(details: Json): string | null {
  if (!isRecord(details)) return null;
  for (const key of ["name", "email", "originalName", "headline", "slug"]) {
    const value = details[key];
    if (typeof value === "string" && value) return value;
    if (isRecord(value) && typeof value.to === "string") return value.to;
  }
  if (isRecord(details.after) && typeof details.after.name === "string") return details.after.name;
  if (isRecord(details.target) && typeof details.target.name === "string") return details.target.name;
  return null;
}

// The record an entry is about, by name: its current name, else the one its details kept (a story
// deleted for good is named from its trash entries, `gone`). `plain` is that name unquoted, for leaving it out
// of the details.
export function auditRecordLabel(
  entry: { entityType: string; entityId: string; details: Json },
  names: AuditNames,
  gone: readonly string[] = [],
): { type: string; name: string; plain: string | null; isGone: boolean } {
  const key = refKey(entry.entityType, entry.entityId);
  const current = gone.includes(key) ? undefined : names[key];
  const plain = current ?? names[key] ?? auditRecordName(entry.details);
  const type = auditTypeLabel(entry.entityType);
  const name = plain === null ? "(no longer there)" : entry.entityType === "Article" ? `“${plain || "untitled"}”` : plain;
  return { type, name, plain, isGone: current === undefined };
}
