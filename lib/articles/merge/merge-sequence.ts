// Three-way merge of an ordered list (a body's top-level blocks, tags, bylines) against the
// version both sides started from. lib/articles/merge/merge.ts explains the rules; this is the engine.
//
// Each side is compared with the base by a longest common subsequence over item identities;
// what is not in it becomes a hunk "base[start, end) was replaced by these items". An item kept
// in place but changed (same identity, other content) is a one-item hunk too; so is one edited
// only where the content does not show (a block's record) when the other side deleted it, so
// "deleted there, edited here" overlaps while "moved there, edited here" merges. Hunks of the
// two sides that overlap form a group:
// - one side only: that side's change;
// - both sides, same result: taken once;
// - both sides inserting at one point (or over base items that are only fillers, such as
//   empty paragraphs): both kept, theirs first, unless an item with the same identity differs;
// - otherwise a clash, with each side's version of the region for the person to choose from.
// Hunks that merely touch (one ends where the other starts) do not overlap: editing two
// neighbouring paragraphs merges.

export type Side = "mine" | "theirs";

type SequenceOptions<T> = {
  // Same identity = the same item (a block's record id, a tag's slug); else content.
  identity: (item: T) => string;
  content: (item: T) => string;
  // An edit the content does not show (a block's record): only matters against a deletion.
  isEditedBeyondContent?: (base: T, side: T, which: Side) => boolean;
  isFiller?: (item: T) => boolean;
};

export type SequenceClash<T> = { start: number; end: number; base: T[]; mine: T[]; theirs: T[] };
export type SequencePart<T> = { kind: "kept"; items: T[]; base: T[]; from: "base" | Side | "same" | "both" } | ({ kind: "clash" } & SequenceClash<T>);

type Hunk<T> = { start: number; end: number; items: T[]; side: Side };

// Above this many comparisons the middle of two lists is treated as one replaced region.
const MAX_LCS_CELLS = 4_000_000;

function commonPairs(a: string[], b: string[]): [number, number][] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre += 1;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf += 1;
  const n = a.length - pre - suf,
    m = b.length - pre - suf;
  const pairs: [number, number][] = Array.from({ length: pre }, (_, i) => [i, i]);
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_LCS_CELLS) {
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        lengths[i * width + j] = a[pre + i] === b[pre + j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
      }
    }
    for (let i = 0, j = 0; i < n && j < m;) {
      if (a[pre + i] === b[pre + j]) pairs.push([pre + i++, pre + j++]);
      else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) i += 1;
      else j += 1;
    }
  }
  for (let k = suf; k > 0; k -= 1) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

function hunksOf<T>(base: T[], side: T[], which: Side, options: SequenceOptions<T>, isDeletedByOther: (item: T) => boolean): Hunk<T>[] {
  const changed = (b: T, s: T) => options.content(b) !== options.content(s) || (!!options.isEditedBeyondContent?.(b, s, which) && isDeletedByOther(b));
  const hunks: Hunk<T>[] = [];
  let i = 0,
    j = 0;
  for (const [bi, sj] of [...commonPairs(base.map(options.identity), side.map(options.identity)), [base.length, side.length]]) {
    if (bi > i || sj > j) hunks.push({ start: i, end: bi, items: side.slice(j, sj), side: which });
    if (bi < base.length && changed(base[bi], side[sj])) hunks.push({ start: bi, end: bi + 1, items: [side[sj]], side: which });
    i = bi + 1;
    j = sj + 1;
  }
  return hunks;
}

function overlaps<T>(a: Hunk<T>, b: Hunk<T>): boolean {
  if (a.side === b.side) return false;
  const aEmpty = a.start === a.end,
    bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return a.start === b.start;
  if (aEmpty) return b.start < a.start && a.start < b.end;
  if (bEmpty) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

// Hunks that overlap, directly or through each other, in base order.
function groupHunks<T>(hunks: Hunk<T>[]): Hunk<T>[][] {
  const groups: Hunk<T>[][] = [];
  for (const hunk of hunks) {
    const joined = groups.filter((group) => group.some((other) => overlaps(hunk, other)));
    const merged = [...joined.flat(), hunk];
    groups.splice(0, groups.length, ...groups.filter((group) => !joined.includes(group)), merged);
  }
  const span = (group: Hunk<T>[]) => [Math.min(...group.map((h) => h.start)), Math.max(...group.map((h) => h.end))];
  return groups.sort((x, y) => span(x)[0] - span(y)[0] || span(x)[1] - span(y)[1]);
}

function applyHunks<T>(base: T[], start: number, end: number, hunks: Hunk<T>[]): T[] {
  const out: T[] = [];
  let at = start;
  for (const hunk of [...hunks].sort((x, y) => x.start - y.start || x.end - y.end)) {
    out.push(...base.slice(at, hunk.start), ...hunk.items);
    at = hunk.end;
  }
  return [...out, ...base.slice(at, end)];
}

function resolveGroup<T>(base: T[], group: Hunk<T>[], options: SequenceOptions<T>): SequencePart<T> {
  const start = Math.min(...group.map((h) => h.start)),
    end = Math.max(...group.map((h) => h.end));
  const baseSlice = base.slice(start, end);
  const mine = applyHunks(
    base,
    start,
    end,
    group.filter((h) => h.side === "mine"),
  );
  const theirs = applyHunks(
    base,
    start,
    end,
    group.filter((h) => h.side === "theirs"),
  );
  const sides = new Set(group.map((h) => h.side));
  if (sides.size === 1) return { kind: "kept", items: sides.has("mine") ? mine : theirs, base: baseSlice, from: sides.has("mine") ? "mine" : "theirs" };
  const contents = (items: T[]) => items.map(options.content).join("\n");
  if (contents(mine) === contents(theirs)) return { kind: "kept", items: theirs, base: baseSlice, from: "same" };
  const isFiller = options.isFiller ?? (() => false);
  if (baseSlice.every(isFiller)) {
    const theirContents = new Set(theirs.map(options.content));
    const theirIds = new Set(theirs.map(options.identity));
    const added = mine.filter((item) => !theirContents.has(options.content(item)));
    if (!added.some((item) => theirIds.has(options.identity(item)))) return { kind: "kept", items: [...theirs, ...added], base: baseSlice, from: "both" };
  }
  return { kind: "clash", start, end, base: baseSlice, mine, theirs };
}

export function mergeSequence<T>(base: T[], mine: T[], theirs: T[], options: SequenceOptions<T>): SequencePart<T>[] {
  const deletedFrom = (items: T[]) => {
    const kept = new Set(items.map(options.identity));
    return (item: T) => !kept.has(options.identity(item));
  };
  const hunks = [...hunksOf(base, mine, "mine", options, deletedFrom(theirs)), ...hunksOf(base, theirs, "theirs", options, deletedFrom(mine))].sort((x, y) => x.start - y.start || x.end - y.end);
  const parts: SequencePart<T>[] = [];
  let at = 0;
  for (const group of groupHunks(hunks)) {
    const part = resolveGroup(base, group, options);
    const start = part.kind === "clash" ? part.start : Math.min(...group.map((h) => h.start));
    if (start > at) parts.push({ kind: "kept", items: base.slice(at, start), base: base.slice(at, start), from: "base" });
    parts.push(part);
    at = Math.max(at, ...group.map((h) => h.end));
  }
  if (at < base.length) parts.push({ kind: "kept", items: base.slice(at), base: base.slice(at), from: "base" });
  return parts;
}

// The merged list, each clash settled by `choose`. An item whose identity must be unique (a
// block with a record, a byline's person) is kept once, where it first appears: both sides
// moving it to different places must not duplicate it.
export function resolveSequence<T>(parts: SequencePart<T>[], choose: (clash: SequenceClash<T>) => Side, isUnique: (item: T) => string | null = () => null): T[] {
  const seen = new Set<string>();
  return parts
    .flatMap((part) => (part.kind === "kept" ? part.items : part[choose(part)]))
    .filter((item) => {
      const key = isUnique(item);
      if (key === null) return true;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export const hasClash = <T>(parts: SequencePart<T>[]): boolean => parts.some((part) => part.kind === "clash");
