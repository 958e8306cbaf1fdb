// Record ids in story bodies: custom nodes point at database records by id (quoteId, mediaId…).
// Same shape as the server's: lower-case letters and digits, 20 to 32 of them.
export const RECORD_ID = /^[a-z0-9]{20,32}$/;

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && RECORD_ID.test(value);
}

// Ids for records the editor creates (quotes, captions, sidebars) before they are saved, so a
// body keeps the same ids across saves: 25 lower-case characters.
export function newRecordId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return `c${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
