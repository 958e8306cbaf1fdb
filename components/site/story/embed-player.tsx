"use client";
import { useState } from "react";
import { isWebUrl } from "@/lib/embeds/providers";

// The provider's player, loaded only when the reader asks: until the click the page makes no
// request to the provider. The frame is sandboxed: no top navigation, no access to this page.
export function EmbedPlayer({ provider, playerUrl, title }: { provider: string; playerUrl: string; title: string }) {
  const [isLoaded, setLoaded] = useState(false);
  if (!isWebUrl(playerUrl)) return null;
  if (!isLoaded) {
    return (
      <button type="button" className="story-embed-load" onClick={() => setLoaded(true)}>
        Load content from {provider}
      </button>
    );
  }
  return (
    <iframe
      className="story-embed-frame"
      src={playerUrl}
      title={title || `Content from ${provider}`}
      sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"
      allow="encrypted-media; picture-in-picture; fullscreen"
      referrerPolicy="strict-origin-when-cross-origin"
    />
  );
}
