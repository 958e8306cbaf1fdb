import { describe, expect, it } from "vitest";
import { shareLinks } from "./share-links";

describe("shareLinks", () => {
  it("encodes the story's address and headline into each network's link", () => {
    const url = "https://sport.example/olympics/a-story?x=1&y=2";
    const links = Object.fromEntries(shareLinks(url, "Q&A: 'Fast' #1 — über").map((link) => [link.network, link.href]));
    expect(links.x).toBe("https://twitter.com/intent/tweet?url=https%3A%2F%2Fsport.example%2Folympics%2Fa-story%3Fx%3D1%26y%3D2&text=Q%26A%3A%20'Fast'%20%231%20%E2%80%94%20%C3%BCber");
    expect(links.facebook).toBe("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fsport.example%2Folympics%2Fa-story%3Fx%3D1%26y%3D2");
    expect(links.whatsapp).toContain("https://wa.me/?text=Q%26A");
    expect(new URL(links.whatsapp).searchParams.get("text")).toBe(`Q&A: 'Fast' #1 — über ${url}`);
    expect(links.email).toMatch(/^mailto:\?subject=Q%26A.*&body=https%3A%2F%2F/);
  });
});
