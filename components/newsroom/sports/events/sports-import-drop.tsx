"use client";
// Drop SportsML files here (or choose them): each is sent to /api/newsroom/sports/uploads and its
// report listed (events and standings created, updated or unchanged, teams and athletes matched or
// created, what was skipped), or its refusal with the server's message. One refused file does not
// stop the others.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FileDropZone } from "../../file-drop-zone";
import type { SportsUploadResult } from "@/lib/sports/desk/upload";

const ACCEPT = ".xml,.json,application/xml,text/xml,application/json";
const ENDPOINT = "/api/newsroom/sports/uploads";

type Entry = { key: number; name: string; state: "sending" } | { key: number; name: string; state: "done"; result: SportsUploadResult };

async function send(file: File): Promise<SportsUploadResult> {
  const body = new FormData();
  body.append("file", file);
  try {
    const response = await fetch(ENDPOINT, { method: "POST", body });
    const data = (await response.json().catch(() => null)) as { results?: SportsUploadResult[]; error?: string } | null;
    if (data?.results?.[0]) return data.results[0];
    return { name: file.name, ok: false, status: response.status, message: data?.error ?? `The server answered ${response.status}.` };
  } catch {
    return { name: file.name, ok: false, status: 0, message: "The upload did not reach the server; check the connection and try again." };
  }
}

const counts = (c: { created: number; updated: number; unchanged: number }) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

function ResultLine({ entry }: { entry: Entry }) {
  if (entry.state === "sending") return <li>{entry.name}: importing…</li>;
  const { result } = entry;
  if (!result.ok) {
    return (
      <li className="form-error">
        <strong>{entry.name}: refused.</strong> {result.message}
      </li>
    );
  }
  return (
    <li>
      <strong>{entry.name}: imported.</strong> Events: {counts(result.events)}. Standings: {counts(result.standings)}. Teams: {result.teams.created} created, {result.teams.matched} matched. Athletes:{" "}
      {result.athletes.created} created, {result.athletes.matched} matched.
      {result.skipped.length > 0 && (
        <details>
          <summary>{result.skipped.length} skipped</summary>
          <ul>
            {result.skipped.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

export function SportsImportDrop() {
  const router = useRouter();
  const counter = useRef(0);
  const [entries, setEntries] = useState<Entry[]>([]);
  const isBusy = entries.some((entry) => entry.state === "sending");

  async function importFiles(files: FileList) {
    const list = [...files];
    const started = list.map((file) => ({ key: (counter.current += 1), name: file.name, state: "sending" as const }));
    setEntries((current) => [...started, ...current]);
    // One at a time: each import is one transaction, and files often name the same teams.
    for (const [index, file] of list.entries()) {
      const result = await send(file);
      setEntries((current) => current.map((entry) => (entry.key === started[index].key ? { key: entry.key, name: entry.name, state: "done", result } : entry)));
    }
    router.refresh();
  }

  return (
    <section aria-labelledby="sports-import-heading">
      <h2 id="sports-import-heading">Upload SportsML</h2>
      <FileDropZone
        title="Drop SportsML files here"
        hint="SportsML 3 as XML (alone or in a NewsML-G2 item) or its JSON form, up to 5 MB each. An event already stored is updated when the file brings a newer status or score."
        accept={ACCEPT}
        inputLabel="Choose SportsML files to import"
        onFiles={(files) => void importFiles(files)}
      />
      {entries.length > 0 && (
        <ul aria-live="polite" aria-busy={isBusy}>
          {entries.map((entry) => (
            <ResultLine key={entry.key} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}
