"use client";
// "Suggested related stories": published stories sharing the story's events, athletes, teams and
// tags as the editor has them now (lib/articles/related-suggestions.ts ranks them), each with why
// and an "Insert teaser" button that puts a related-story block at the body's cursor in one click.
import { useEffect, useState } from "react";
import type { RelatedSuggestion } from "@/lib/articles/related-suggestions";
import "./sports-links.css";

export type SuggestionLinks = { tagNames: string[]; teamIds: string[]; athleteIds: string[]; eventIds: string[] };

type Props = {
  articleId: string;
  links: SuggestionLinks;
  isReadOnly: boolean;
  // Whether the body already links to a story (its teaser is then not offered again).
  isInBody: (articleId: string) => boolean;
  onInsert: (suggestion: RelatedSuggestion) => boolean;
};

const REFRESH_DELAY_MS = 400;

function suggestionsUrl(articleId: string, links: SuggestionLinks): string {
  const query = new URLSearchParams();
  for (const id of links.eventIds) query.append("event", id);
  for (const id of links.athleteIds) query.append("athlete", id);
  for (const id of links.teamIds) query.append("team", id);
  for (const name of links.tagNames.map((t) => t.trim()).filter(Boolean)) query.append("tag", name);
  return `/api/newsroom/stories/${encodeURIComponent(articleId)}/related-suggestions?${query}`;
}

type Loaded = { url: string; suggestions: RelatedSuggestion[]; error: string | null };

// Asked again a moment after the links stop changing.
function useSuggestions(url: string): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url, { signal: controller.signal });
        const body = (await response.json()) as { suggestions?: RelatedSuggestion[]; error?: string };
        setLoaded({ url, suggestions: body.suggestions ?? [], error: response.ok ? null : (body.error ?? "Suggestions could not be loaded.") });
      } catch {
        if (!controller.signal.aborted) setLoaded({ url, suggestions: [], error: "Suggestions could not be loaded." });
      }
    }, REFRESH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url]);
  return loaded;
}

export function RelatedSuggestions({ articleId, links, isReadOnly, isInBody, onInsert }: Props) {
  const url = suggestionsUrl(articleId, links);
  const loaded = useSuggestions(url);
  const [inserted, setInserted] = useState<string[]>([]);
  const hasLinks = links.eventIds.length + links.athleteIds.length + links.teamIds.length + links.tagNames.length > 0;
  const isLoading = hasLinks && loaded?.url !== url;

  return (
    <section className="related-suggestions" aria-labelledby="related-suggestions-heading" aria-busy={isLoading}>
      <h2 id="related-suggestions-heading">Suggested related stories</h2>
      {!hasLinks ? (
        <p className="field-hint">Add teams, athletes, events or tags to see published stories about the same things.</p>
      ) : loaded?.error ? (
        <p role="alert">{loaded.error}</p>
      ) : loaded && loaded.suggestions.length === 0 && !isLoading ? (
        <p className="field-hint">No published story shares these yet.</p>
      ) : (
        <ol className="related-suggestion-list">
          {(loaded?.suggestions ?? []).map((suggestion) => {
            const isLinked = inserted.includes(suggestion.id) || isInBody(suggestion.id);
            return (
              <li key={suggestion.id} data-suggestion={suggestion.id}>
                <span className="related-suggestion-headline">{suggestion.headline || "(no headline)"}</span>{" "}
                <span className="related-suggestion-why">
                  {suggestion.reasons} · {new Date(suggestion.publishedAt).toLocaleDateString("en-GB")}
                </span>{" "}
                {!isReadOnly && (
                  <button
                    type="button"
                    aria-label={`Insert teaser for “${suggestion.headline}”`}
                    disabled={isLinked}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => {
                      if (onInsert(suggestion)) setInserted((ids) => [...ids, suggestion.id]);
                    }}
                  >
                    {isLinked ? "In the story" : "Insert teaser"}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
