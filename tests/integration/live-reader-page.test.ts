// A live story's page as readers get it, on a real database (SQLite and PostgreSQL): the coverage
// rendered on the server (status, match, key points, entries pinned first then newest first, each
// with its anchor, time, type, score, authors and body through the story body's renderer); the
// whole cached page dropped when an entry is posted; and the LiveBlogPosting beside NewsArticle.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { cacheGeneration } from "../../lib/cache/tagged-cache";
import { getPage, putPage, withRenderContext, type RenderContext } from "../../lib/cache/page-cache";
import { getArticleState } from "../../lib/articles/queries";
import { deleteEntry, editEntry, setPinned, updateCoverage } from "../../lib/live/commands";
import { getLivePage } from "../../lib/live/page";
import type { Actor } from "../../lib/permissions";
import { LiveCoverage } from "../../components/site/story/live-coverage";
import { ArticleJsonLd } from "../../components/site/story/article-json-ld";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";
import { createLiveStory, entryBody, postText } from "../fixtures/live-story";

let editor: Actor;
let profile: { id: string; name: string; slug: string };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

beforeAll(async () => {
  await ensureDemoNewsroom();
  editor = await createStaff("EDITOR", "Page Editor");
  const run = uniqueSuffix();
  profile = await db.bylineProfile.create({ data: { name: `Ann Reporter ${run}`, slug: `ann-reporter-${run}` }, select: { id: true, name: true, slug: true } });
});

async function livePage(articleId: string) {
  const live = await getLivePage(articleId);
  if (!live) throw new Error("expected public live coverage");
  return live;
}

async function pageHtml(story: { id: string; path: string }) {
  return renderToStaticMarkup(createElement(LiveCoverage, { live: await livePage(story.id), articlePath: story.path }));
}

const anchorsIn = (html: string) => [...html.matchAll(/<li id="entry-([^"]+)"/g)].map((match) => match[1]);

describe("the live story page", () => {
  it("renders status, match, key points and entries (pinned first, then newest) with anchor, time, type, score, authors and body", async () => {
    const story = await createLiveStory({ editor });
    const teams = await postText(editor, story.id, "Teams are out.", { postedAt: minutesAgo(30) });
    const goal = await postText(editor, story.id, "GOAL! City lead <script>alert(1)</script>.", {
      postedAt: minutesAgo(10),
      type: "GOAL",
      keyEvent: true,
      homeScore: 1,
      awayScore: 0,
      minuteOrPeriod: "12'",
      authorIds: [profile.id],
    });
    const card = await postText(editor, story.id, "Yellow card.", { postedAt: minutesAgo(5), type: "CARD" });
    await setPinned(editor, { entryId: teams.id, expectedVersion: teams.version, value: true });

    const html = await pageHtml(story);
    expect(anchorsIn(html)).toEqual([teams.id, card.id, goal.id]);
    expect(html).toContain('data-live-status="UPCOMING"');
    expect(html).toContain("Coming up");
    expect(html).toMatch(/<strong>City v United<\/strong> · League, City Ground · Kick-off <time dateTime="2026-12-06T15:00:00.000Z">/);
    expect(html).toContain("<li>Kick-off at three</li>");
    const goalHtml = html.slice(html.indexOf(`id="entry-${goal.id}"`));
    expect(goalHtml).toMatch(new RegExp(`^id="entry-${goal.id}" class="live-entry live-entry--key live-entry--goal"`));
    expect(goalHtml).toContain(`<a class="live-entry-time" href="#entry-${goal.id}"><time dateTime="${minutesAgo(10).toISOString().slice(0, 13)}`);
    expect(goalHtml).toContain('<span class="live-entry-type">Goal</span>');
    expect(goalHtml).toContain("1–0");
    expect(goalHtml).toContain("12&#x27;");
    expect(goalHtml).toContain(`<a rel="author" href="/author/${profile.slug}">${profile.name}</a>`);
    expect(goalHtml).toContain("<p>GOAL! City lead &lt;script&gt;alert(1)&lt;/script&gt;.</p>");
    expect(html).not.toContain("<script>");
    expect(html.slice(html.indexOf(`id="entry-${teams.id}"`))).toMatch(/^[^>]*live-entry--pinned[^>]*data-pinned="true"/);
  });

  it("shows an edit in place and a status change, and never a deleted entry or a draft's coverage", async () => {
    const story = await createLiveStory({ editor, match: false });
    const first = await postText(editor, story.id, "First.", { postedAt: minutesAgo(3) });
    await postText(editor, story.id, "Second.", { postedAt: minutesAgo(2) });
    const wrong = await postText(editor, story.id, "Wrong score.", { postedAt: minutesAgo(1) });
    await deleteEntry(editor, { entryId: wrong.id, expectedVersion: wrong.version });
    await editEntry(editor, { entryId: first.id, expectedVersion: first.version, postedAt: minutesAgo(3), body: entryBody("First, corrected.") });
    await updateCoverage(editor, { articleId: story.id, expectedVersion: story.coverageVersion, status: "LIVE" });
    const html = await pageHtml(story);
    expect(html).toContain("First, corrected.");
    expect(html).not.toContain("Wrong score.");
    expect(anchorsIn(html)).toHaveLength(2);
    expect(html).not.toContain("live-match");
    expect(html).toContain('data-live-status="LIVE"');
    expect(anchorsIn(html).at(-1)).toBe(first.id);

    const draft = await createLiveStory({ editor, publish: false });
    await postText(editor, draft.id, "Not yet.");
    expect(await getLivePage(draft.id)).toBeNull();
  });

  it("is dropped from the page cache when an entry is posted, and the next render shows the entry", async () => {
    const story = await createLiveStory({ editor });
    const key = `std ${story.path}`;
    const render = async () => {
      const context: RenderContext = { tags: new Set(), startedAt: cacheGeneration() };
      const html = await withRenderContext(context, async () => {
        const state = await getArticleState(story.slug);
        expect(state.kind).toBe("published");
        return pageHtml(story);
      });
      expect(putPage(key, { status: 200, headers: { "content-type": "text/html" }, body: Buffer.from(html) }, context, cacheGeneration())).toBe(true);
      return html;
    };
    expect(anchorsIn(await render())).toEqual([]);
    expect(getPage(key)).not.toBeNull();

    const entry = await postText(editor, story.id, "Kick-off.");
    expect(getPage(key)).toBeNull();
    expect(anchorsIn(await render())).toEqual([entry.id]);
    expect(getPage(key)?.body.toString()).toContain(`entry-${entry.id}`);
  });
});

describe("JSON-LD of a live story", () => {
  async function jsonLd(story: { id: string; slug: string }) {
    const state = await getArticleState(story.slug);
    if (state.kind !== "published") throw new Error("expected a published story");
    const html = renderToStaticMarkup(createElement(ArticleJsonLd, { article: state.page, live: await getLivePage(story.id) }));
    return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((match) => JSON.parse(match[1]) as Record<string, unknown>);
  }

  it("puts a LiveBlogPosting beside the NewsArticle, with each entry, the match, and an end time only once ended", async () => {
    const story = await createLiveStory({ editor });
    const live = await updateCoverage(editor, { articleId: story.id, expectedVersion: story.coverageVersion, status: "LIVE" });
    const long = `${"A very long first line about the match ".repeat(5)}ends here.\nSecond line.`;
    const entry = await postText(editor, story.id, "GOAL! City lead.", { authorIds: [profile.id] });
    const [article, blog] = await jsonLd(story);
    expect(article["@type"]).toBe("NewsArticle");
    const coverage = await livePage(story.id);
    // The page's dateModified moves with each entry.
    expect(String(article.dateModified) >= coverage.entries[0].updatedAt).toBe(true);
    expect(String(article.dateModified) > String(article.datePublished)).toBe(true);
    expect(blog).toMatchObject({
      "@type": "LiveBlogPosting",
      coverageStartTime: coverage.coverage.startsAt,
      about: { "@type": "SportsEvent", name: "City v United", startDate: "2026-12-06T15:00:00.000Z", location: { name: "City Ground" } },
      publisher: { name: expect.any(String), logo: { url: expect.stringMatching(/\/icon\.svg$/) } },
      liveBlogUpdate: [
        { "@type": "BlogPosting", headline: "GOAL! City lead.", articleBody: "GOAL! City lead.", url: expect.stringMatching(new RegExp(`${story.slug}#entry-${entry.id}$`)), author: [{ name: profile.name }] },
      ],
    });
    expect(blog).not.toHaveProperty("coverageEndTime");

    await postText(editor, story.id, long);
    await updateCoverage(editor, { articleId: story.id, expectedVersion: live.version, status: "ENDED" });
    const [, ended] = await jsonLd(story);
    const updates = ended.liveBlogUpdate as { headline: string }[];
    expect(updates[0].headline.length).toBeLessThanOrEqual(110);
    expect(updates[0].headline).toMatch(/^A very long first line.*…$/);
    expect(ended.coverageEndTime).toBe((await livePage(story.id)).coverage.endsAt);
  });

  it("gives a story that is not live coverage only its NewsArticle", async () => {
    const state = await getArticleState((await db.article.findFirstOrThrow({ where: { status: "PUBLISHED", liveCoverage: null }, select: { slug: true } })).slug);
    if (state.kind !== "published") throw new Error("expected a published story");
    const html = renderToStaticMarkup(createElement(ArticleJsonLd, { article: state.page, live: await getLivePage(state.page.id) }));
    expect(html.match(/application\/ld\+json/g)).toHaveLength(1);
  });
});
