"use client";
// The editor's photos kept current: saving a photo's details from a panel shows the saved record
// in every panel at once, and the photos the story uses are read again when the window regains
// focus or becomes visible, and every half minute while it is visible, so a credit fixed on the
// media screen in another tab shows here without a reload.
import { useCallback, useEffect, useMemo, useRef, type Dispatch, type SetStateAction } from "react";
import type { PickerMedia } from "@/lib/articles/editor-queries";
import type { CreditOptions } from "@/lib/media/library/library-queries";
import { withFreshMedia, type EditorRecords, type PhotoApi } from "./editor-records";
import type { EditorActions, MediaDetailsChange } from "./types";

const MEDIA_REFRESH_MS = 30_000;

type Actions = Pick<EditorActions, "readMedia" | "updateMediaDetails" | "listCreditOptions">;

export function usePhotos(actions: Actions, canEdit: boolean, records: EditorRecords, setRecords: Dispatch<SetStateAction<EditorRecords>>): PhotoApi {
  const mediaIds = useRef<string[]>([]);
  useEffect(() => {
    mediaIds.current = Object.keys(records.media);
  }, [records.media]);
  const isReading = useRef(false);
  const creditOptions = useRef<Promise<CreditOptions | null> | null>(null);

  const apply = useCallback((fresh: PickerMedia[]) => setRecords((current) => withFreshMedia(current, fresh)), [setRecords]);

  const read = useCallback(
    async (ids: string[]) => {
      if (!ids.length) return [];
      const result = await actions.readMedia(ids);
      return result.ok ? result.data : [];
    },
    [actions],
  );

  const refresh = useCallback(async () => {
    if (isReading.current || document.visibilityState === "hidden") return;
    isReading.current = true;
    try {
      apply(await read(mediaIds.current));
    } finally {
      isReading.current = false;
    }
  }, [apply, read]);

  useEffect(() => {
    const onVisible = () => document.visibilityState === "visible" && void refresh();
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onVisible);
    const timer = setInterval(() => void refresh(), MEDIA_REFRESH_MS);
    return () => {
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onVisible);
      clearInterval(timer);
    };
  }, [refresh]);

  const saveDetails = useCallback(
    async (change: MediaDetailsChange) => {
      const result = await actions.updateMediaDetails(change);
      if (result.ok) apply([result.data]);
      return result;
    },
    [actions, apply],
  );

  const loadCreditOptions = useCallback(() => {
    // A failed read is asked again next time instead of being remembered.
    creditOptions.current ??= actions.listCreditOptions().then((result) => {
      if (!result.ok) creditOptions.current = null;
      return result.ok ? result.data : null;
    });
    return creditOptions.current;
  }, [actions]);

  return useMemo(() => ({ canEdit, read, saveDetails, creditOptions: loadCreditOptions }), [canEdit, read, saveDetails, loadCreditOptions]);
}
