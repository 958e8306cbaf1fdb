// Audit details as a line a person can read: "role: CONTRIBUTOR → EDITOR; email: …".
type Json = unknown;

const isRecord = (value: Json): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);
const show = (value: Json) => (value === null || value === undefined || value === "" ? "(none)" : typeof value === "string" ? value : JSON.stringify(value));

function changes(before: Record<string, Json>, after: Record<string, Json>): string[] {
  return Object.keys(after)
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${key}: ${show(before[key])} → ${show(after[key])}`);
}

function describeEntry(key: string, value: Json): string | null {
  if (isRecord(value) && "from" in value && "to" in value) {
    return JSON.stringify(value.from) === JSON.stringify(value.to) ? null : `${key}: ${show(value.from)} → ${show(value.to)}`;
  }
  return `${key}: ${show(value)}`;
}

export function describeAuditDetails(details: Json, max = 300): string {
  if (!isRecord(details)) return details === null || details === undefined ? "" : show(details);
  const { before, after, ...rest } = details;
  if (typeof details.from === "string" && typeof details.to === "string") {
    rest.change = `${details.from} → ${details.to}`;
    delete rest.from;
    delete rest.to;
  }
  const parts = [
    ...(isRecord(before) && isRecord(after) ? changes(before, after) : []),
    ...Object.entries(rest).map(([key, value]) => describeEntry(key, value)).filter((part): part is string => part !== null),
  ];
  const text = parts.join("; ");
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
