"use client";
// Checks in while the story is open and returns who else has it open.
import { useEffect, useState } from "react";
import type { EditorActions } from "./types";

const CHECK_IN_EVERY_MS = 15_000;

export function usePresence(articleId: string, checkIn: EditorActions["checkIn"]): string[] {
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    let isActive = true;
    const tick = async () => {
      const result = await checkIn(articleId);
      if (isActive && result.ok) setOthers(result.data.others);
    };
    void tick();
    const timer = setInterval(tick, CHECK_IN_EVERY_MS);
    return () => {
      isActive = false;
      clearInterval(timer);
    };
  }, [articleId, checkIn]);
  return others;
}
