// The storage keys every media store accepts ("r/ab12…-960.webp", "o/<sha256>.jpg"). Each store
// checks them at the top of every method, so a key that works in the local folder works in a
// bucket too, and no key can name a path outside the store.
const MAX_KEY_LENGTH = 200;
// Lower-case letters, digits and ". _ -" in "/"-separated segments. A segment may not start with a
// dot, which rules out "..", hidden files and the local store's own temporary files.
const KEY_PATTERN = /^[a-z0-9_-][a-z0-9._-]*(\/[a-z0-9_-][a-z0-9._-]*)*$/;

export function isValidStorageKey(key: unknown): key is string {
  return typeof key === "string" && key.length <= MAX_KEY_LENGTH && KEY_PATTERN.test(key) && !key.includes("..");
}

export function assertStorageKey(key: unknown): asserts key is string {
  if (!isValidStorageKey(key)) {
    throw new Error(`Invalid media storage key ${JSON.stringify(String(key)).slice(0, 80)}`);
  }
}

// Readers get renditions only: originals ("o/…") keep the photographer's EXIF, GPS and IPTC data,
// so they are never served by the public media route nor given a public address.
export const RENDITION_PREFIX = "r/";

export function isRenditionKey(key: string): boolean {
  return key.startsWith(RENDITION_PREFIX);
}
