"use client";
// Saving from the editor: autosave a few seconds after typing stops, one save at a time, a
// visible state (saved / saving / unsaved / conflict / error), and a warning before leaving with
// unsaved changes. A 409 merges: the story as saved now is fetched and merged with this editor's
// against the version both started from (lib/articles/merge/merge.ts). A clean merge is shown in the
// editor and saved at once, with a note naming whose changes came in; real clashes stop autosaving
// until the person has chosen a side for each.
import { useCallback, useEffect, useRef, useState } from "react";
import type { EditorStory } from "@/lib/articles/editor-queries";
import type { ArticleInput } from "@/lib/articles/schema";
import { mergeStories, type Choices, type Clash, type MergeNames } from "@/lib/articles/merge/merge";
import type { EditorActions, SaveState } from "./types";

const AUTOSAVE_DELAY_MS = 3000;
// Merging again after each refusal could chase a story others keep saving; stop and say so.
const MAX_MERGE_ROUNDS = 3;

type Conflict = { savedBy: string; clashes: Clash[]; theirChanges: string[]; theirs: EditorStory };

type Options = {
  story: EditorStory;
  actions: Pick<EditorActions, "save" | "reload">;
  buildPayload: () => ArticleInput;
  // Puts the merged story into the editor (fields, records, body).
  applyMerged: (merged: ArticleInput, theirs: EditorStory) => void;
  names: MergeNames;
};

const inWords = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? ""));

function mergedNote(savedBy: string, theirChanges: string[]): string {
  return theirChanges.length ? `Merged with ${savedBy}'s changes: ${inWords(theirChanges)}.` : `Merged with ${savedBy}'s save, which changed nothing you had not.`;
}

export function useStorySave({ story, actions, buildPayload, applyMerged, names }: Options) {
  const [state, setState] = useState<SaveState>("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const version = useRef(story.version);
  // The story as this editor last loaded or saved it: the base of any merge.
  const base = useRef<ArticleInput>(story.article);
  const isSaving = useRef(false);
  const isDirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const autosave = useRef(() => {});

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => autosave.current(), AUTOSAVE_DELAY_MS);
  }, []);

  async function send(article: ArticleInput, expectedVersion: number, isAutosave: boolean, round: number): Promise<boolean> {
    setState("saving");
    const result = await actions.save({ articleId: story.id, expectedVersion, isAutosave, article });
    if (result.ok) {
      version.current = result.data.version;
      base.current = article;
      setConflict(null);
      setMessage(null);
      setState(isDirty.current ? "unsaved" : "saved");
      // Typing during the save: save again once things are quiet.
      if (isDirty.current) schedule();
      return true;
    }
    isDirty.current = true;
    const savedBy = (result.details as { savedBy?: string } | undefined)?.savedBy;
    if (result.status === 409 && savedBy && round < MAX_MERGE_ROUNDS) return mergeWithCurrent(savedBy, isAutosave, round);
    setState("error");
    setMessage(result.message);
    return false;
  }

  async function mergeWithCurrent(savedBy: string, isAutosave: boolean, round: number): Promise<boolean> {
    const current = await actions.reload(story.id);
    if (!current.ok) {
      setState("error");
      setMessage(current.message);
      return false;
    }
    const theirs = current.data;
    const who = theirs.lastEditedBy ?? savedBy;
    const merge = mergeStories(base.current, buildPayload(), theirs.article, names);
    if (merge.clashes.length === 0) return applyAndSend(merge.resolve(), theirs, who, merge.theirChanges, isAutosave, round);
    setConflict({ savedBy: who, clashes: merge.clashes, theirChanges: merge.theirChanges, theirs });
    setState("conflict");
    return false;
  }

  function applyAndSend(merged: ArticleInput, theirs: EditorStory, savedBy: string, theirChanges: string[], isAutosave: boolean, round: number): Promise<boolean> {
    applyMerged(merged, theirs);
    base.current = theirs.article;
    version.current = theirs.version;
    isDirty.current = false;
    setConflict(null);
    setNote(mergedNote(savedBy, theirChanges));
    return send(merged, theirs.version, isAutosave, round + 1);
  }

  async function exclusively(work: () => Promise<boolean>): Promise<boolean> {
    isSaving.current = true;
    if (timer.current) clearTimeout(timer.current);
    try {
      return await work();
    } finally {
      isSaving.current = false;
    }
  }

  const saveNow = (isAutosave: boolean): Promise<boolean> => {
    if (isSaving.current || conflict) return Promise.resolve(false);
    isDirty.current = false;
    return exclusively(() => send(buildPayload(), version.current, isAutosave, 0));
  };
  autosave.current = () => void saveNow(true);

  // The person's answers to the clashes. Merged again with the editor as it is now (they may have
  // typed meanwhile); a clash that appeared since is shown for an answer before anything is saved.
  const resolveConflict = (choices: Choices): Promise<boolean> => {
    if (!conflict || isSaving.current) return Promise.resolve(false);
    const merge = mergeStories(base.current, buildPayload(), conflict.theirs.article, names);
    if (merge.clashes.some((clash) => !choices[clash.id])) {
      setConflict({ ...conflict, clashes: merge.clashes, theirChanges: merge.theirChanges });
      return Promise.resolve(false);
    }
    return exclusively(() => applyAndSend(merge.resolve(choices), conflict.theirs, conflict.savedBy, merge.theirChanges, false, 0));
  };

  const markChanged = useCallback(() => {
    isDirty.current = true;
    setState((current) => (current === "conflict" ? current : "unsaved"));
    schedule();
  }, [schedule]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!isDirty.current && !isSaving.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const setVersion = (next: number) => {
    version.current = next;
  };

  return { state, message, note, conflict, version, saveNow, markChanged, setVersion, resolveConflict };
}
