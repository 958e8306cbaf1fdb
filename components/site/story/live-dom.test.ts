// @vitest-environment happy-dom
// The live updater's changes to the page, on server-shaped markup: edits keep their place,
// deletes vanish, pins move to the top and back, new entries are placed by time or held while
// the reader is further down, and the coverage's status is replaced from the fresh page.
import { describe, expect, it } from "vitest";
import type { LiveChangeView } from "@/lib/live/queries";
import type { LiveEntryView } from "@/lib/live/views";
import { applyChanges, revealHeld, type HeldEntries } from "./live-dom";

type Row = { id: string; at: string; text: string; pinned?: boolean };

const entryHtml = (row: Row) => `<li id="entry-${row.id}" class="live-entry" data-entry-id="${row.id}"${row.pinned ? ' data-pinned="true"' : ""} data-posted-at="${row.at}"><p>${row.text}</p></li>`;

function pageHtml(rows: Row[], status = "LIVE") {
  return `<section class="live" data-live-status="${status}"><p class="live-status">${status}</p><p class="live-empty">No updates yet.</p><ol class="live-entries">${rows.map(entryHtml).join("")}</ol></section>`;
}

function setUp(rows: Row[]) {
  document.body.innerHTML = pageHtml(rows);
  return document.querySelector("section.live")!;
}

const fresh = (rows: Row[], status = "LIVE") => new DOMParser().parseFromString(`<main>${pageHtml(rows, status)}</main>`, "text/html");
const entry = (kind: string, id: string, seq = 1): LiveChangeView => ({ seq, kind, type: "entry", entry: { id } as LiveEntryView });
const texts = (section: Element) => [...section.querySelectorAll(".live-entries > li")].map((li) => li.textContent);

const a = { id: "a", at: "2026-12-06T15:01:00.000Z", text: "A" };
const b = { id: "b", at: "2026-12-06T15:02:00.000Z", text: "B" };
const c = { id: "c", at: "2026-12-06T15:03:00.000Z", text: "C" };

describe("applying live changes to the page", () => {
  it("keeps an edit in its place, removes a delete and places a new entry by time", () => {
    const section = setUp([c, a]);
    const held: HeldEntries = new Map();
    applyChanges(section, [entry("EDITED", "a"), { seq: 2, kind: "DELETED", type: "tombstone", entryId: "c" }, entry("CREATED", "b", 3)], fresh([b, { ...a, text: "A, edited" }]), false, held);
    expect(texts(section)).toEqual(["B", "A, edited"]);
    expect(section.querySelector(".live-empty")?.hasAttribute("hidden")).toBe(true);
  });

  it("moves a pinned entry to the top and an unpinned one back to its time", () => {
    const section = setUp([c, b, a]);
    const held: HeldEntries = new Map();
    applyChanges(section, [entry("PINNED", "a")], fresh([{ ...a, pinned: true }, c, b]), false, held);
    expect(texts(section)).toEqual(["A", "C", "B"]);
    applyChanges(section, [entry("UNPINNED", "a")], fresh([c, b, a]), false, held);
    expect(texts(section)).toEqual(["C", "B", "A"]);
  });

  it("holds new entries while the reader is further down, until they ask, forgetting one deleted meanwhile", () => {
    const section = setUp([a]);
    const held: HeldEntries = new Map();
    applyChanges(section, [entry("CREATED", "b"), entry("CREATED", "c", 2)], fresh([c, b, a]), true, held);
    expect(texts(section)).toEqual(["A"]);
    expect([...held.keys()]).toEqual(["b", "c"]);
    applyChanges(section, [{ seq: 3, kind: "DELETED", type: "tombstone", entryId: "b" }], null, true, held);
    revealHeld(section, held);
    expect(texts(section)).toEqual(["C", "A"]);
    expect(held.size).toBe(0);
  });

  it("replaces the status from the fresh page and says when the coverage has ended", () => {
    const section = setUp([a]);
    const coverage = { seq: 4, kind: "COVERAGE", type: "coverage", coverage: { status: "ENDED" } } as LiveChangeView;
    expect(applyChanges(section, [coverage], fresh([a], "ENDED"), false, new Map())).toBe(true);
    expect(section.getAttribute("data-live-status")).toBe("ENDED");
    expect(section.querySelector(".live-status")?.textContent).toBe("ENDED");
  });
});
