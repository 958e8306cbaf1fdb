// Ids for records the editor creates (quotes, captions, sidebars) before they are saved, so a
// body keeps the same ids across saves. Same shape as the server's: 25 lower-case characters.
export function newRecordId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return `c${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
