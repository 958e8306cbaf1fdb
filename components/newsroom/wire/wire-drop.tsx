"use client";
// Drop agency files here (one or many), choose them with the file input, or paste plain agency
// copy: each document is sent to /api/wire/uploads and its result listed (created, updated,
// unchanged, held, refused with the server's message).
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { FileDropZone } from "../file-drop-zone";
import type { WireUploadResult } from "@/lib/wire/upload-result";

const ACCEPT = ".json,.xml,.txt,.ninjs,application/json,application/xml,text/xml,text/plain";
const ENDPOINT = "/api/wire/uploads";

type Entry = { key: number; name: string; state: "sending" } | { key: number; name: string; state: "done"; result: WireUploadResult };

async function send(body: FormData, name: string): Promise<WireUploadResult> {
  try {
    const response = await fetch(ENDPOINT, { method: "POST", body });
    const data = (await response.json().catch(() => null)) as { results?: WireUploadResult[]; error?: string } | null;
    if (data?.results?.[0]) return data.results[0];
    return { name, ok: false, status: response.status, message: data?.error ?? `The server answered ${response.status}.` };
  } catch {
    return { name, ok: false, status: 0, message: "The upload did not reach the server; check the connection and try again." };
  }
}

const OUTCOME_LABEL: Record<string, string> = {
  created: "Draft created",
  updated: "Draft updated",
  "pending-update": "Kept as a pending wire update",
  unchanged: "Unchanged",
  canceled: "Canceled by the agency",
  unpublished: "Canceled: story unpublished",
  held: "Stored without a draft",
};

function ResultLine({ entry }: { entry: Entry }) {
  if (entry.state === "sending") return <li className="wire-result wire-result--sending">{entry.name}: importing…</li>;
  const { result } = entry;
  if (!result.ok) {
    return (
      <li className="wire-result wire-result--refused">
        <strong>{entry.name}: refused.</strong> {result.message}
      </li>
    );
  }
  return (
    <li className="wire-result wire-result--ok">
      <strong>
        {entry.name}: {OUTCOME_LABEL[result.outcome] ?? result.outcome}.
      </strong>{" "}
      {result.message} <a href={`/newsroom/wire/${result.wireItemId}`}>Read “{result.headline || "the item"}”</a>
      {result.articleId && (
        <>
          {" · "}
          <a href={`/newsroom/stories/${result.articleId}`}>Open the draft</a>
        </>
      )}
    </li>
  );
}

export function WireDrop() {
  const router = useRouter();
  const counter = useRef(0);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [text, setText] = useState("");
  const isBusy = entries.some((entry) => entry.state === "sending");

  async function importAll(documents: { name: string; body: FormData }[]) {
    const started = documents.map((document) => ({ key: (counter.current += 1), name: document.name, state: "sending" as const }));
    setEntries((current) => [...started, ...current]);
    await Promise.all(
      documents.map(async (document, index) => {
        const result = await send(document.body, document.name);
        setEntries((current) => current.map((entry) => (entry.key === started[index].key ? { key: entry.key, name: entry.name, state: "done", result } : entry)));
      }),
    );
    router.refresh();
  }

  function importFiles(files: FileList) {
    const documents = [...files].map((file) => {
      const body = new FormData();
      body.append("file", file);
      return { name: file.name, body };
    });
    void importAll(documents);
  }

  function handlePaste(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) return;
    const body = new FormData();
    body.append("text", text);
    setText("");
    void importAll([{ name: "Pasted agency text", body }]);
  }

  return (
    <section className="wire-import" aria-labelledby="wire-import-heading">
      <h2 id="wire-import-heading">Import agency copy</h2>
      <div className="wire-import-columns">
        <FileDropZone
          title="Drop wire files here"
          hint="ninjs (JSON), NewsML-G2 (XML) or plain text, up to 5 MB each. Pictures are fetched from the agency."
          accept={ACCEPT}
          inputLabel="Choose wire files to import"
          onFiles={importFiles}
        />
        <form className="wire-paste" onSubmit={handlePaste}>
          <label htmlFor="wire-paste-text">Paste agency text</label>
          <textarea id="wire-paste-text" name="text" rows={5} value={text} onChange={(event) => setText(event.target.value)} placeholder={"HEADLINE\nCITY, Date (Agency) - First paragraph…"} />
          <button type="submit" disabled={!text.trim()}>
            Import text
          </button>
        </form>
      </div>
      {entries.length > 0 && (
        <ul className="wire-results" aria-live="polite" aria-busy={isBusy}>
          {entries.map((entry) => (
            <ResultLine key={entry.key} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}
