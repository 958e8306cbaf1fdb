"use client";
// "Make live coverage": turns the story into live coverage (lib/live makeLiveCoverage) and opens
// its desk. A refusal (403 for a contributor, 409 if someone did it meanwhile) is shown.
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { LiveDeskActions } from "./types";

export function MakeLiveButton({ articleId, makeLive }: { articleId: string; makeLive: LiveDeskActions["makeLive"] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isWorking, setIsWorking] = useState(false);
  const run = async () => {
    setIsWorking(true);
    const result = await makeLive({ articleId });
    setIsWorking(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  };
  return (
    <div className="live-make">
      <button type="button" className="primary" onClick={run} disabled={isWorking}>
        {isWorking ? "Making it live coverage…" : "Make live coverage"}
      </button>
      {error && (
        <p role="alert" className="live-error">
          {error}
        </p>
      )}
    </div>
  );
}
