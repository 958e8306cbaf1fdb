// Preview links: a signed, expiring address shows a draft exactly as it will look, to someone
// without an account; a forged, expired or revoked one shows nothing, and unpublishing a story
// revokes its links.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPreviewLink, makePreviewToken, revokePreviewLink } from "@/lib/articles/preview";
import { createArticle } from "@/lib/articles/create-article";
import { saveArticle } from "@/lib/articles/save/save-article";
import { publishArticle, unpublishArticle } from "@/lib/articles/workflow";
import type { Actor } from "@/lib/permissions";
import { createStaff } from "../fixtures/staff";
import { currentInput, paragraph } from "../fixtures/article-input";
import { urlFor } from "./harness";

let draft: { id: string; headline: string; standfirst: string };
let editor: Actor;

// A link made the way the editor makes one; returns its path and id.
const linkFor = (articleId: string) => createPreviewLink(editor, articleId);

beforeAll(async () => {
  // The secret the e2e server was started with (tests/setup/next-server.ts).
  process.env.NEXTAUTH_SECRET ??= process.env.AUTH_SECRET ?? "pressbox-e2e-secret-not-for-production";
  draft = await db.article.findFirstOrThrow({ where: { status: "DRAFT", sectionId: { not: null } }, select: { id: true, headline: true, standfirst: true } });
  editor = await createStaff("EDITOR", "Preview Link Maker");
});

describe("preview links", () => {
  it("show a draft to a visitor without an account, marked as a preview and kept out of search engines", async () => {
    const response = await fetch(urlFor((await linkFor(draft.id)).path));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(draft.headline.replace(/'/g, "&#x27;"));
    expect(html).toContain("Preview: this story is not published");
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  });

  it("show nothing for an expired or forged link", async () => {
    const { id: linkId } = await linkFor(draft.id);
    const expired = makePreviewToken(linkId, Date.now() - 1000);
    const [id, expiry, signature] = makePreviewToken(linkId, Date.now() + 60_000).split(".");
    const forged = `${id}.${Number(expiry) + 86_400_000}.${signature}`;
    for (const token of [expired, forged, "not-a-token"]) {
      const response = await fetch(urlFor(`/preview/${token}`));
      expect(response.status, token).toBe(404);
      expect(await response.text()).not.toContain(draft.headline);
    }
  });

  it("show nothing once revoked, and unpublishing a story revokes its links", async () => {
    const revoked = await linkFor(draft.id);
    const kept = await linkFor(draft.id);
    await revokePreviewLink(editor, { articleId: draft.id, linkId: revoked.id });
    expect((await fetch(urlFor(revoked.path))).status).toBe(404);
    expect((await fetch(urlFor(kept.path))).status).toBe(200);

    const section = await db.section.findFirstOrThrow({ where: { slug: "football" } });
    const profile = await db.bylineProfile.findFirstOrThrow();
    const { id } = await createArticle(editor, { headline: "Draft" });
    const { version, article } = await currentInput(id);
    const saved = await saveArticle(editor, {
      articleId: id,
      expectedVersion: version,
      article: {
        ...article,
        headline: "Taken down after publishing",
        slug: `taken-down-${Date.now()}`,
        standfirst: "Soon gone.",
        sectionId: section.id,
        bylines: [{ profileId: profile.id, role: "REPORTER" }],
        body: { type: "doc", content: [paragraph("Gone soon.")] },
      },
    });
    const link = await linkFor(id);
    const published = await publishArticle(editor, { articleId: id, expectedVersion: saved.version });
    expect((await fetch(urlFor(link.path))).status).toBe(200);
    await unpublishArticle(editor, { articleId: id, expectedVersion: published.version });
    const after = await fetch(urlFor(link.path));
    expect(after.status).toBe(404);
    expect(await after.text()).not.toContain("Taken down after publishing");
  });
});
