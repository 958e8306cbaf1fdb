// The bounded, tag-indexed, least-recently-used map both in-process caches keep (tagged-cache's
// data values and page-cache's whole responses): entries expire after their time, the oldest go
// first past the entry or byte limit, and dropping a tag drops every entry that carries it.
export type TaggedEntry = { tags: readonly string[]; expiresAt: number };

export type TaggedLruLimits<E> = { maxEntries: number; maxBytes?: number; sizeOf?: (entry: E) => number };

export class TaggedLru<E extends TaggedEntry> {
  private readonly entries = new Map<string, E>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly limits: TaggedLruLimits<E>) {}

  // The live entry for key (now the most recently used), or null, counted as a hit or a miss.
  get(key: string): E | null {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) {
      this.hits += 1;
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry;
    }
    if (entry) this.delete(key);
    this.misses += 1;
    return null;
  }

  set(key: string, entry: E): void {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += this.sizeOf(entry);
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    const maxBytes = this.limits.maxBytes ?? Infinity;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= this.sizeOf(entry);
    for (const tag of entry.tags) this.byTag.get(tag)?.delete(key);
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

  private sizeOf(entry: E): number {
    return this.limits.sizeOf?.(entry) ?? 0;
  }
}
