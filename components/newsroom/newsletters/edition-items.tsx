"use client";
// The edition's stories in order, each with Move up, Move down and Remove buttons (plain buttons:
// usable by keyboard and screen reader, no dragging). Each change names the edition's version the
// screen last saw; the answer's new version is kept here, so quick changes in a row do not refuse
// each other while the page refreshes.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";

export type ItemRow = { articleId: string; heading: string; headline: string; kicker: string; isPublic: boolean; path: string | null };
type Change = { editionId: string; version: number; articleId: string; direction?: "up" | "down" };
type ItemAction = (input: Change) => Promise<ActionResult<{ version: number }>>;

type Props = { editionId: string; version: number; items: ItemRow[]; isEditable: boolean; move: ItemAction; remove: ItemAction };

export function EditionItems({ editionId, version, items, isEditable, move, remove }: Props) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [seen, setSeen] = useState(version);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  // A refresh brings a newer version than the one kept here when someone else saved meanwhile.
  const current = Math.max(seen, version);

  function run(action: ItemAction, articleId: string, done: string, direction?: "up" | "down") {
    startTransition(async () => {
      const result = await action({ editionId, version: current, articleId, ...(direction ? { direction } : {}) });
      if (result.ok) {
        setSeen(result.data.version);
        setMessage({ text: done, isError: false });
        router.refresh();
      } else setMessage({ text: result.message, isError: true });
    });
  }

  if (items.length === 0) return <p className="muted">No stories yet: add published stories below.</p>;
  return (
    <>
      <ol className="plain-list" aria-label="Stories in this edition, in order">
        {items.map((item, index) => (
          <li key={item.articleId} style={{ borderBottom: "1px solid #e3e6e8", padding: "0.5rem 0" }}>
            <div>
              <span className="muted">{item.heading || "No heading"}</span>
              {item.kicker && <> · {item.kicker}</>}
            </div>
            <strong>{item.path ? <a href={item.path}>{item.headline}</a> : item.headline}</strong>
            {!item.isPublic && (
              <>
                {" "}
                <span className="badge badge--warning">not public: left out of the email</span>
              </>
            )}
            {isEditable && (
              <div className="form-actions" style={{ marginTop: "0.35rem" }}>
                <button type="button" disabled={isPending || index === 0} onClick={() => run(move, item.articleId, `Moved “${item.headline}” up.`, "up")} aria-label={`Move “${item.headline}” up`}>
                  Move up
                </button>
                <button
                  type="button"
                  disabled={isPending || index === items.length - 1}
                  onClick={() => run(move, item.articleId, `Moved “${item.headline}” down.`, "down")}
                  aria-label={`Move “${item.headline}” down`}
                >
                  Move down
                </button>
                <button
                  type="button"
                  className="button-danger"
                  disabled={isPending}
                  onClick={() => run(remove, item.articleId, `Removed “${item.headline}”.`)}
                  aria-label={`Remove “${item.headline}” from this edition`}
                >
                  Remove
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <p role={message?.isError ? "alert" : "status"} className={message?.isError ? "form-error" : "form-status"}>
        {message?.text}
      </p>
    </>
  );
}
