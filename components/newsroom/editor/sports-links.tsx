"use client";
// The story's Teams, Athletes and Events: for each, a search-as-you-type picker (a labelled
// combobox: arrow keys move through the matches, Enter adds, Escape closes) and the chosen ones as
// chips in order, each movable and removable with its own labelled buttons, like bylines.
import { useEffect, useId, useRef, useState } from "react";
import type { SportsLinkOption } from "@/lib/articles/sports-links";
import "./sports-links.css";

export type SportsLinkField = "teamIds" | "athleteIds" | "eventIds";
type Kind = "team" | "athlete" | "event";

const PICKERS: { field: SportsLinkField; kind: Kind; legend: string; placeholder: string }[] = [
  { field: "teamIds", kind: "team", legend: "Teams", placeholder: "Find a team…" },
  { field: "athleteIds", kind: "athlete", legend: "Athletes", placeholder: "Find an athlete…" },
  { field: "eventIds", kind: "event", legend: "Events", placeholder: "Find a match or event…" },
];
const MAX_LINKS = 20;
const SEARCH_DELAY_MS = 200;

async function fetchOptions(kind: Kind, q: string, signal: AbortSignal): Promise<SportsLinkOption[]> {
  const response = await fetch(`/api/newsroom/sports/links?${new URLSearchParams({ kind, q })}`, { signal });
  if (!response.ok) return [];
  return ((await response.json()) as { options: SportsLinkOption[] }).options;
}

// The matches for what was typed, fetched a moment after typing stops (an older answer never
// replaces a newer one).
function useMatches(kind: Kind, query: string | null): SportsLinkOption[] {
  const [matches, setMatches] = useState<SportsLinkOption[]>([]);
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchOptions(kind, query, controller.signal).then(setMatches, () => undefined);
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [kind, query]);
  return query === null ? [] : matches;
}

type PickerProps = {
  picker: (typeof PICKERS)[number];
  ids: string[];
  labels: Record<string, string>;
  isReadOnly: boolean;
  onChange: (ids: string[]) => void;
  onLabel: (option: SportsLinkOption) => void;
};

function Chips({ picker, ids, labels, isReadOnly, onChange }: Omit<PickerProps, "onLabel">) {
  const name = (id: string) => labels[id] ?? `Unknown ${picker.kind}`;
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
  };
  if (!ids.length) return <p className="field-hint">None yet.</p>;
  return (
    <ol className="link-chips" aria-label={`${picker.legend}, in order`}>
      {ids.map((id, index) => (
        <li key={id} className="link-chip" data-link-id={id}>
          <span>{name(id)}</span>
          {!isReadOnly && (
            <>
              <button type="button" aria-label={`Move ${name(id)} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>
                ↑
              </button>
              <button type="button" aria-label={`Move ${name(id)} down`} disabled={index === ids.length - 1} onClick={() => move(index, index + 1)}>
                ↓
              </button>
              <button type="button" aria-label={`Remove ${name(id)}`} onClick={() => onChange(ids.filter((other) => other !== id))}>
                ✕
              </button>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

function Picker(props: PickerProps) {
  const { picker, ids, isReadOnly, onChange, onLabel } = props;
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const options = useMatches(picker.kind, query).filter((option) => !ids.includes(option.id));
  const isOpen = query !== null && options.length > 0;
  const isFull = ids.length >= MAX_LINKS;

  const add = (option: SportsLinkOption) => {
    onLabel(option);
    onChange([...ids, option.id]);
    setQuery("");
    setActive(0);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (query === null) setQuery("");
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (options.length ? (current + step + options.length) % options.length : 0));
    } else if (event.key === "Enter" && isOpen) {
      event.preventDefault();
      add(options[Math.min(active, options.length - 1)]);
    } else if (event.key === "Escape" && query !== null) {
      event.preventDefault();
      setQuery(null);
    }
  };

  return (
    <fieldset className="field sports-link-field" disabled={isReadOnly} data-sports-links={picker.kind}>
      <legend>{picker.legend}</legend>
      <Chips {...props} />
      {!isReadOnly && (
        <div className="sports-link-search">
          <input
            ref={input}
            role="combobox"
            aria-label={`Add ${picker.legend.toLowerCase()}`}
            aria-autocomplete="list"
            aria-expanded={isOpen}
            aria-controls={listId}
            aria-activedescendant={isOpen ? `${listId}-${Math.min(active, options.length - 1)}` : undefined}
            value={query ?? ""}
            disabled={isFull}
            placeholder={isFull ? `At most ${MAX_LINKS}` : picker.placeholder}
            onFocus={() => setQuery((current) => current ?? "")}
            onBlur={() => setQuery(null)}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <ul id={listId} role="listbox" aria-label={`Matching ${picker.legend.toLowerCase()}`} className="picker-results" hidden={!isOpen}>
            {options.map((option, index) => (
              <li
                key={option.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                // Before the input's blur closes the list.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => add(option)}
              >
                {option.label}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}

type Props = {
  links: Record<SportsLinkField, string[]>;
  labels: Record<string, string>;
  isReadOnly: boolean;
  onChange: (change: Partial<Record<SportsLinkField, string[]>>) => void;
  onLabel: (option: SportsLinkOption) => void;
};

export function SportsLinks({ links, labels, isReadOnly, onChange, onLabel }: Props) {
  return (
    <div className="sports-links">
      {PICKERS.map((picker) => (
        <Picker key={picker.field} picker={picker} ids={links[picker.field]} labels={labels} isReadOnly={isReadOnly} onChange={(ids) => onChange({ [picker.field]: ids })} onLabel={onLabel} />
      ))}
    </div>
  );
}
