"use client";
import { LIVE_ENTRY_TYPES } from "@/lib/live/schema";
import { ENTRY_TYPE_LABELS } from "./types";

// The entry type picker of the composer and of an entry being edited.
export function EntryTypeSelect({ value, onChange }: { value: string; onChange: (type: string) => void }) {
  return (
    <label>
      Type{" "}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {LIVE_ENTRY_TYPES.map((type) => (
          <option key={type} value={type}>
            {ENTRY_TYPE_LABELS[type]}
          </option>
        ))}
      </select>
    </label>
  );
}
