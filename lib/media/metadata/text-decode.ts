// Text found inside picture files: UTF-8 when it is valid UTF-8, else Latin-1 (what older agency
// software writes). Control characters go, runs of white space become one space, and the result is
// capped, so a hostile file cannot fill a field with megabytes.
const utf8 = new TextDecoder("utf-8", { fatal: true });

const MAX_EMBEDDED_TEXT = 2000;

export function decodeText(bytes: Uint8Array, isUtf8 = false): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return isUtf8 ? new TextDecoder("utf-8").decode(bytes) : Buffer.from(bytes).toString("latin1");
  }
}

export function cleanText(value: string | undefined | null, max = MAX_EMBEDDED_TEXT): string | undefined {
  if (!value) return undefined;
  const clean = value
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .trim();
  return clean || undefined;
}
