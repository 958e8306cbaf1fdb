"use client";
// The story's preview links that still work, who made each, and a way to revoke one (a link sent
// to the wrong person, or a draft that changed its mind). Unpublishing revokes them all.
import { useEffect, useState } from "react";
import type { PreviewLinkSummary } from "@/lib/articles/preview";
import type { EditorActions } from "./types";

type Props = { articleId: string; actions: EditorActions; refreshKey: number };

const when = (iso: string) => new Date(iso).toLocaleString("en-GB");

export function PreviewLinksPanel({ articleId, actions, refreshKey }: Props) {
  const [links, setLinks] = useState<PreviewLinkSummary[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void actions.listPreviewLinks(articleId).then((result) => {
      if (isCurrent && result.ok) setLinks(result.data);
    });
    return () => {
      isCurrent = false;
    };
  }, [articleId, actions, refreshKey]);

  const revoke = async (linkId: string) => {
    const result = await actions.revokePreviewLink({ articleId, linkId });
    if (!result.ok) return setMessage(result.message);
    setLinks((current) => (current ?? []).filter((link) => link.id !== linkId));
    setMessage("The preview link no longer works.");
  };

  if (!links || links.length === 0) return null;
  return (
    <details className="preview-links">
      <summary>Preview links that work ({links.length})</summary>
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            Made by {link.createdBy ?? "a former colleague"} on {when(link.createdAt)}, works until {when(link.expiresAt)}{" "}
            <button type="button" onClick={() => void revoke(link.id)}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
      {message && <p role="status">{message}</p>}
    </details>
  );
}
