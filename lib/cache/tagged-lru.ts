// The bounded, tag-indexed, least-recently-used map both in-process caches keep (tagged-cache's
// data values and page-cache's whole responses): entries expire after their time, the oldest go
// first past the entry or byte limit, and dropping a tag drops every entry that carries it.
export type TaggedEntry = { tags: readonly string[]; expiresAt: number };

// sizeOf: the bytes an entry holds, worked out once when it is stored (the key is given so that
// callers can count it and the tag index with indexBytes below).
export type TaggedLruLimits<E> = { maxEntries: number; maxBytes?: number; sizeOf?: (entry: E, key: string) => number };

// Rough heap sizes on 64-bit Node.js (no pointer compression), for byte limits that mean what they
// say: a string is a 16-byte header and one byte a character (two when any is past U+00FF); a
// stored entry costs its map slot, its record here and its object header; each tag costs a slot in
// the tag's key set and in the entry's tag list.
const STRING_HEADER_BYTES = 16;
const ENTRY_BYTES = 120;
const TAG_SLOT_BYTES = 40;

export function stringBytes(value: string): number {
  return STRING_HEADER_BYTES + value.length * (/^[\u0000-\u00ff]*$/.test(value) ? 1 : 2);
}

// What keeping an entry under `key` with `tags` costs besides its value: the key (held by the map
// and by every tag's key set, one string), the tag strings and the index slots.
export function indexBytes(key: string, tags: readonly string[]): number {
  let bytes = ENTRY_BYTES + stringBytes(key);
  for (const tag of tags) bytes += TAG_SLOT_BYTES + stringBytes(tag);
  return bytes;
}

export class TaggedLru<E extends TaggedEntry> {
  // Each entry with the bytes it was counted at, so that removing it takes off exactly that.
  private readonly entries = new Map<string, { entry: E; bytes: number }>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly limits: TaggedLruLimits<E>) {}

  // The live entry for key (now the most recently used), or null, counted as a hit or a miss.
  get(key: string): E | null {
    const stored = this.entries.get(key);
    if (stored && stored.entry.expiresAt > Date.now()) {
      this.hits += 1;
      this.entries.delete(key);
      this.entries.set(key, stored);
      return stored.entry;
    }
    if (stored) this.delete(key);
    this.misses += 1;
    return null;
  }

  // Stores the entry, then lets the oldest go until both limits hold. An entry larger than the
  // byte limit by itself is not stored (it would only push everything else out): false.
  set(key: string, entry: E): boolean {
    this.delete(key);
    const bytes = this.limits.sizeOf?.(entry, key) ?? 0;
    const maxBytes = this.limits.maxBytes ?? Infinity;
    if (bytes > maxBytes) return false;
    this.entries.set(key, { entry, bytes });
    this.bytes += bytes;
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= maxBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  delete(key: string): void {
    const stored = this.entries.get(key);
    if (!stored) return;
    this.entries.delete(key);
    this.bytes -= stored.bytes;
    for (const tag of stored.entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      // An emptied tag would otherwise stay in the index for good.
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }

  // Drops every entry carrying one of the tags; returns how many went.
  dropTagged(tags: Iterable<string>): number {
    let dropped = 0;
    for (const tag of tags) {
      for (const key of this.byTag.get(tag) ?? []) {
        this.delete(key);
        dropped += 1;
      }
      this.byTag.delete(tag);
    }
    return dropped;
  }

  clear(): void {
    this.entries.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  stats(): { entries: number; bytes: number; hits: number; misses: number } {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }
}
