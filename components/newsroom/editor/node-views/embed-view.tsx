"use client";
import { useEffect, useState } from "react";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import type { EmbedView as Snapshot } from "@/lib/editor/body-records";
import { isWebUrl } from "@/lib/embeds/providers";
import { newRecordId } from "@/lib/editor/record-id";
import type { BlockInsert } from "./block-insert";
import { useRecords } from "../editor-records";
import { NodeActions } from "./node-actions";

// How long the view keeps asking for a new embed's snapshot, which the next (auto)save takes.
const SNAPSHOT_TRIES = 10;
const SNAPSHOT_RETRY_MS = 3000;

function useSnapshot(embedId: string | null): Snapshot | null {
  const { readEmbeds } = useRecords();
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  useEffect(() => {
    if (!embedId) return;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isCurrent = true;
    const read = async () => {
      const [found] = await readEmbeds([embedId]);
      if (!isCurrent) return;
      setSnapshot(found ?? null);
      if (!found && ++tries < SNAPSHOT_TRIES) timer = setTimeout(read, SNAPSHOT_RETRY_MS);
    };
    void read();
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [embedId, readEmbeds]);
  return embedId && snapshot?.id === embedId ? snapshot : null;
}

function SnapshotPreview({ snapshot, url }: { snapshot: Snapshot | null; url: string }) {
  if (!snapshot) return <p className="node-embed-url">{url} — the snapshot is taken when the story is saved.</p>;
  if (snapshot.isLinkCard)
    return (
      <p className="node-embed-url">
        {snapshot.provider}: {url} <span className="node-warning">(could not be reached: readers see a link card)</span>
      </p>
    );
  return (
    <div className="node-embed-preview">
      {snapshot.thumbnail && <img src={snapshot.thumbnail.src} alt="" width={120} />}
      <div>
        <strong>{snapshot.provider}</strong> {snapshot.authorName && `· ${snapshot.authorName}`}
        {snapshot.title && <p>{snapshot.title}</p>}
        {snapshot.text && <p className="node-embed-text">{snapshot.text}</p>}
      </div>
    </div>
  );
}

// An embedded post or video: the editor pastes its address; the save takes its snapshot, shown
// here, or a link card when the provider could not be reached ("Try again" takes a new one).
export function EmbedView({ node, updateAttributes, deleteNode }: ReactNodeViewProps) {
  const { isReadOnly } = useRecords();
  const url: string = node.attrs.url ?? "";
  const embedId: string | null = node.attrs.embedId ?? null;
  const snapshot = useSnapshot(embedId);
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState("");

  const embed = () => {
    const address = draft.trim();
    if (!isWebUrl(address)) return setProblem("Paste the full address of the post or video (https://…).");
    setProblem("");
    updateAttributes({ url: address, embedId: newRecordId() });
  };

  return (
    <NodeViewWrapper className="node-card node-embed" data-node="embed" contentEditable={false}>
      <div className="node-card-label">Embed</div>
      {url ? (
        <SnapshotPreview snapshot={snapshot} url={url} />
      ) : (
        !isReadOnly && (
          <div className="field-row">
            <label className="field">
              <span>Address of a post or video (X, YouTube, Instagram…)</span>
              <input value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), embed())} placeholder="https://www.youtube.com/watch?v=…" />
            </label>
            <button type="button" onClick={embed}>
              Embed
            </button>
          </div>
        )
      )}
      {problem && <p className="node-warning">{problem}</p>}
      {!isReadOnly && (
        <NodeActions onRemove={deleteNode}>
          {snapshot?.isLinkCard && (
            <button type="button" onClick={() => updateAttributes({ embedId: newRecordId() })}>
              Try again
            </button>
          )}
          {url && (
            <button type="button" onClick={() => updateAttributes({ url: "", embedId: null })}>
              Change address
            </button>
          )}
        </NodeActions>
      )}
    </NodeViewWrapper>
  );
}

// The toolbar's "+ Embed": no address yet; the editor pastes one in the block.
export const insertEmbed: BlockInsert = () => ({ type: "embed", attrs: { embedId: null, url: "" } });
