import type { ArticlePage } from "@/lib/articles/page/article-page";
import { formatDateTime } from "@/lib/format-date";

// Corrections and updates, oldest first, each with when it was made.
export function ArticleNotes({ notes }: { notes: ArticlePage["notes"] }) {
  if (notes.length === 0) return null;
  return (
    <section className="article-notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="article-notes-title">
        Corrections and updates
      </h2>
      {notes.map((note) => (
        <p key={note.id} className={`article-note article-note--${note.kind.toLowerCase()}`}>
          <strong>{note.kind === "CORRECTION" ? "Correction" : "Update"}</strong> (<time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>): {note.text}
        </p>
      ))}
    </section>
  );
}
