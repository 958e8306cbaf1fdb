"use client";
import { useEffect, useId, useState } from "react";
import type { BlockInsert } from "./block-insert";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { NodeActions } from "./node-actions";

type Choice = { id: string; name: string; isMain: boolean };

// The sign-up block in the editor: which newsletter it offers (none chosen: the main one, whichever
// that is when a reader opens the story).
export function NewsletterView({ node, deleteNode, editor, updateAttributes }: ReactNodeViewProps) {
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const selectId = useId();
  const chosen = typeof node.attrs.newsletterId === "string" ? node.attrs.newsletterId : "";

  useEffect(() => {
    let isCurrent = true;
    fetch("/api/newsroom/newsletters", { headers: { accept: "application/json" } })
      .then(async (response) => {
        const body = (await response.json()) as { newsletters?: Choice[]; error?: string };
        if (!isCurrent) return;
        if (response.ok && body.newsletters) setChoices(body.newsletters);
        else setProblem(body.error ?? "The newsletters could not be loaded.");
      })
      .catch(() => isCurrent && setProblem("The newsletters could not be loaded."));
    return () => {
      isCurrent = false;
    };
  }, []);

  const main = choices?.find((choice) => choice.isMain);
  const isChosenGone = chosen !== "" && choices !== null && !choices.some((choice) => choice.id === chosen);
  return (
    <NodeViewWrapper className="node-card node-newsletter" data-node="newsletterSignup" contentEditable={false}>
      <div className="node-card-label">Newsletter sign-up</div>
      {problem ? (
        <p role="alert">{problem}</p>
      ) : (
        <p>
          <label htmlFor={selectId}>Newsletter offered </label>
          <select id={selectId} value={chosen} disabled={!editor.isEditable || choices === null} onChange={(event) => updateAttributes({ newsletterId: event.target.value || null })}>
            <option value="">{main ? `The main newsletter (${main.name})` : "The main newsletter"}</option>
            {isChosenGone && <option value={chosen}>A newsletter no longer offered: choose another</option>}
            {choices?.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </p>
      )}
      {choices !== null && choices.length === 0 && <p>No newsletter is on offer yet: readers see nothing here until an admin creates one.</p>}
      {editor.isEditable && <NodeActions onRemove={deleteNode} />}
    </NodeViewWrapper>
  );
}

export const insertNewsletter: BlockInsert = () => ({ type: "newsletterSignup" });
