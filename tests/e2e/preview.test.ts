// Preview links: a signed, expiring address shows a draft exactly as it will look, to someone
// without an account; a forged or expired one shows nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makePreviewToken } from "@/lib/articles/preview";
import { urlFor } from "./harness";

let draft: { id: string; headline: string; standfirst: string };

beforeAll(async () => {
  // The secret the e2e server was started with (tests/setup/next-server.ts).
  process.env.NEXTAUTH_SECRET ??= process.env.AUTH_SECRET ?? "pressbox-e2e-secret-not-for-production";
  draft = await db.article.findFirstOrThrow({ where: { status: "DRAFT", sectionId: { not: null } }, select: { id: true, headline: true, standfirst: true } });
});

describe("preview links", () => {
  it("show a draft to a visitor without an account, marked as a preview and kept out of search engines", async () => {
    const response = await fetch(urlFor(`/preview/${makePreviewToken(draft.id, Date.now() + 60_000)}`));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(draft.headline.replace(/'/g, "&#x27;"));
    expect(html).toContain("Preview: this story is not published");
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  });

  it("show nothing for an expired or forged link", async () => {
    const expired = makePreviewToken(draft.id, Date.now() - 1000);
    const [id, expiry, signature] = makePreviewToken(draft.id, Date.now() + 60_000).split(".");
    const forged = `${id}.${Number(expiry) + 86_400_000}.${signature}`;
    for (const token of [expired, forged, "not-a-token"]) {
      const response = await fetch(urlFor(`/preview/${token}`));
      expect(response.status, token).toBe(404);
      expect(await response.text()).not.toContain(draft.headline);
    }
  });
});
