"use client";
// The editor's notice line: a success, or a refusal shown as an error. A publish-gate refusal
// lists each problem once, as a button that takes the person to where it is fixed: the field is
// focused, or the body block is scrolled to and selected (a photo's alt text or credit field in
// its panel is focused too). A photo problem fixed meanwhile (here or on another screen) is marked.
import type { Editor } from "@tiptap/core";
import { useId } from "react";
import { fieldErrorsOf } from "@/lib/field-errors";
import { useFieldErrorLinks } from "../use-field-error-links";
import type { PickerMedia } from "@/lib/articles/editor-queries";
import { PUBLISH_REFUSAL, type ProblemTarget, type PublishProblem } from "@/lib/articles/publish/publish-problems";
import "./photos.css";

// field: the story field a refusal that is not the gate's names (a slug in use), if any.
export type Notice = { text: string; link?: string; isError?: boolean; problems?: PublishProblem[]; field?: string };

type Failure = { message: string; details?: unknown };

// A refused step or request as a notice: the gate's problems with their places (its message
// repeats them all in one line, so it is not shown too), or any other refusal's own message.
export function failureNotice(failure: Failure): Notice {
  const publishProblems = (failure.details as { publishProblems?: PublishProblem[] } | undefined)?.publishProblems;
  if (Array.isArray(publishProblems)) return { isError: true, text: `${PUBLISH_REFUSAL}. Fix these, then try again:`, problems: publishProblems };
  const [field] = Object.keys(fieldErrorsOf(failure));
  return { isError: true, text: failure.message, ...(field ? { field } : {}) };
}

type EditorElement = HTMLElement & { editor?: Editor };

// Selects the first body block of `type` whose `attr` is `value`, scrolls to it, and returns its DOM.
// The editor takes focus only when nothing inside the block is to be focused instead (its focus
// command runs a frame later and would take focus back).
function selectBlock(type: string, attr: string, value: string | null, isFocusingEditor: boolean): HTMLElement | null {
  const editor = document.querySelector<EditorElement>(".body-editor-content")?.editor;
  if (!editor) return null;
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found === null && node.type.name === type && (node.attrs[attr] ?? null) === value) found = pos;
    return found === null;
  });
  if (found === null) return null;
  if (isFocusingEditor) editor.chain().setNodeSelection(found).focus().run();
  else editor.commands.setNodeSelection(found);
  const dom = editor.view.nodeDOM(found);
  if (!(dom instanceof HTMLElement)) return null;
  dom.scrollIntoView({ block: "center" });
  return dom;
}

function focusWithin(place: ParentNode | null | undefined, selector: string): void {
  const target = place?.querySelector<HTMLElement>(selector);
  const focusable = target?.matches("input, select, textarea, button") ? target : target?.querySelector<HTMLElement>("input, select, textarea, button");
  if (!focusable) return;
  focusable.scrollIntoView({ block: "center" });
  focusable.focus({ preventScroll: true });
}

// A photo is fixed in its panel: the hero's if it is the hero, else the first figure showing it.
function goToPhoto(mediaId: string, detail: "altText" | "credit" | "rights"): void {
  const place = document.querySelector(`[data-hero-media="${CSS.escape(mediaId)}"]`) ?? selectBlock("figure", "mediaId", mediaId, false);
  const details = place?.querySelector("details.photo-details");
  if (details instanceof HTMLDetailsElement) details.open = true;
  focusWithin(place, `[data-photo-field="${detail}"]`);
}

function goToProblem(target: ProblemTarget): void {
  if (target.kind === "field") return focusWithin(document, `[data-problem-target="${target.field}"]`);
  if (target.kind === "photo") return goToPhoto(target.mediaId, target.detail);
  selectBlock(target.type, target.attr, target.value, true);
}

function isFixed(target: ProblemTarget, media: Record<string, PickerMedia>): boolean {
  if (target.kind !== "photo" || !media[target.mediaId]) return false;
  const photo = media[target.mediaId];
  if (target.detail === "altText") return photo.altText.trim() !== "";
  if (target.detail === "credit") return photo.credit !== null;
  return !photo.problems.includes("Rights expired");
}

// A story field the notice is about: the control carrying data-problem-target="<field>".
const findField = (field: string) => document.querySelector<HTMLElement>(`[data-problem-target="${CSS.escape(field)}"]`);

// Each story field a refusal names is marked invalid and described by its line of the notice.
function useMarkedFields(notice: Notice, idPrefix: string): Record<string, string> {
  const ids: Record<string, string> = {};
  if (notice.isError && notice.field) ids[notice.field] = `${idPrefix}-text`;
  notice.problems?.forEach(({ target }, index) => {
    if (target.kind === "field") ids[target.field] ??= `${idPrefix}-${index}`;
  });
  useFieldErrorLinks(ids, findField);
  return ids;
}

export function EditorNotice({ notice, media }: { notice: Notice; media: Record<string, PickerMedia> }) {
  const idPrefix = useId();
  useMarkedFields(notice, idPrefix);
  const link = notice.link && (
    <a href={notice.link} target="_blank" rel="noreferrer">
      {notice.link}
    </a>
  );
  if (!notice.isError)
    return (
      <div role="status" className="notice">
        <p>
          {notice.text} {link}
        </p>
      </div>
    );
  return (
    <div role="alert" className="notice notice--error">
      <p id={`${idPrefix}-text`}>
        {notice.text} {link}
      </p>
      {notice.problems && notice.problems.length > 0 && (
        <ul className="problem-list">
          {notice.problems.map(({ message, target }, index) => (
            <li key={message} id={`${idPrefix}-${index}`}>
              <button type="button" className="problem-link" onClick={() => goToProblem(target)}>
                {message}
              </button>
              {isFixed(target, media) && (
                <>
                  {" "}
                  <span className="problem-fixed">fixed</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
