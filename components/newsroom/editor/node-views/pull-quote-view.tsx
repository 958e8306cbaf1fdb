"use client";
import { newRecordId } from "@/lib/editor/record-id";
import type { BlockInsert } from "./block-insert";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { useRecords, type QuoteRecord } from "../editor-records";
import { NodeActions } from "./node-actions";

// A pull quote: the words, who said them, who they are and how they said it.
export function PullQuoteView({ node, deleteNode }: ReactNodeViewProps) {
  const { records, update, isReadOnly } = useRecords();
  const id: string = node.attrs.quoteId;
  const quote = records.quotes[id] ?? { id, text: "", speaker: "", speakerDescription: "", context: "" };
  const set = (field: keyof QuoteRecord) => (value: string) => update((r) => ({ ...r, quotes: { ...r.quotes, [id]: { ...(r.quotes[id] ?? quote), [field]: value } } }));

  return (
    <NodeViewWrapper className="node-card node-quote" data-node="pullQuote" contentEditable={false}>
      <div className="node-card-label">Pull quote</div>
      <label className="field">
        <span>Quote</span>
        <textarea rows={2} value={quote.text} readOnly={isReadOnly} onChange={(e) => set("text")(e.target.value)} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Speaker</span>
          <input value={quote.speaker} readOnly={isReadOnly} onChange={(e) => set("speaker")(e.target.value)} />
        </label>
        <label className="field">
          <span>Who they are</span>
          <input value={quote.speakerDescription} readOnly={isReadOnly} onChange={(e) => set("speakerDescription")(e.target.value)} placeholder="Japanese speed skater" />
        </label>
        <label className="field">
          <span>Context</span>
          <input value={quote.context} readOnly={isReadOnly} onChange={(e) => set("context")(e.target.value)} placeholder="said through an interpreter" />
        </label>
      </div>
      {!isReadOnly && <NodeActions onRemove={deleteNode} />}
    </NodeViewWrapper>
  );
}

// The toolbar's "+ Quote": a new, empty quote record.
export const insertPullQuote: BlockInsert = ({ update }) => {
  const id = newRecordId();
  update((r) => ({ ...r, quotes: { ...r.quotes, [id]: { id, text: "", speaker: "", speakerDescription: "", context: "" } } }));
  return { type: "pullQuote", attrs: { quoteId: id } };
};
