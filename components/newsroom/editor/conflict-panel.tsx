"use client";
// Shown when someone else saved first and some of their changes clash with this editor's (both
// changed the same thing): everything else is merged already; each clash shows both versions side
// by side and asks which to keep. Nothing is saved until every clash has an answer.
import { useState } from "react";
import type { Choices, Clash, Side } from "@/lib/articles/merge/merge";

type Props = {
  savedBy: string;
  clashes: Clash[];
  theirChanges: string[];
  onSave: (choices: Choices) => void;
  onTakeTheirs: () => void;
};

function ClashChoice({ clash, savedBy, choice, onChoose }: { clash: Clash; savedBy: string; choice: Side | undefined; onChoose: (side: Side) => void }) {
  const sides = [
    { side: "theirs", title: `${savedBy}'s version`, text: clash.theirs },
    { side: "mine", title: "Your version", text: clash.mine },
  ] as const;
  return (
    <fieldset className="clash">
      <legend>{clash.label}</legend>
      <table className="diff-fields">
        <thead>
          <tr>
            {sides.map(({ side, title }) => (
              <th key={side} scope="col">
                <label>
                  <input type="radio" name={`clash-${clash.id}`} checked={choice === side} onChange={() => onChoose(side)} />
                  {title}
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {sides.map(({ side, text }) => (
              <td key={side} className="clash-text">
                {text}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </fieldset>
  );
}

export function ConflictPanel({ savedBy, clashes, theirChanges, onSave, onTakeTheirs }: Props) {
  const [choices, setChoices] = useState<Choices>({});
  const isAnswered = clashes.every((clash) => choices[clash.id]);
  return (
    <section className="conflict-panel" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-help">
      <h2 id="conflict-title">{savedBy} saved this story while you were editing</h2>
      <p id="conflict-help">
        You both changed {clashes.length === 1 ? "the same thing" : `the same ${clashes.length} things`}: choose which version to keep for each. Your latest changes are still here, unsaved; nothing is saved
        until you choose.
      </p>
      {theirChanges.length > 0 && <p>Their other changes are merged in when you save: {theirChanges.join(", ")}.</p>}
      {clashes.map((clash) => (
        <ClashChoice key={clash.id} clash={clash} savedBy={savedBy} choice={choices[clash.id]} onChoose={(side) => setChoices((current) => ({ ...current, [clash.id]: side }))} />
      ))}
      <div className="dialog-actions">
        <button type="button" disabled={!isAnswered} onClick={() => onSave(choices)}>
          Save with these choices
        </button>
        <button type="button" onClick={onTakeTheirs}>
          Load their version (drop mine)
        </button>
      </div>
    </section>
  );
}
