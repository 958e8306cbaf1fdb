// @vitest-environment happy-dom
// The provider's player is loaded only when the reader asks: before the click there is no frame
// (no request to the provider); after it, one sandboxed frame at the snapshot's player address.
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { EmbedPlayer } from "./embed-player";

let root: Root | null = null;

async function render(playerUrl: string) {
  root = createRoot(document.body.appendChild(document.createElement("div")));
  await act(async () => root!.render(<EmbedPlayer provider="YouTube" playerUrl={playerUrl} title="Goal of the month" />));
}

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

describe("the embed player", () => {
  it("is a button until clicked, then the provider's sandboxed frame", async () => {
    await render("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    expect(document.querySelector("iframe")).toBeNull();
    const button = document.querySelector("button")!;
    expect(button.textContent).toBe("Load content from YouTube");
    await act(async () => button.click());
    const frame = document.querySelector("iframe")!;
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    expect(frame.getAttribute("sandbox")).toBe("allow-scripts allow-same-origin allow-popups allow-presentation");
    expect(frame.getAttribute("title")).toBe("Goal of the month");
  });

  it("offers nothing for a player address that is not a web address", async () => {
    await render("javascript:alert(1)");
    expect(document.body.querySelector("button, iframe")).toBeNull();
  });
});
