// Old addresses of renamed sections, tags and byline profiles answer 308 with the new address
// (the Redirect rows are what renames and merges write; see lib/redirects).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { urlFor } from "./harness";

async function redirectOf(path: string): Promise<{ status: number; location: string | null }> {
  const response = await fetch(urlFor(path), { redirect: "manual" });
  return { status: response.status, location: response.headers.get("location") };
}

describe("moved public addresses", () => {
  const stamp = Date.now();
  const moves = [
    { from: `/old-section-${stamp}`, to: "/olympics" },
    { from: `/tag/old-tag-${stamp}`, to: "/tag/curling" },
    { from: `/author/old-author-${stamp}`, to: "/author/aiko-mori" },
  ];

  it("send readers from an old section, tag or author address to the new one", async () => {
    await db.redirect.createMany({ data: moves.map((move) => ({ fromPath: move.from, toPath: move.to })) });
    for (const move of moves) {
      const { status, location } = await redirectOf(move.from);
      expect([move.from, status]).toEqual([move.from, 308]);
      expect(new URL(location!, urlFor("/")).pathname).toBe(move.to);
    }
  });

  it("still answer 404 for addresses that never existed", async () => {
    expect((await redirectOf(`/never-a-section-${stamp}`)).status).toBe(404);
    expect((await redirectOf(`/tag/never-a-tag-${stamp}`)).status).toBe(404);
  });
});
