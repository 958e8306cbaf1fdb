"use client";
// Saving from the editor: autosave a few seconds after typing stops, one save at a time, a
// visible state (saved / saving / unsaved / conflict / error), and a warning before leaving with
// unsaved changes. A 409 stops autosaving until the person has compared and chosen.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ArticleInput } from "@/lib/articles/schema";
import type { EditorActions, SaveState } from "./types";

const AUTOSAVE_DELAY_MS = 3000;

export type Conflict = { savedBy: string; currentVersion: number };

export function useStorySave(articleId: string, initialVersion: number, save: EditorActions["save"], buildPayload: () => ArticleInput) {
  const [state, setState] = useState<SaveState>("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const version = useRef(initialVersion);
  const isSaving = useRef(false);
  const isDirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const saveNow = useCallback(async (isAutosave: boolean, overrideVersion?: number): Promise<boolean> => {
    if (isSaving.current || (conflict && overrideVersion === undefined)) return false;
    isSaving.current = true;
    isDirty.current = false;
    if (timer.current) clearTimeout(timer.current);
    setState("saving");
    const result = await save({ articleId, expectedVersion: overrideVersion ?? version.current, isAutosave, article: buildPayload() });
    isSaving.current = false;
    if (result.ok) {
      version.current = result.data.version;
      setConflict(null);
      setMessage(null);
      setState(isDirty.current ? "unsaved" : "saved");
      // Typing during the save: save again once things are quiet.
      if (isDirty.current) timer.current = setTimeout(() => void latest.current(true), AUTOSAVE_DELAY_MS);
      return true;
    }
    isDirty.current = true;
    if (result.status === 409 && (result.details as { savedBy?: string } | undefined)?.savedBy) {
      const details = result.details as { savedBy: string; currentVersion: number };
      setConflict({ savedBy: details.savedBy, currentVersion: details.currentVersion });
      setState("conflict");
    } else setState("error");
    setMessage(result.message);
    return false;
  }, [articleId, buildPayload, conflict, save]);

  const latest = useRef(saveNow);
  latest.current = saveNow;

  const markChanged = useCallback(() => {
    isDirty.current = true;
    setState((current) => (current === "conflict" ? current : "unsaved"));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void latest.current(true), AUTOSAVE_DELAY_MS);
  }, []);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!isDirty.current && !isSaving.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const setVersion = (next: number) => {
    version.current = next;
  };

  return { state, message, conflict, version, saveNow, markChanged, setVersion, clearConflict: () => setConflict(null) };
}
