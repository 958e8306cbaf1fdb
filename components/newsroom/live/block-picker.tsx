"use client";
// The composer's story blocks that live entries take (lib/live/entry-body.ts): a photo from the
// media library (shown with its own caption and credit) and a related story. Search, then pick;
// the block goes at the end of the entry.
import { useState, type FormEvent } from "react";
import type { Editor } from "@tiptap/react";
import type { ActionResult } from "@/lib/action-result";

export type BlockSearch = {
  photos: (query: string) => Promise<ActionResult<{ id: string; src: string; altText: string; originalName: string }[]>>;
  stories: (query: string, excludeId: string) => Promise<ActionResult<{ id: string; headline: string }[]>>;
};

type Kind = "photo" | "story";
type Found = { id: string; label: string; src?: string };

export function BlockPicker({ articleId, editor, search }: { articleId: string; editor: Editor | null; search: BlockSearch }) {
  const [kind, setKind] = useState<Kind | null>(null);
  const [found, setFound] = useState<Found[]>([]);
  const [error, setError] = useState<string | null>(null);
  const find = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget).get("query") ?? "");
    const result = kind === "photo" ? await search.photos(query) : await search.stories(query, articleId);
    if (!result.ok) return setError(result.message);
    setError(null);
    setFound(result.data.map((item) => ("headline" in item ? { id: item.id, label: item.headline } : { id: item.id, label: item.altText || item.originalName, src: item.src })));
  };
  const pick = (item: Found) => {
    const node = kind === "photo" ? { type: "figure", attrs: { mediaId: item.id, captionId: null } } : { type: "relatedStory", attrs: { articleId: item.id, label: "" } };
    editor
      ?.chain()
      .focus("end")
      .insertContent([node, { type: "paragraph" }])
      .run();
    setKind(null);
    setFound([]);
    // Back to the composer once the search form (which had the focus) is gone: Ctrl+Enter posts.
    window.setTimeout(() => editor?.commands.focus("end"), 0);
  };
  const open = (next: Kind) => {
    setKind(kind === next ? null : next);
    setFound([]);
    setError(null);
  };
  return (
    <div className="live-block-picker">
      <button type="button" aria-expanded={kind === "photo"} onClick={() => open("photo")}>
        Photo…
      </button>
      <button type="button" aria-expanded={kind === "story"} onClick={() => open("story")}>
        Related story…
      </button>
      {kind && (
        <form onSubmit={find} className="live-block-search">
          <label>
            {kind === "photo" ? "Search photos" : "Search published stories"} <input name="query" type="search" autoFocus />
          </label>
          <button type="submit">Search</button>
          <ul>
            {found.map((item) => (
              <li key={item.id}>
                <button type="button" onClick={() => pick(item)}>
                  {item.src && <img src={item.src} alt="" width={64} />} {item.label}
                </button>
              </li>
            ))}
          </ul>
        </form>
      )}
      {error && (
        <p role="alert" className="live-error">
          {error}
        </p>
      )}
    </div>
  );
}

// What an entry holds besides its text, for the desk's list (which shows entries as text).
export function blocksOf(body: { content?: { type: string }[] }): string[] {
  const names: Record<string, string> = { figure: "photo", relatedStory: "related story" };
  return (body.content ?? []).flatMap((node) => (names[node.type] ? [names[node.type]] : []));
}
