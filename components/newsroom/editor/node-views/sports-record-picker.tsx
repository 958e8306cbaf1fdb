"use client";
// What the five sports blocks (score box, results, standings, medal table, fixtures) share in the
// editor: the chosen record's label, read by id from the picker API
// (/api/newsroom/sports/records, lib/sports/picker.ts), or a search box to choose one: a labelled
// combobox whose list the keyboard walks (↓ ↑, Enter picks, Escape closes), searched as the editor
// types (debounced); then the block's own options, and Remove.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import type { PickerKind, PickerRecord } from "@/lib/sports/picker";
import { useRecords } from "../editor-records";
import { NodeActions } from "./node-actions";

const RECORDS_URL = "/api/newsroom/sports/records";
const SEARCH_DELAY_MS = 250;

type Answer<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

async function ask<T>(params: Record<string, string>, signal?: AbortSignal): Promise<Answer<T>> {
  try {
    const response = await fetch(`${RECORDS_URL}?${new URLSearchParams(params)}`, { signal, cache: "no-store", headers: { accept: "application/json" } });
    const body = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (!response.ok) return { ok: false, status: response.status, message: body.error ?? `The records could not be read (${response.status}).` };
    return { ok: true, data: body };
  } catch (error) {
    if ((error as Error)?.name === "AbortError") throw error;
    return { ok: false, status: 0, message: "The records could not be read: check the connection and try again." };
  }
}

type Chosen = { state: "none" } | { state: "loading" } | { state: "found"; record: PickerRecord } | { state: "gone"; message: string } | { state: "failed"; message: string };

// The chosen record as the picker API describes it now (so a corrected score shows here too).
function useChosenRecord(kind: PickerKind, id: string | null): Chosen {
  const [chosen, setChosen] = useState<{ key: string; value: Chosen } | null>(null);
  const key = `${kind}:${id ?? ""}`;
  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    ask<{ item: PickerRecord }>({ kind, id }, controller.signal).then(
      (answer) =>
        setChosen({
          key,
          value: answer.ok ? { state: "found", record: answer.data.item } : answer.status === 404 ? { state: "gone", message: answer.message } : { state: "failed", message: answer.message },
        }),
      () => undefined,
    );
    return () => controller.abort();
  }, [kind, id, key]);
  if (!id) return { state: "none" };
  return chosen?.key === key ? chosen.value : { state: "loading" };
}

type SearchState = { query: string; results: PickerRecord[]; problem: string; isSearching: boolean };

// Searches as the editor types, SEARCH_DELAY_MS after the last key; an answer to an older query
// is dropped.
function useRecordSearch(kind: PickerKind) {
  const [state, setState] = useState<SearchState>({ query: "", results: [], problem: "", isSearching: false });
  const pending = useRef<{ timer?: ReturnType<typeof setTimeout>; controller?: AbortController }>({});
  const cancel = () => {
    clearTimeout(pending.current.timer);
    pending.current.controller?.abort();
  };
  useEffect(() => {
    const current = pending.current;
    return () => {
      clearTimeout(current.timer);
      current.controller?.abort();
    };
  }, []);
  const search = (query: string) => {
    cancel();
    if (!query.trim()) return setState({ query, results: [], problem: "", isSearching: false });
    setState((current) => ({ ...current, query, isSearching: true }));
    pending.current.timer = setTimeout(() => {
      const controller = new AbortController();
      pending.current.controller = controller;
      ask<{ items: PickerRecord[] }>({ kind, q: query.trim() }, controller.signal).then(
        (answer) => setState({ query, results: answer.ok ? answer.data.items : [], problem: answer.ok ? (answer.data.items.length ? "" : "Nothing found.") : answer.message, isSearching: false }),
        () => undefined,
      );
    }, SEARCH_DELAY_MS);
  };
  const clear = () => {
    cancel();
    setState({ query: "", results: [], problem: "", isSearching: false });
  };
  return { ...state, search, clear };
}

const optionStyle = { padding: "0.35rem 0.5rem", cursor: "pointer", borderBottom: "1px solid var(--rule)" } as const;
const activeStyle = { ...optionStyle, background: "#e8f0fe", outline: "2px solid #1a73e8", outlineOffset: "-2px" } as const;
const detailStyle = { display: "block", fontSize: "0.85rem", color: "var(--ink-soft)" } as const;

// The search box and its list of matches. `label` names the box ("Find a match").
export function SportsRecordSearch({ kind, label, placeholder, onPick }: { kind: PickerKind; label: string; placeholder: string; onPick: (record: PickerRecord) => void }) {
  const { query, results, problem, isSearching, search, clear } = useRecordSearch(kind);
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const isOpen = results.length > 0;
  const activeIndex = Math.min(active, results.length - 1);

  const pick = (record: PickerRecord) => {
    clear();
    onPick(record);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!isOpen) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + results.length) % results.length);
    } else if (event.key === "Enter") {
      // Never a new paragraph in the story from a picker's search box.
      event.preventDefault();
      if (isOpen) pick(results[activeIndex]);
    } else if (event.key === "Escape" && (isOpen || query)) {
      event.preventDefault();
      clear();
    }
  };

  return (
    <div className="sports-record-search">
      <label className="field">
        <span>{label}</span>
        <input
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls={listId}
          aria-activedescendant={isOpen ? optionId(activeIndex) : undefined}
          value={query}
          maxLength={100}
          autoComplete="off"
          placeholder={placeholder}
          onChange={(event) => {
            setActive(0);
            search(event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <p className="node-credit" aria-live="polite">
        {isSearching ? "Searching…" : problem}
      </p>
      <ul id={listId} className="picker-results" role="listbox" aria-label={label} hidden={!isOpen}>
        {results.map((record, index) => (
          <li
            key={record.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            style={index === activeIndex ? activeStyle : optionStyle}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => pick(record)}
          >
            {record.label}
            <span style={detailStyle}>{record.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

// How one sports block declares its card: its name, the record kind it points at and the id
// attribute holding it, and what the search box says.
export type SportsBlockSpec = { type: string; title: string; kind: PickerKind; idAttr: string; searchLabel: string; placeholder: string; noneChosen: string };

// The card every sports block shows: the chosen record or the search, its options, Remove.
export function SportsBlockCard({ spec, props, options }: { spec: SportsBlockSpec; props: ReactNodeViewProps; options?: ReactNode }) {
  const { node, updateAttributes, deleteNode } = props;
  const { isReadOnly } = useRecords();
  const id: string | null = node.attrs[spec.idAttr] ?? null;
  const chosen = useChosenRecord(spec.kind, id);
  const choose = (record: PickerRecord) => updateAttributes({ [spec.idAttr]: record.id });
  const isSearchShown = !isReadOnly && (chosen.state === "none" || chosen.state === "gone");

  return (
    <NodeViewWrapper className={`node-card node-sports node-${spec.type}`} data-node={spec.type} contentEditable={false}>
      <div className="node-card-label">{spec.title}</div>
      <div className="node-sports-record" data-record-id={id ?? ""}>
        {chosen.state === "none" && <p className="node-warning">{spec.noneChosen}</p>}
        {chosen.state === "loading" && <p>Reading the record…</p>}
        {chosen.state === "found" && (
          <p>
            <strong>{chosen.record.label}</strong>
            <span style={detailStyle}>{chosen.record.detail}</span>
          </p>
        )}
        {chosen.state === "gone" && <p className="node-warning">{chosen.message} Choose another.</p>}
        {chosen.state === "failed" && <p className="node-warning">{chosen.message}</p>}
      </div>
      {isSearchShown && <SportsRecordSearch kind={spec.kind} label={spec.searchLabel} placeholder={spec.placeholder} onPick={choose} />}
      {!isReadOnly && options && <div className="field-row">{options}</div>}
      {!isReadOnly && (
        <NodeActions onRemove={deleteNode}>
          {id && chosen.state !== "gone" && (
            <button type="button" onClick={() => updateAttributes({ [spec.idAttr]: null })}>
              Choose another
            </button>
          )}
        </NodeActions>
      )}
    </NodeViewWrapper>
  );
}

// A whole-number option (places shown, matches shown): kept as typed until it is a number in
// range, then stored; out of range it says so and the block keeps its last good value.
export function WholeNumberOption({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange: (value: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const problemId = useId();
  const text = draft ?? String(value);
  const number = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  const isValid = number >= min && number <= max;
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-invalid={!isValid}
        aria-describedby={isValid ? undefined : problemId}
        onChange={(event) => {
          const next = event.target.value;
          const parsed = /^\d{1,4}$/.test(next.trim()) ? Number(next.trim()) : NaN;
          if (parsed >= min && parsed <= max) {
            setDraft(null);
            onChange(parsed);
          } else setDraft(next);
        }}
        onBlur={() => setDraft(null)}
      />
      {!isValid && (
        <span id={problemId} className="node-warning">
          A whole number from {min} to {max}.
        </span>
      )}
    </label>
  );
}
