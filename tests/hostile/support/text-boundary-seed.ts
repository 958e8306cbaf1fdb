// Child script of tests/hostile/text-boundary.test.ts: seeds the database DATABASE_URL names (a
// text-only demo newsroom, an admin with a session, a draft story and a picture) through the app's
// own code, and prints what the test needs as one JSON line. A child process because lib/db.ts
// holds one client per process, and the test works on two databases.
import { db } from "../../../lib/db";
import { createArticle } from "../../../lib/articles/create-article";
import { saveArticle } from "../../../lib/articles/save/save-article";
import { createMedia } from "../../../lib/media/commands";
import { createTestUser, SESSION_COOKIE, sessionTokenFor } from "../../fixtures/accounts";
import { currentInput, paragraph } from "../../fixtures/article-input";
import { makeImage } from "../../fixtures/images";
import { seedTextNewsroom } from "./h3-text-newsroom";

async function main(): Promise<void> {
  await seedTextNewsroom(db);
  const admin = await createTestUser("ADMIN");
  const contributor = await createTestUser("CONTRIBUTOR");
  const actor = { id: admin.id, role: "ADMIN" as const, name: admin.name };
  const { id } = await createArticle(actor, { headline: "Text boundary draft" });
  const { version, article } = await currentInput(id);
  await saveArticle(actor, { articleId: id, expectedVersion: version, article: { ...article, standfirst: "A standfirst.", body: { type: "doc", content: [paragraph("Body text.")] } } });
  const bytes = await makeImage({ seed: "text-boundary", width: 240, height: 160, format: "jpeg" });
  const media = await createMedia(db, { bytes, originalName: "boundary.jpg", altText: "Alt", defaultCaption: "Caption" }, { actor: null });
  const first = async (delegate: { findFirstOrThrow: (args: never) => Promise<unknown> }) =>
    delegate.findFirstOrThrow({ select: { id: true, version: true } } as never) as Promise<{ id: string; version: number }>;
  const seeded = {
    adminCookie: `${SESSION_COOKIE}=${await sessionTokenFor(admin.id)}`,
    adminEmail: admin.email,
    draftId: id,
    mediaId: media.id,
    user: { id: contributor.id, version: 1 },
    tag: await first(db.tag),
    byline: await first(db.bylineProfile),
    agency: await first(db.agency),
    photographer: await first(db.photographer),
    section: await first(db.section),
  };
  process.stdout.write(`${JSON.stringify(seeded)}\n`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
