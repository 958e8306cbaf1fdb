// Rough heap sizes of what the in-process caches keep (64-bit Node.js, no pointer compression), so
// that their byte limits (PAGE_CACHE_MAX_MB, DATA_CACHE_MAX_MB) bound what they really hold. The
// figures are V8's object layouts rounded up: an estimate that errs high, never a measurement.
import { stringBytes } from "./tagged-lru";

const OBJECT_HEADER_BYTES = 24;
const SLOT_BYTES = 8;
const HEAP_NUMBER_BYTES = 16;
const DATE_BYTES = 32;
const BUFFER_HEADER_BYTES = 96;
const COLLECTION_HEADER_BYTES = 48;
// A Map entry is a key, a value and a chain link in its hash table; a Set entry has no value.
const MAP_ENTRY_BYTES = 3 * SLOT_BYTES;
const SET_ENTRY_BYTES = 2 * SLOT_BYTES;

// The memory a buffer keeps alive: its whole backing store when it has one of its own (gzipSync
// returns a slice of a 16 kB chunk, so a 5 kB result keeps 16 kB), its own bytes when it sits in
// Node's shared pool of small buffers.
export function retainedBytes(buffer: Uint8Array): number {
  return BUFFER_HEADER_BYTES + (buffer.buffer.byteLength > Buffer.poolSize ? buffer.buffer.byteLength : buffer.byteLength);
}

export function headerBytes(headers: Record<string, string | string[]>): number {
  let bytes = OBJECT_HEADER_BYTES;
  for (const [name, value] of Object.entries(headers)) {
    bytes += SLOT_BYTES + stringBytes(name);
    for (const item of Array.isArray(value) ? value : [value]) bytes += SLOT_BYTES + stringBytes(item);
  }
  return bytes;
}

// The bytes a plain value holds (what the data cache keeps: objects, arrays, Maps, Sets, Dates,
// strings, numbers, buffers), each object counted once however often it is referenced. Property
// names live in V8's shared hidden classes and are not counted; a string is counted wherever it
// appears, as it usually is a copy of its own.
export function estimateBytes(value: unknown): number {
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  let bytes = 0;
  const visit = (item: unknown) => pending.push(item);
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === "string") bytes += stringBytes(item);
    else if (typeof item === "number") bytes += Number.isInteger(item) ? 0 : HEAP_NUMBER_BYTES;
    else if (typeof item === "object" && item !== null && !seen.has(item)) {
      seen.add(item);
      bytes += objectBytes(item, visit);
    }
  }
  return bytes;
}

// One object's own bytes; what it refers to goes to visit.
function objectBytes(item: object, visit: (child: unknown) => void): number {
  if (ArrayBuffer.isView(item)) return retainedBytes(new Uint8Array(item.buffer, item.byteOffset, item.byteLength));
  if (item instanceof Date) return DATE_BYTES;
  if (item instanceof Map) {
    for (const [key, child] of item) {
      visit(key);
      visit(child);
    }
    return COLLECTION_HEADER_BYTES + item.size * MAP_ENTRY_BYTES;
  }
  if (item instanceof Set) {
    for (const child of item) visit(child);
    return COLLECTION_HEADER_BYTES + item.size * SET_ENTRY_BYTES;
  }
  const children = Array.isArray(item) ? item : Object.values(item);
  for (const child of children) visit(child);
  return OBJECT_HEADER_BYTES + children.length * SLOT_BYTES;
}
