"use client";
import { useState } from "react";
import type { BlockInsert } from "./block-insert";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import type { PickerStory } from "@/lib/articles/editor-queries";
import { useRecords } from "../editor-records";
import { NodeActions } from "./node-actions";

// An inline teaser for another story: picked by searching headlines, always showing the
// linked story's current headline, with an optional label ("'INSANE':").
export function RelatedStoryView({ node, updateAttributes, deleteNode }: ReactNodeViewProps) {
  const { records, update, searchStories, isReadOnly } = useRecords();
  const story = records.stories[node.attrs.articleId];
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PickerStory[]>([]);

  const search = async (value: string) => {
    setQuery(value);
    setResults(value.trim().length >= 2 ? await searchStories(value) : []);
  };
  const choose = (picked: PickerStory) => {
    update((r) => ({ ...r, stories: { ...r.stories, [picked.id]: picked } }));
    updateAttributes({ articleId: picked.id });
    setResults([]);
    setQuery("");
  };

  return (
    <NodeViewWrapper className="node-card node-related" data-node="relatedStory" contentEditable={false}>
      <div className="node-card-label">Related story</div>
      <p className="node-related-preview">
        <strong className="node-related-label">{node.attrs.label}</strong> {story ? story.headline : <em>Choose a story</em>}
        {story && story.status !== "PUBLISHED" && <span className="node-warning"> (not published: readers will not see this teaser)</span>}
      </p>
      {!isReadOnly && (
        <>
          <div className="field-row">
            <label className="field">
              <span>Label</span>
              <input value={node.attrs.label ?? ""} maxLength={120} onChange={(e) => updateAttributes({ label: e.target.value })} placeholder="'INSANE':" />
            </label>
            <label className="field">
              <span>Find a story by headline</span>
              <input value={query} onChange={(e) => search(e.target.value)} placeholder="Type two letters or more" />
            </label>
          </div>
          {results.length > 0 && (
            <ul className="picker-results" role="listbox" aria-label="Stories">
              {results.map((result) => (
                <li key={result.id}>
                  <button type="button" role="option" aria-selected={false} onClick={() => choose(result)}>
                    {result.headline}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <NodeActions onRemove={deleteNode} />
        </>
      )}
    </NodeViewWrapper>
  );
}

// The toolbar's "+ Related story": no story yet; the editor searches for one in the block.
export const insertRelatedStory: BlockInsert = () => ({ type: "relatedStory", attrs: { articleId: null, label: "" } });
