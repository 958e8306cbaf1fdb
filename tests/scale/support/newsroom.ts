// The cluster test's newsroom: the demo site without its pictures (a realistic front page and
// section pages to cache), publishable drafts in one section, an editor with a real session,
// and the editor's workflow buttons as the browser presses them: the story screen's
// transitionAction posted to one instance.
// Loaded after the test has set DATABASE_URL and NEXTAUTH_SECRET (lib/db reads them at import).
import { db } from "../../../lib/db";
import { bodyToPlainText } from "../../../lib/editor/references";
import { parseBody } from "../../../lib/editor/validate";
import { reindexArticle } from "../../../lib/search/index-article";
import { createTestUser, SESSION_COOKIE, sessionTokenFor, uniqueSuffix, type TestUser } from "../../fixtures/accounts";
import { SEED_TRANSACTION } from "../../fixtures/demo-factories";
import { bodyJson } from "../../fixtures/story-factory";
import { doc, paragraphs } from "../../fixtures/story-body";
import { seedTextNewsroom } from "../../hostile/support/h3-text-newsroom";
import { callServerAction, serverActionId } from "../../hostile/support/h3-server-action";

// The demo section the drafts go to: its page lists them once they are published.
export const SECTION = "olympics";

export type Draft = { id: string; headline: string; path: string };
export type Editor = TestUser & { cookie: string };

export async function seedNewsroom(): Promise<void> {
  await seedTextNewsroom(db);
}

export async function createEditor(): Promise<Editor> {
  const user = await createTestUser("EDITOR");
  return { ...user, cookie: `${SESSION_COOKIE}=${await sessionTokenFor(user.id)}` };
}

// Drafts that pass the publish checks (headline, standfirst, section, a byline), with headlines
// no other page holds, so finding one in a page proves it is the new version.
export async function createDrafts(count: number, label: string): Promise<Draft[]> {
  const section = await db.section.findUniqueOrThrow({ where: { slug: SECTION }, select: { id: true } });
  const byline = await db.bylineProfile.findFirstOrThrow({ select: { id: true } });
  const run = uniqueSuffix();
  const drafts: Draft[] = [];
  for (let index = 0; index < count; index += 1) {
    const slug = `scale-${label}-${run}-${index + 1}`;
    // "story 1 of 10", not "number 1": no headline may be the start of another ("number 10").
    const headline = `Scale ${label} ${run} story ${index + 1} of ${count}`;
    const body = parseBody(doc(...paragraphs([`${headline}: a story published while three instances serve the site.`])));
    const article = await db.article.create({
      data: {
        slug,
        sectionId: section.id,
        headline,
        standfirst: `Standfirst of ${headline}.`,
        body: bodyJson(body),
        bodyText: bodyToPlainText(body),
        bylines: { create: [{ profileId: byline.id, position: 0 }] },
      },
      select: { id: true },
    });
    await db.$transaction((tx) => reindexArticle(tx, article.id), SEED_TRANSACTION);
    drafts.push({ id: article.id, headline, path: `/${SECTION}/${slug}` });
  }
  return drafts;
}

type TransitionAnswer = { ok: boolean; data?: { version: number; status: string }; message?: string };

// One workflow step (publish, unpublish …) posted to `baseUrl` as the story screen posts it; the
// answer arrives once the instance has told its peers and the proxy (scripts/server.ts).
export async function takeStep(baseUrl: string, editor: Editor, step: "publish" | "unpublish", articleId: string): Promise<TransitionAnswer> {
  const { version } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
  const actionId = serverActionId("app/(newsroom)/newsroom/stories/actions.ts", "transitionAction");
  const answer = await callServerAction<TransitionAnswer>(`${baseUrl}/newsroom/stories/${articleId}`, actionId, [step, { articleId, expectedVersion: version }], editor.cookie);
  if (answer.httpStatus !== 200 || !answer.result?.ok) throw new Error(`${step} of ${articleId} at ${baseUrl} answered ${answer.httpStatus}: ${answer.result?.message ?? answer.text.slice(0, 300)}`);
  return answer.result;
}

// Scheduled the way the scheduler finds it (status SCHEDULED, publishAt), written directly: the
// editor's schedule step refuses times less than 30 s ahead, and the test wants 2 s.
export async function scheduleDirectly(articleId: string, publishAt: Date): Promise<number> {
  const article = await db.article.update({ where: { id: articleId }, data: { status: "SCHEDULED", publishAt, version: { increment: 1 } }, select: { version: true } });
  return article.version;
}

export async function publishRecords(articleId: string) {
  const [audits, revisions, article] = await Promise.all([
    db.auditEntry.count({ where: { entityType: "Article", entityId: articleId, action: "article.publish" } }),
    db.revision.count({ where: { articleId, kind: "PUBLISH" } }),
    db.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true, version: true } }),
  ]);
  return { audits, revisions, status: article.status, version: article.version };
}

export async function disconnect(): Promise<void> {
  await db.$disconnect();
}
