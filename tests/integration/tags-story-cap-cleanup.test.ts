// Tags typed into stories (issue 17 §5): a person may create at most TAG_CREATION_LIMIT_PER_HOUR
// new tags an hour through story saves (a save past it answers 429 and changes nothing), and the
// scheduler deletes story tags no story or working copy uses once they are older than the grace
// period, keeping every tag in use and every tag an admin made in the tags screen. SQLite and
// PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { createArticle } from "../../lib/articles/create-article";
import { saveArticle } from "../../lib/articles/save/save-article";
import { publishArticle } from "../../lib/articles/workflow";
import { runScheduledWork } from "../../lib/scheduler";
import { createTag } from "../../lib/tags/commands";
import { tagCleanupGraceHours, tagCreationLimit } from "../../lib/tags/story-tags";
import type { Actor } from "../../lib/permissions";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { currentInput, paragraph } from "../fixtures/article-input";

const HOUR_MS = 3_600_000;
let admin: Actor;
let editor: Actor;
let section: { id: string };
let profile: { id: string };
let run = 0;

beforeAll(async () => {
  await ensureDemoNewsroom();
  [admin, editor] = await Promise.all([createStaff("ADMIN"), createStaff("EDITOR")]);
  section = await db.section.findFirstOrThrow({ where: { slug: "olympics" } });
  profile = await db.bylineProfile.findFirstOrThrow();
});

const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);

async function saveTags(actor: Actor, articleId: string, tagNames: string[], isAutosave = true) {
  const { version, article } = await currentInput(articleId);
  return saveArticle(actor, { articleId, expectedVersion: version, isAutosave, article: { ...article, tagNames } });
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (error: { code?: string; status?: number; message: string }) => error,
  );
}

async function storyState(articleId: string) {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true, updatedAt: true } });
  const tags = await db.articleTag.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { tagId: true } });
  return { ...article, tags: tags.map((t) => t.tagId), revisions: await db.revision.count({ where: { articleId } }) };
}

describe("the cap on new tags a person creates from stories", () => {
  it("refuses the autosaves that would pass the cap with 429 and a message, and changes nothing", async () => {
    const contributor = await createStaff("CONTRIBUTOR");
    const { id } = await createArticle(contributor, { headline: "Ten autosaves of twenty new tags" });
    const limit = tagCreationLimit();
    const prefix = `cap ${Date.now().toString(36)}`;
    const outcomes: string[] = [];
    for (let save = 0; save < 10; save += 1) {
      const before = await storyState(id);
      const tagsBefore = await db.tag.count();
      const error = await refusal(saveTags(contributor, id, names(`${prefix} save ${save}`, 20)));
      outcomes.push(error ? String(error.status) : "saved");
      if (error) {
        expect(error.message).toMatch(new RegExp(`may create ${limit} an hour.*nothing was saved`));
        expect(await storyState(id)).toEqual(before);
        expect(await db.tag.count()).toBe(tagsBefore);
      }
    }
    expect(await db.tag.count({ where: { createdById: contributor.id } })).toBeLessThanOrEqual(limit);
    expect(outcomes).toEqual(["saved", ...Array(9).fill("429")]);
  });

  it("lets a person reuse any tag that exists and create up to the cap exactly", async () => {
    const contributor = await createStaff("CONTRIBUTOR");
    const { id } = await createArticle(contributor, { headline: "Up to the cap" });
    const prefix = `exact ${Date.now().toString(36)}`;
    const existing = (await db.tag.findMany({ take: 5, select: { name: true } })).map((t) => t.name);
    await saveTags(contributor, id, [...existing, ...names(prefix, 15)]);
    await saveTags(contributor, id, names(`${prefix} more`, tagCreationLimit() - 15));
    expect(await db.tag.count({ where: { createdById: contributor.id, isFromStory: true } })).toBe(tagCreationLimit());
    const error = await refusal(saveTags(contributor, id, [`${prefix} one too many`]));
    expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS", status: 429 });
  });

  it("counts only the last hour, and per person", async () => {
    const [first, second] = await Promise.all([createStaff("CONTRIBUTOR"), createStaff("CONTRIBUTOR")]);
    const a = await createArticle(first, { headline: "First" });
    const b = await createArticle(second, { headline: "Second" });
    const prefix = `window ${Date.now().toString(36)}`;
    await saveTags(first, a.id, names(`${prefix} a`, 20));
    await saveTags(first, a.id, names(`${prefix} b`, 10));
    expect(await refusal(saveTags(first, a.id, [`${prefix} c`]))).toMatchObject({ status: 429 });
    await saveTags(second, b.id, names(`${prefix} d`, 20));
    await db.tag.updateMany({ where: { createdById: first.id }, data: { createdAt: new Date(Date.now() - 2 * HOUR_MS) } });
    expect(await refusal(saveTags(first, a.id, [`${prefix} c`]))).toBeNull();
  });

  it("does not cap tags an admin makes in the tags screen", async () => {
    const prefix = `admin ${Date.now().toString(36)}`;
    for (const name of names(prefix, tagCreationLimit() + 2)) await createTag(admin, { name });
    expect(await db.tag.count({ where: { name: { startsWith: prefix }, isFromStory: false } })).toBe(tagCreationLimit() + 2);
  });
});

describe("the scheduler's cleanup of unused story tags", () => {
  async function storyTag(name: string, ageHours: number): Promise<string> {
    run += 1;
    const { id } = await createArticle(editor, { headline: `Tag maker ${run}` });
    await saveTags(editor, id, [name]);
    await saveTags(editor, id, []);
    const tag = await db.tag.findFirstOrThrow({ where: { name, isFromStory: true }, select: { id: true } });
    await db.tag.update({ where: { id: tag.id }, data: { createdAt: new Date(Date.now() - ageHours * HOUR_MS) } });
    return tag.id;
  }

  async function publishedStory(tagNames: string[]) {
    run += 1;
    const { id } = await createArticle(editor, { headline: "Draft" });
    const { version, article } = await currentInput(id);
    const saved = await saveArticle(editor, {
      articleId: id,
      expectedVersion: version,
      article: {
        ...article,
        headline: `Cleanup story ${run}`,
        slug: `cleanup-story-${run}-${Date.now()}`,
        standfirst: "A standfirst.",
        sectionId: section.id,
        bylines: [{ profileId: profile.id, role: "REPORTER" }],
        tagNames,
        body: { type: "doc", content: [paragraph("Body.")] },
      },
    });
    await publishArticle(editor, { articleId: id, expectedVersion: saved.version });
    return id;
  }

  it("deletes old story tags nobody uses, keeps used, recent and admin-made ones, and audits each deletion", async () => {
    const old = tagCleanupGraceHours() + 1;
    const prefix = `sweep ${Date.now().toString(36)}`;
    const unused = await storyTag(`${prefix} unused`, old);
    const recent = await storyTag(`${prefix} recent`, tagCleanupGraceHours() - 1);
    const inWorkingCopy = await storyTag(`${prefix} working copy`, old);
    const onDraft = await storyTag(`${prefix} on a draft`, old);
    const onLive = await storyTag(`${prefix} on a live story`, old);
    const onTrashed = await storyTag(`${prefix} on a trashed story`, old);
    const adminMade = (await createTag(admin, { name: `${prefix} admin made` })).id;
    await db.tag.update({ where: { id: adminMade }, data: { createdAt: new Date(Date.now() - old * HOUR_MS) } });

    const draft = await createArticle(editor, { headline: "Keeps a tag" });
    await saveTags(editor, draft.id, [`${prefix} on a draft`]);
    await db.tag.update({ where: { id: onDraft }, data: { createdAt: new Date(Date.now() - old * HOUR_MS) } });
    await publishedStory([`${prefix} on a live story`]);
    const live = await publishedStory([]);
    await saveTags(editor, live, [`${prefix} working copy`]);
    expect(await db.workingCopy.count({ where: { articleId: live } })).toBe(1);
    const trashed = await createArticle(editor, { headline: "Trashed with a tag" });
    await saveTags(editor, trashed.id, [`${prefix} on a trashed story`]);
    await db.article.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });

    await runScheduledWork(new Date());

    const left = new Set((await db.tag.findMany({ where: { name: { startsWith: prefix } }, select: { id: true } })).map((t) => t.id));
    expect([unused, recent, inWorkingCopy, onDraft, onLive, onTrashed, adminMade].map((tagId) => left.has(tagId))).toEqual([false, true, true, true, true, true, true]);
    const audit = await db.auditEntry.findMany({ where: { action: "tag.cleanup", entityId: { in: [unused, recent, inWorkingCopy, onDraft, onLive, onTrashed, adminMade] } } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "Tag", entityId: unused, actorId: null, details: expect.objectContaining({ name: `${prefix} unused` }) });
  });
});
