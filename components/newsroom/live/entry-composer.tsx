"use client";
// The composer at the top of the live desk: it keeps the focus, Ctrl+Enter posts, and the entry
// being written is kept in this browser (localStorage) until it is posted, so a reload or a crash
// loses nothing. The score fields start from the current score.
import { useCallback, useRef, useState } from "react";
import type { Editor } from "@tiptap/react";
import type { JSONContent } from "@tiptap/core";
import { EntryBodyEditor } from "./entry-body-editor";
import { BlockPicker } from "./block-picker";
import { ScoreFields, scoreInput, type ScoreDraft } from "./score-fields";
import { EntryTypeSelect } from "./entry-type-select";
import type { LiveDeskActions } from "./types";

type Draft = { body: JSONContent | null; type: string; keyEvent: boolean; score: ScoreDraft };

const draftKey = (articleId: string) => `pressbox:live-draft:${articleId}`;

function readDraft(articleId: string): Draft | null {
  try {
    const saved = window.localStorage.getItem(draftKey(articleId));
    return saved ? (JSON.parse(saved) as Draft) : null;
  } catch {
    return null;
  }
}

function hasText(body: JSONContent | null): boolean {
  const json = JSON.stringify(body?.content ?? []);
  return ['"text"', '"figure"', '"relatedStory"'].some((part) => json.includes(part));
}

type Props = { articleId: string; currentScore: ScoreDraft; post: LiveDeskActions["post"]; search: LiveDeskActions["search"]; onPosted: () => void };

export function EntryComposer({ articleId, currentScore, post, search, onPosted }: Props) {
  const [readyEditor, setReadyEditor] = useState<Editor | null>(null);
  const [type, setType] = useState("UPDATE");
  const [keyEvent, setKeyEvent] = useState(false);
  // The score fields follow the current score until the reporter changes them.
  const [ownScore, setOwnScore] = useState<ScoreDraft | null>(null);
  const score = ownScore ?? currentScore;
  const [error, setError] = useState<string | null>(null);
  const [isPosting, setIsPosting] = useState(false);
  const body = useRef<JSONContent | null>(null);
  const editor = useRef<Editor | null>(null);
  const restored = useRef(false);

  const save = useCallback(
    (next: Partial<Draft>) => {
      const draft: Draft = { body: body.current, type, keyEvent, score, ...next };
      // Nothing written is nothing to keep (clearing the composer after a post lands here too).
      if (!hasText(draft.body)) window.localStorage.removeItem(draftKey(articleId));
      else window.localStorage.setItem(draftKey(articleId), JSON.stringify(draft));
    },
    [articleId, type, keyEvent, score],
  );

  const onReady = useCallback(
    (ready: Editor) => {
      editor.current = ready;
      setReadyEditor(ready);
      if (restored.current) return;
      restored.current = true;
      const draft = readDraft(articleId);
      if (draft) {
        body.current = draft.body;
        if (draft.body) ready.commands.setContent(draft.body);
        setType(draft.type);
        setKeyEvent(draft.keyEvent);
        setOwnScore(draft.score);
      }
      ready.commands.focus("end");
    },
    [articleId],
  );

  const submit = useCallback(async () => {
    if (isPosting) return;
    if (!hasText(body.current)) return setError("The entry is empty: write something before posting it.");
    setIsPosting(true);
    setError(null);
    const result = await post({ articleId, body: body.current, type, keyEvent, ...scoreInput(score) });
    setIsPosting(false);
    if (!result.ok) return setError(result.message);
    window.localStorage.removeItem(draftKey(articleId));
    body.current = null;
    editor.current?.commands.clearContent();
    editor.current?.commands.focus();
    setType("UPDATE");
    setKeyEvent(false);
    setOwnScore(null);
    onPosted();
  }, [articleId, isPosting, keyEvent, onPosted, post, score, type]);

  return (
    <section className="live-composer" aria-label="New entry">
      <EntryBodyEditor
        label="New entry"
        initialContent={null}
        onReady={onReady}
        onSubmit={submit}
        onChange={(doc) => {
          body.current = doc;
          save({ body: doc });
        }}
      />
      <BlockPicker articleId={articleId} editor={readyEditor} search={search} />
      <div className="live-composer-fields">
        <EntryTypeSelect value={type} onChange={(next) => (setType(next), save({ type: next }))} />
        <label>
          <input type="checkbox" checked={keyEvent} onChange={(e) => (setKeyEvent(e.target.checked), save({ keyEvent: e.target.checked }))} /> Key event
        </label>
        <ScoreFields score={score} onChange={(next) => (setOwnScore(next), save({ score: next }))} />
        <button type="button" className="primary" onClick={submit} disabled={isPosting} title="Post (Ctrl+Enter)">
          {isPosting ? "Posting…" : "Post entry"}
        </button>
      </div>
      {error && (
        <p role="alert" className="live-error">
          {error}
        </p>
      )}
    </section>
  );
}
