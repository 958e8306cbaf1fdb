// The embed block on a real database, against a fake oEmbed provider on 127.0.0.1: the first save
// with an embed takes its snapshot once (plain text, a thumbnail copied into the media library);
// an unreachable provider leaves a link card and the block; hostile answers are neutralised; a
// provider not allowed private addresses is refused them; a URL on no allow-list is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../../lib/articles/create-article";
import { loadArticlePage } from "../../lib/articles/page/article-page";
import { saveArticle } from "../../lib/articles/save/save-article";
import { db } from "../../lib/db";
import { getMediaStorage } from "../../lib/media/file/storage";
import type { EmbedProvider } from "../../lib/embeds/providers";
import type { Actor } from "../../lib/permissions";
import { uniqueSuffix } from "../fixtures/accounts";
import { currentInput, newRecordId, paragraph } from "../fixtures/article-input";
import { startOembedServer, type OembedServer } from "../fixtures/oembed-server";
import { createStaff } from "../fixtures/staff";

let server: OembedServer;
let editor: Actor;
let contributor: Actor;
const suffix = uniqueSuffix();
const before = process.env.EMBED_PROVIDERS;

beforeAll(async () => {
  server = await startOembedServer();
  const providers: EmbedProvider[] = [
    { name: "Fake Clips", schemes: ["https://clips.example/*"], endpoint: `${server.origin}/oembed`, allowPrivate: true, player: "https://clips.example/player?u={url}" },
    // Nothing listens on port 9 (discard) here: the provider cannot be reached.
    { name: "Gone Clips", schemes: ["https://gone.example/*"], endpoint: "http://127.0.0.1:9/oembed", allowPrivate: true },
    { name: "Inside Clips", schemes: ["https://inside.example/*"], endpoint: `${server.origin}/oembed` },
  ];
  process.env.EMBED_PROVIDERS = JSON.stringify(providers);
  [editor, contributor] = await Promise.all([createStaff("EDITOR", "Erin Embed"), createStaff("CONTRIBUTOR", "Cody Contrib")]);
});

afterAll(async () => {
  process.env.EMBED_PROVIDERS = before;
  await server?.close();
});

// A new story whose body is a paragraph and these embeds; returns it, its embed ids and the save.
async function storyWithEmbeds(urls: string[], actor: Actor = editor) {
  const { id } = await createArticle(actor, {});
  const { version, article } = await currentInput(id);
  const embedIds = urls.map(() => newRecordId());
  const body = { type: "doc", content: [paragraph("Before."), ...urls.map((url, i) => ({ type: "embed", attrs: { embedId: embedIds[i], url } }))] };
  const saving = saveArticle(actor, { articleId: id, expectedVersion: version, article: { ...article, headline: `Embeds ${suffix}`, slug: `embeds-${id}`, body } });
  return { id, embedIds, body, saving };
}

const oembedRequestsFor = (name: string) => server.requests.filter((r) => r.startsWith("/oembed") && r.includes(encodeURIComponent(name)));

describe("saving a story with an embed", () => {
  it("takes the snapshot once: plain text, author, link, and the thumbnail in the media library", async () => {
    const name = `good-${suffix}`;
    const { id, embedIds, saving } = await storyWithEmbeds([`https://clips.example/${name}`]);
    await saving;
    const snapshot = await db.embedSnapshot.findUniqueOrThrow({ where: { id: embedIds[0] } });
    expect(snapshot).toMatchObject({
      url: `https://clips.example/${name}`,
      provider: "Fake Clips",
      title: `Goal ${name}`,
      authorName: "Club FC",
      authorUrl: "https://clips.example/clubfc",
      text: `What a goal & what a night (${name})`,
      playerUrl: `https://clips.example/player?u=${encodeURIComponent(`https://clips.example/${name}`)}`,
      failure: null,
    });
    const thumbnail = await db.media.findUniqueOrThrow({ where: { id: snapshot.thumbnailId! }, include: { renditions: true } });
    expect(thumbnail.creditOverride).toBe("Club FC/Fake Clips");
    expect(thumbnail.renditions.length).toBeGreaterThan(0);
    for (const rendition of thumbnail.renditions) expect(await getMediaStorage().exists(rendition.storageKey)).toBe(true);
    expect(oembedRequestsFor(name)).toHaveLength(1);
    expect(server.requests.filter((r) => r === `/thumb/${name}.jpg`)).toHaveLength(1);

    const again = await currentInput(id);
    await saveArticle(editor, { articleId: id, expectedVersion: again.version, article: { ...again.article, standfirst: "A second save." } });
    expect(oembedRequestsFor(name)).toHaveLength(1);

    const loaded = await loadArticlePage(`embeds-${id}`, false);
    const view = loaded!.page.records.embeds.get(embedIds[0])!;
    expect(view).toMatchObject({ provider: "Fake Clips", isLinkCard: false, text: snapshot.text });
    expect(view.thumbnail!.src).toMatch(/^\/media\/r\//);
    expect(loaded!.tags).toContain(`media:${thumbnail.id}`);
  });

  it("keeps the block as a link card when the provider cannot be reached, or answers nonsense", async () => {
    const urls = ["https://gone.example/clip-1", "https://clips.example/broken", "https://clips.example/not-json", "https://clips.example/huge"];
    const { id, embedIds, body, saving } = await storyWithEmbeds(urls);
    await saving;
    const rows = await db.embedSnapshot.findMany({ where: { id: { in: embedIds } } });
    const failureOf = (i: number) => rows.find((row) => row.id === embedIds[i])?.failure;
    expect(failureOf(0)).toMatch(/^Gone Clips could not be reached/);
    expect(failureOf(1)).toMatch(/answered 500/);
    expect(failureOf(2)).toBe("Fake Clips did not answer with JSON");
    expect(failureOf(3)).toMatch(/over the limit of 262144 bytes/);
    expect(rows.every((row) => row.thumbnailId === null && row.text === "")).toBe(true);
    const stored = await db.article.findUniqueOrThrow({ where: { id }, select: { body: true } });
    expect(stored.body).toEqual(body);
    const loaded = await loadArticlePage(`embeds-${id}`, false);
    expect([...loaded!.page.records.embeds.values()].map((e) => e.isLinkCard)).toEqual([true, true, true, true]);
  });

  it("gives up on a provider that answers too slowly (EMBED_FETCH_TIMEOUT_MS)", async () => {
    process.env.EMBED_FETCH_TIMEOUT_MS = "300";
    try {
      const { embedIds, saving } = await storyWithEmbeds(["https://clips.example/slow"]);
      await saving;
      expect((await db.embedSnapshot.findUniqueOrThrow({ where: { id: embedIds[0] } })).failure).toBe("Fake Clips could not be reached: no answer within 300 ms");
    } finally {
      delete process.env.EMBED_FETCH_TIMEOUT_MS;
    }
  });

  it("copies a photo answer's picture as its thumbnail", async () => {
    const { embedIds, saving } = await storyWithEmbeds([`https://clips.example/photo-${suffix}`]);
    await saving;
    const snapshot = await db.embedSnapshot.findUniqueOrThrow({ where: { id: embedIds[0] } });
    expect(snapshot).toMatchObject({ title: "Team photo", failure: null });
    expect(await db.media.count({ where: { id: snapshot.thumbnailId! } })).toBe(1);
  });

  it("neutralises a hostile answer: no markup, no javascript: links, no thumbnail", async () => {
    const { embedIds, saving } = await storyWithEmbeds(["https://clips.example/hostile"]);
    await saving;
    const snapshot = await db.embedSnapshot.findUniqueOrThrow({ where: { id: embedIds[0] } });
    expect(snapshot).toMatchObject({ authorName: "Mallory", authorUrl: null, thumbnailId: null, failure: null, text: "Hostile words\nclick" });
    expect(snapshot.title).toBe("<img src=x onerror=alert(1)>Title");
    expect(JSON.stringify(snapshot)).not.toMatch(/javascript:|<script|evil\.example/);
  });

  it("refuses private addresses to a provider not configured to allow them", async () => {
    const seen = server.requests.length;
    const { embedIds, saving } = await storyWithEmbeds([`https://inside.example/good-inside-${suffix}`]);
    await saving;
    const snapshot = await db.embedSnapshot.findUniqueOrThrow({ where: { id: embedIds[0] } });
    expect(snapshot.failure).toMatch(/^Inside Clips could not be reached: 127\.0\.0\.1 is a private, loopback or link-local address/);
    expect(server.requests.length).toBe(seen);
  });
});

describe("what a save refuses", () => {
  it("a URL that matches no allowed provider, with a message naming the allowed ones", async () => {
    const { id, saving } = await storyWithEmbeds(["https://video.example/watch/1"]);
    await expect(saving).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("video.example is not an embed provider Pressbox allows (allowed: Fake Clips, Gone Clips, Inside Clips, X, YouTube, Instagram)"),
    });
    expect(await db.embedSnapshot.count({ where: { url: "https://video.example/watch/1" } })).toBe(0);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("another address under a snapshot's id", async () => {
    const { id, embedIds, body, saving } = await storyWithEmbeds([`https://clips.example/good-move-${suffix}`]);
    await saving;
    const { version, article } = await currentInput(id);
    const moved = { ...body, content: [paragraph("Before."), { type: "embed", attrs: { embedId: embedIds[0], url: "https://clips.example/hostile" } }] };
    await expect(saveArticle(editor, { articleId: id, expectedVersion: version, article: { ...article, body: moved } })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("an embed's address cannot change"),
    });
  });

  it("fetching anything for someone who may not edit the story", async () => {
    const { id } = await createArticle(editor, {});
    const { version, article } = await currentInput(id);
    const name = `good-forbidden-${suffix}`;
    const body = { type: "doc", content: [{ type: "embed", attrs: { embedId: newRecordId(), url: `https://clips.example/${name}` } }] };
    await expect(saveArticle(contributor, { articleId: id, expectedVersion: version, article: { ...article, body } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(oembedRequestsFor(name)).toHaveLength(0);
  });
});
