// Every server action of the story screens, called as anonymous, contributor, editor and admin on
// a story the contributor did not write: allowed calls succeed; the others get 401/403 and leave
// the database exactly as it was.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "../../lib/action-result";
import { db } from "../../lib/db";
import type { Actor, Role } from "../../lib/permissions";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { publishArticle } from "../../lib/articles/workflow";
import { createPreviewLink } from "../../lib/articles/preview";
import { deleteToTrash } from "../../lib/articles/trash/trash";
import { setEmbargo } from "../../lib/articles/embargo/embargo-commands";
import { createTestUser, signInAs, TEST_AUTH_SECRET, type FakeRequest } from "../fixtures/accounts";
import { itChecksEveryCaller, noCallers, signUpCallers } from "../support/permission-matrix";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { currentInput, paragraph } from "../fixtures/article-input";
import { createPhoto } from "../fixtures/media-stories";
import * as storyActions from "../../app/(newsroom)/newsroom/stories/actions";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.24" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const STAFF = ["CONTRIBUTOR", "EDITOR", "ADMIN"] as const;
const DESK = ["EDITOR", "ADMIN"] as const;

type Story = { id: string; version: number };
type Case = { call: (story: Story) => Promise<ActionResult<unknown>>; allowed: readonly Role[]; needs: "draft" | "published" | "changed" | "linked" | "trashed" | "embargoed" };

let author: Actor;
// The photo the editor's photo actions read and edit (its version is read at each call).
let photo: { id: string };
const photoNow = () => db.media.findUniqueOrThrow({ where: { id: photo.id }, select: { id: true, version: true } });

async function draftStory(): Promise<Story> {
  const { id } = await createArticle(author, { headline: "Matrix draft" });
  const { version, article } = await currentInput(id);
  const section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  const profile = await db.bylineProfile.findFirstOrThrow();
  const saved = await saveArticle(author, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: "Matrix story",
      standfirst: "Standfirst.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      body: { type: "doc", content: [paragraph("Body.")] },
    },
  });
  return { id, version: saved.version };
}

async function publishedStory(): Promise<Story> {
  const draft = await draftStory();
  const published = await publishArticle(author, { articleId: draft.id, expectedVersion: draft.version });
  return { id: draft.id, version: published.version };
}

// A published story with unpublished changes in its working copy.
async function changedStory(): Promise<Story> {
  const live = await publishedStory();
  const { article } = await currentInput(live.id);
  const saved = await saveArticle(author, { articleId: live.id, expectedVersion: live.version, article: { ...article, standfirst: "A working-copy standfirst." } });
  return { id: live.id, version: saved.version };
}

// A draft with a preview link made by its author.
const previewLinkOf = new Map<string, string>();
async function linkedStory(): Promise<Story> {
  const draft = await draftStory();
  previewLinkOf.set(draft.id, (await createPreviewLink(author, draft.id)).id);
  return draft;
}

async function trashedStory(): Promise<Story> {
  const draft = await draftStory();
  const trashed = await deleteToTrash(author, { articleId: draft.id, expectedVersion: draft.version });
  return { id: draft.id, version: trashed.version };
}

// A draft under an embargo set by its author, a day ahead.
async function embargoedStory(): Promise<Story> {
  const draft = await draftStory();
  const embargoed = await setEmbargo(author, { articleId: draft.id, expectedVersion: draft.version, embargoUntil: new Date(Date.now() + 86_400_000).toISOString() });
  return { id: draft.id, version: embargoed.version };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const storyFor = { draft: draftStory, published: publishedStory, changed: changedStory, linked: linkedStory, trashed: trashedStory, embargoed: embargoedStory };

async function revisionIds(story: Story): Promise<string[]> {
  return (await db.revision.findMany({ where: { articleId: story.id }, orderBy: { createdAt: "asc" }, select: { id: true } })).map((r) => r.id);
}

const CASES: Record<string, Case> = {
  save: {
    needs: "draft",
    allowed: DESK,
    call: async (s) => {
      const { article } = await currentInput(s.id);
      return storyActions.saveStoryAction({ articleId: s.id, expectedVersion: s.version, article: { ...article, kicker: "Changed" } });
    },
  },
  submit: { needs: "draft", allowed: DESK, call: (s) => storyActions.transitionAction("submit", { articleId: s.id, expectedVersion: s.version }) },
  publish: { needs: "draft", allowed: DESK, call: (s) => storyActions.transitionAction("publish", { articleId: s.id, expectedVersion: s.version }) },
  schedule: { needs: "draft", allowed: DESK, call: (s) => storyActions.transitionAction("schedule", { articleId: s.id, expectedVersion: s.version, publishAt: new Date(Date.now() + 3_600_000).toISOString() }) },
  unpublish: { needs: "published", allowed: DESK, call: (s) => storyActions.transitionAction("unpublish", { articleId: s.id, expectedVersion: s.version }) },
  returnToDraft: { needs: "published", allowed: [], call: (s) => storyActions.transitionAction("returnToDraft", { articleId: s.id, expectedVersion: s.version }) },
  addNote: { needs: "published", allowed: DESK, call: (s) => storyActions.addNoteAction({ articleId: s.id, kind: "CORRECTION", text: "A name was misspelt." }) },
  checkIn: { needs: "draft", allowed: DESK, call: (s) => storyActions.checkInAction(s.id) },
  reload: { needs: "draft", allowed: DESK, call: (s) => storyActions.reloadStoryAction(s.id) },
  listRevisions: { needs: "draft", allowed: DESK, call: (s) => storyActions.listRevisionsAction(s.id) },
  compareRevisions: {
    needs: "published",
    allowed: DESK,
    call: async (s) => {
      const [a, b] = await revisionIds(s);
      return storyActions.compareRevisionsAction(s.id, a, b);
    },
  },
  compareWithCurrent: { needs: "draft", allowed: DESK, call: async (s) => storyActions.compareWithCurrentAction(s.id, (await currentInput(s.id)).article) },
  restoreRevision: { needs: "published", allowed: DESK, call: async (s) => storyActions.restoreRevisionAction({ articleId: s.id, revisionId: (await revisionIds(s))[0], expectedVersion: s.version }) },
  previewLink: { needs: "draft", allowed: DESK, call: (s) => storyActions.previewLinkAction(s.id) },
  listPreviewLinks: { needs: "draft", allowed: DESK, call: (s) => storyActions.listPreviewLinksAction(s.id) },
  revokePreviewLink: { needs: "linked", allowed: DESK, call: (s) => storyActions.revokePreviewLinkAction({ articleId: s.id, linkId: previewLinkOf.get(s.id) }) },
  searchMedia: { needs: "draft", allowed: STAFF, call: () => storyActions.searchMediaAction("skater") },
  searchStories: { needs: "draft", allowed: STAFF, call: (s) => storyActions.searchStoriesAction("the", s.id) },
  updateLive: { needs: "changed", allowed: DESK, call: (s) => storyActions.updateLiveAction({ articleId: s.id, expectedVersion: s.version }) },
  discardChanges: { needs: "changed", allowed: DESK, call: (s) => storyActions.discardChangesAction({ articleId: s.id, expectedVersion: s.version }) },
  scheduleLiveUpdate: {
    needs: "changed",
    allowed: DESK,
    call: (s) => storyActions.scheduleLiveUpdateAction({ articleId: s.id, expectedVersion: s.version, updateAt: new Date(Date.now() + 3_600_000).toISOString() }),
  },
  compareWithLive: { needs: "changed", allowed: DESK, call: (s) => storyActions.compareWithLiveAction(s.id) },
  liveState: { needs: "changed", allowed: DESK, call: (s) => storyActions.liveStateAction(s.id) },
  readMedia: { needs: "draft", allowed: STAFF, call: () => storyActions.readMediaAction([photo.id]) },
  readEmbeds: { needs: "draft", allowed: STAFF, call: () => storyActions.readEmbedsAction(["cembed000000000000000001"]) },
  updateMediaDetails: { needs: "draft", allowed: DESK, call: async () => storyActions.updateMediaDetailsAction({ ...(await photoNow()), altText: "Fixed in the editor", creditOverride: "Editor Credit" }) },
  listCreditOptions: { needs: "draft", allowed: STAFF, call: () => storyActions.listCreditOptionsAction() },
  setEmbargo: {
    needs: "draft",
    allowed: DESK,
    call: (s) => storyActions.setEmbargoAction({ articleId: s.id, expectedVersion: s.version, embargoUntil: new Date(Date.now() + 7_200_000).toISOString() }),
  },
  // Lifting early has a permission of its own: admins only.
  liftEmbargo: { needs: "embargoed", allowed: ["ADMIN"], call: (s) => storyActions.liftEmbargoAction({ articleId: s.id, expectedVersion: s.version, reason: "The agency lifted it early." }) },
  deleteStory: { needs: "draft", allowed: DESK, call: (s) => storyActions.deleteStoryAction({ articleId: s.id, expectedVersion: s.version }) },
  restoreStory: { needs: "trashed", allowed: DESK, call: (s) => storyActions.restoreStoryAction(null, form({ articleId: s.id, expectedVersion: String(s.version) })) },
};

async function snapshot() {
  const byId = { orderBy: { id: "asc" as const } };
  return Promise.all([
    db.article.findMany(byId),
    db.revision.findMany(byId),
    db.auditEntry.findMany(byId),
    db.articleNote.findMany(byId),
    db.quote.findMany(byId),
    db.previewLink.findMany(byId),
    db.workingCopy.findMany({ orderBy: { articleId: "asc" } }),
    db.editingSession.findMany({ orderBy: [{ articleId: "asc" }, { userId: "asc" }] }),
    db.redirect.findMany(byId),
    db.media.findMany(byId),
  ]);
}

const callers = noCallers();

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  await ensureDemoNewsroom();
  const writer = await createTestUser("EDITOR");
  author = { id: writer.id, role: writer.role, name: writer.name };
  await signUpCallers(callers);
  photo = await createPhoto({ altText: "", creditOverride: null });
});

describe("the story screens' permission matrix", () => {
  it("covers every exported server action", async () => {
    // Call each case once (as nobody) and record which exported action it reached.
    const reached = new Set<string>();
    const story = await changedStory();
    await signInAs(request, null);
    for (const testCase of Object.values(CASES)) {
      const spies = Object.keys(storyActions).map((name) => vi.spyOn(storyActions as Record<string, (...args: never[]) => unknown>, name));
      await testCase.call(story).catch(() => undefined);
      spies.forEach((spy, index) => spy.mock.calls.length && reached.add(Object.keys(storyActions)[index]));
      spies.forEach((spy) => spy.mockRestore());
    }
    expect(reached).toEqual(new Set(Object.keys(storyActions).filter((name) => name !== "createStoryAction")));
  });

  const rows = Object.entries(CASES).map(([name, c]) => [name, { allowed: c.allowed, prepare: storyFor[c.needs], call: c.call }]);
  // "Back to draft" from published is not a workflow step for anyone: refused with 409 for the desk.
  const refusal = (name: string, caller: string) => (name === "returnToDraft" && caller !== "CONTRIBUTOR" ? 409 : 403);
  itChecksEveryCaller(Object.fromEntries(rows), { request, callers, snapshot, refusal });

  it("does not let an anonymous visitor create a story", async () => {
    await signInAs(request, null);
    const before = await db.article.count();
    await expect(storyActions.createStoryAction()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    expect(await db.article.count()).toBe(before);
  });
});
