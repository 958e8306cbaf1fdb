// How the live updater (live-updates.tsx) changes the server-rendered list of entries in place.
// Entry HTML only ever comes from `fresh`: the story page itself, fetched from this site and
// rendered by the server (live-entry.tsx), so the browser never builds an entry from data.
// Order is the server's: pinned first, then newest first (postedAt, then id).
import type { LiveChangeView } from "@/lib/live/queries";

const entryId = (element: Element) => element.getAttribute("data-entry-id") ?? "";
const isPinned = (element: Element) => element.getAttribute("data-pinned") === "true";
const postedAt = (element: Element) => element.getAttribute("data-posted-at") ?? "";

// True when `a` comes before `b` on the page.
function comesBefore(a: Element, b: Element): boolean {
  if (isPinned(a) !== isPinned(b)) return isPinned(a);
  if (postedAt(a) !== postedAt(b)) return postedAt(a) > postedAt(b);
  return entryId(a) > entryId(b);
}

export function placeEntry(list: Element, element: Element): void {
  const next = [...list.children].find((other) => other !== element && comesBefore(element, other));
  list.insertBefore(element, next ?? null);
}

// New entries kept back (by id) because the reader is reading further down, until they ask.
export type HeldEntries = Map<string, Element>;

function replaceCoverage(section: Element, fresh: Document): void {
  const freshSection = fresh.querySelector("section.live");
  if (!freshSection) return;
  section.setAttribute("data-live-status", freshSection.getAttribute("data-live-status") ?? "");
  section.className = freshSection.className;
  for (const selector of [".live-status", ".live-match", ".live-key-points"]) {
    const now = section.querySelector(selector);
    const next = freshSection.querySelector(selector);
    if (now && next) now.replaceWith(section.ownerDocument.importNode(next, true));
    else if (now) now.remove();
    else if (next) section.querySelector(".live-entries")?.before(section.ownerDocument.importNode(next, true));
  }
}

// Applies changes to the live section: deletes vanish, edits keep their place, pins move, new
// entries are placed, or held when `holdNew` (the reader has scrolled past the top of the list).
// Returns whether the coverage has ended.
export function applyChanges(section: Element, changes: LiveChangeView[], fresh: Document | null, holdNew: boolean, held: HeldEntries): boolean {
  const list = section.querySelector(".live-entries");
  let hasEnded = section.getAttribute("data-live-status") === "ENDED";
  if (!list) return hasEnded;
  for (const change of changes) {
    if (change.type === "coverage") {
      if (fresh) replaceCoverage(section, fresh);
      hasEnded = change.coverage.status === "ENDED";
      continue;
    }
    const id = change.type === "entry" ? change.entry.id : change.entryId;
    const current = [...list.children].find((element) => entryId(element) === id);
    if (change.type === "tombstone") {
      current?.remove();
      held.delete(id);
      continue;
    }
    const rendered = fresh?.getElementById(`entry-${id}`);
    // Not on the fresh page: deleted since, so a later change removes it.
    if (!rendered) continue;
    const element = section.ownerDocument.importNode(rendered, true);
    if (current) {
      const wasPinned = isPinned(current);
      current.replaceWith(element);
      if (wasPinned !== isPinned(element) || postedAt(current) !== postedAt(element)) placeEntry(list, element);
    } else if (!isPinned(element) && (holdNew || held.has(id))) held.set(id, element);
    else {
      held.delete(id);
      placeEntry(list, element);
    }
  }
  showEmpty(section, list);
  return hasEnded;
}

function showEmpty(section: Element, list: Element): void {
  section.querySelector(".live-empty")?.toggleAttribute("hidden", list.children.length > 0);
}

// The reader asked for the held entries: placed, and the list's top brought into view.
export function revealHeld(section: Element, held: HeldEntries): void {
  const list = section.querySelector(".live-entries");
  if (!list) return;
  for (const element of held.values()) placeEntry(list, element);
  held.clear();
  showEmpty(section, list);
}
