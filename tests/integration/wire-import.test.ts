// importWireItem against a real database and media folder, for every IPTC sample in
// ../shared/fixtures/wire: the draft as stored (headline, paragraphs, dateline, agency line), the
// wire item (embargo, status, rights) and each picture's caption and credit. Picture addresses
// point at a local server on 127.0.0.1, allowed for the test agency only.
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "../../lib/db";
import { formatCredit } from "../../lib/credits/format";
import { resolveMediaDir } from "../../lib/media/file/storage";
import { importWireItem } from "../../lib/wire/import";
import type { Actor } from "../../lib/permissions";
import type { BodyNode } from "../../lib/editor/types";
import { createStaff } from "../fixtures/staff";
import { uniqueSuffix } from "../fixtures/accounts";
import { NEWSML_SAMPLES, NINJS_SAMPLES, readNewsmlSample, readNinjsSample, wrapContentMeta } from "../fixtures/wire-samples";
import { startPictureServer, type PictureServer } from "../fixtures/wire-picture-server";

let editor: Actor;
let server: PictureServer;
const run = uniqueSuffix();
const AGENCY = `Wire Test Agency ${run}`;

beforeAll(async () => {
  editor = await createStaff("EDITOR", "Wire Editor");
  server = await startPictureServer();
  process.env.WIRE_PRIVATE_FETCH_AGENCIES = AGENCY;
  process.env.WIRE_FETCH_TIMEOUT_MS = "5000";
});

afterAll(async () => {
  delete process.env.WIRE_PRIVATE_FETCH_AGENCIES;
  await server.close();
});

const textOf = (node: BodyNode): string => node.text ?? (node.content ?? []).map(textOf).join("");

// Each sample under a guid of its own for this run, its picture addresses on the local server.
function ninjsVariant(name: string, mutate: (doc: Record<string, unknown>) => void = () => {}): string {
  const doc = readNinjsSample(name);
  doc.uri = `${String(doc.uri)}?run=${run}-${name}`;
  mutate(doc);
  return JSON.stringify(doc).replace(/https?:\/\/hosted\.ap\.org\/photos\/2\//g, `${server.origin}/ap/${run}-${name}-`);
}

function newsmlVariant(xml: string, name: string): string {
  return xml.replace(/guid="([^"]+)"/, `guid="$1:${run}:${name}"`);
}

async function storyOf(articleId: string) {
  return db.article.findUniqueOrThrow({
    where: { id: articleId },
    include: {
      tags: { include: { tag: true } },
      notes: true,
      heroMedia: { include: { agency: true, photographer: true } },
      heroCaption: true,
      wireItem: { include: { pictures: { orderBy: { position: "asc" } } } },
    },
  });
}

async function mediaFileCount(): Promise<number> {
  const entries = await readdir(resolveMediaDir(), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}

describe("wire import: every ninjs sample", () => {
  test.each(NINJS_SAMPLES)("%s becomes a draft with its headline, paragraphs, agency line and pictures", async (name) => {
    const result = await importWireItem(editor, { source: ninjsVariant(name), agency: AGENCY });
    expect(result.outcome).toBe("created");
    const story = await storyOf(result.articleId!);
    expect(story.status).toBe("DRAFT");
    expect(story.agencyLine).toBe(`with ${AGENCY}`);
    expect(story.wireItem).toMatchObject({ guid: result.guid, format: `ninjs-${name[0]}`, status: "USABLE", embargoedUntil: null, articleVersion: story.version });
    const paragraphs = ((story.body as BodyNode).content ?? []).filter((n) => n.type === "paragraph").map(textOf);
    if (name.includes("text_article")) {
      expect(story.headline).toBe("Captain of wrecked cruise ship on trial in Italy");
      expect(paragraphs).toHaveLength(4);
      expect(paragraphs[0]).toMatch(/^GROSSETO, Italy \(AP\) -- The trial of the captain/);
    }
    if (name.includes("complex")) {
      expect(story.wireItem!.copyrightNotice).toBe("Copyright 2013 The News Agency, www.tna.org - all rights reserved.");
      expect(story.tags.map((t) => t.tag.name).sort()).toEqual(["Costa Crociere SpA", "Francesco Schettino"]);
    }
    if (name.includes("associations")) {
      // Renditions without a file address: both pictures kept as pending, each with a credit.
      expect(story.headline).toMatch(/^Dell Redefines Workstation/);
      expect(story.wireItem!.pictures.map((p) => [p.status, p.credit])).toEqual([
        ["PENDING", AGENCY],
        ["PENDING", AGENCY],
      ]);
      expect(result.pictures.every((p) => p.failure?.includes("no picture file address"))).toBe(true);
    }
    if (name.includes("photo_only")) {
      expect(story.headline).toBe("Costa Concordia cruise ship");
      expect(story.heroCaption?.text).toMatch(/^The Costa Concordia cruise ship lies on its side/);
      expect(story.heroMedia).toMatchObject({ altText: expect.stringMatching(/^The Costa Concordia/), creditOverride: `Paulo Santalucia/${AGENCY}`, agencyId: story.wireItem!.agencyId });
      expect(formatCredit(story.heroMedia!)).toEqual({ short: `Image: ${AGENCY}`, full: `Paulo Santalucia/${AGENCY}` });
      expect(story.wireItem!.pictures).toEqual([expect.objectContaining({ status: "IMPORTED", mediaId: story.heroMediaId, credit: `Paulo Santalucia/${AGENCY}` })]);
      expect(result.pictures[0]).toMatchObject({ status: "imported", altTextMissing: false });
    }
  });
});

describe("wire import: every NewsML-G2 sample", () => {
  test("LISTING_1: embargo, rights, located, provider agency and the edNote as an internal note", async () => {
    const result = await importWireItem(editor, { source: newsmlVariant(readNewsmlSample("LISTING_1_A_NewsML-G2_News_Item.xml"), "l1") });
    const story = await storyOf(result.articleId!);
    expect(result).toMatchObject({ outcome: "created", agency: "Reuters", version: 11, embargoedUntil: "2018-10-23T12:00:00.000Z" });
    expect(story).toMatchObject({ headline: 'Fed to halt QE to avert "bubble"', agencyLine: "with Reuters", embargoUntil: new Date("2018-10-23T12:00:00Z") });
    expect(story.wireItem).toMatchObject({ embargoedUntil: new Date("2018-10-23T12:00:00Z"), usageTerms: "Not for use outside the United States", copyrightHolder: "Example Enews LLP", provider: "REUTERS" });
    expect(story.notes).toEqual([expect.objectContaining({ kind: "INTERNAL", text: expect.stringContaining("STRICTLY EMBARGOED") })]);
    expect(story.tags.map((t) => t.tag.name)).toEqual(["economy, business and finance", "labour market"]);
  });

  test("LISTING_22: the NITF body's six paragraphs, standfirst from the summary", async () => {
    const result = await importWireItem(editor, { source: newsmlVariant(readNewsmlSample("LISTING_22_Sports_story_in_NewsML-G2NITF.xml"), "l22") });
    const story = await storyOf(result.articleId!);
    const paragraphs = ((story.body as BodyNode).content ?? []).map(textOf);
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[5]).toMatch(/^Right-hander Freddy Garcia takes the hill for the Phillies/);
    expect(story.standfirst).toMatch(/^A pair of teams coming off big weekend sweeps/);
    expect(story.agencyLine).toBe("with www.xmlteam.com");
  });

  test("LISTING_28 (inside a newsItem): the dateline opens the body", async () => {
    const result = await importWireItem(editor, { source: wrapContentMeta(readNewsmlSample("LISTING_28_Illustrating_Located_Subject_and_Dateline.xml"), `urn:test:l28:${run}`) });
    const story = await storyOf(result.articleId!);
    expect(((story.body as BodyNode).content ?? []).map(textOf)).toEqual(["MOSCOW, Monday (Reuters)", "Russia said on Monday it would keep troops in the region."]);
    expect(story.agencyLine).toBe("with Reuters");
  });

  test("LISTING_3: a picture whose files cannot be fetched stays pending with its caption and credit (credit line → agency)", async () => {
    await db.agency.upsert({ where: { name: "Getty Images" }, update: {}, create: { name: "Getty Images", shortCredit: "Getty", creditFormat: "{photographer}/{agency}" } });
    const result = await importWireItem(editor, { source: newsmlVariant(readNewsmlSample("LISTING_3_Photo_in_NewsML-G2.xml"), "l3") });
    const story = await storyOf(result.articleId!);
    expect(story.headline).toBe("Variety Of Recessionary Forces Leave Las Vegas Economy Scarred");
    expect(story.heroMediaId).toBeNull();
    const [picture] = story.wireItem!.pictures;
    expect(picture).toMatchObject({ status: "PENDING", credit: "Spencer Platt/Getty Images", mediaId: null, usageTerms: expect.stringMatching(/^Contact your local office/) });
    expect(picture.caption).toMatch(/^A general view of part of downtown/);
    expect(picture.failure).toMatch(/not an absolute address.*file: addresses are not fetched/);
  });

  test("LISTING_6: a package's members; its picture member pending with the provider's credit", async () => {
    const result = await importWireItem(editor, { source: newsmlVariant(readNewsmlSample("LISTING_6_Simple_NewsML-G2_Package.xml"), "l6") });
    const story = await storyOf(result.articleId!);
    expect(story.headline).toBe("UK");
    expect(((story.body as BodyNode).content ?? []).map(textOf)[0]).toBe("Obama annonce son équipe");
    expect(story.wireItem!.pictures).toEqual([expect.objectContaining({ status: "PENDING", credit: "AcmeNews", caption: expect.stringMatching(/^Si nous avons/) })]);
    expect(NEWSML_SAMPLES).toHaveLength(5);
  });
});

describe("wire import: versions, cancel and refusals", () => {
  const guid = `urn:wire-test:${run}:versions`;
  const doc = (version: number, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      uri: guid,
      version: String(version),
      pubStatus: "usable",
      headlines: [{ value: `Headline v${version}` }],
      bodies: [{ contentType: "text/plain", value: `Body of version ${version}.` }],
      ...extra,
    });

  test("a higher version updates the untouched draft and adds a revision; an equal or older one changes nothing", async () => {
    const first = await importWireItem(editor, { source: doc(1), agency: AGENCY });
    const second = await importWireItem(editor, { source: doc(2), agency: AGENCY });
    expect(second).toMatchObject({ outcome: "updated", articleId: first.articleId });
    const story = await storyOf(first.articleId!);
    expect(story.headline).toBe("Headline v2");
    expect(await db.revision.count({ where: { articleId: first.articleId! } })).toBe(2);
    const before = await storyOf(first.articleId!);
    for (const version of [2, 1]) {
      const again = await importWireItem(editor, { source: doc(version), agency: AGENCY });
      expect(again.outcome).toBe("unchanged");
      expect(again.message).toMatch(/Nothing changed: .* is not newer than version 2/);
    }
    expect(await storyOf(first.articleId!)).toEqual(before);
  });

  test("after an editor changed the draft, a newer version is kept beside it as a pending wire update", async () => {
    const row = await db.wireItem.findUniqueOrThrow({ where: { guid } });
    await db.article.update({ where: { id: row.articleId! }, data: { headline: "Editor's headline", version: { increment: 1 } } });
    const third = await importWireItem(editor, { source: doc(3), agency: AGENCY });
    expect(third.outcome).toBe("pending-update");
    const story = await storyOf(row.articleId!);
    expect(story.headline).toBe("Editor's headline");
    expect(story.wireItem).toMatchObject({ version: 2, pendingVersion: 3, pendingNormalized: expect.objectContaining({ headline: "Headline v3" }) });
  });

  test("canceled flags the item and leaves an internal note on the draft", async () => {
    const canceled = await importWireItem(editor, { source: doc(4, { pubStatus: "canceled" }), agency: AGENCY });
    expect(canceled.outcome).toBe("canceled");
    const story = await storyOf(canceled.articleId!);
    expect(story.wireItem!.status).toBe("CANCELED");
    expect(story.notes.some((note) => note.kind === "INTERNAL" && note.text.includes("canceled this item (version 4)"))).toBe(true);
  });

  test.each([
    ["schema-invalid ninjs", JSON.stringify({ uri: "urn:bad", pubStatus: "maybe" }), /pubStatus must be equal to one of the allowed values/],
    ["an XML bomb", '<!DOCTYPE x [<!ENTITY a "aaaa">]><newsItem guid="urn:bomb">&a;</newsItem>', /DOCTYPE or ENTITY declaration/],
    ["malformed XML", '<newsItem guid="urn:broken"><itemMeta></newsItem>', /not well-formed XML/],
  ])("a refused document (%s) creates nothing", async (_, source, message) => {
    const counts = async () => [await db.article.count(), await db.wireItem.count(), await db.media.count(), await db.agency.count(), await mediaFileCount()];
    const before = await counts();
    await expect(importWireItem(editor, { source, agency: `Never Made ${run}` })).rejects.toThrow(message);
    expect(await counts()).toEqual(before);
  });

  test("a failure inside the transaction leaves no story and no picture files", async () => {
    const counts = async () => [await db.article.count(), await db.wireItem.count(), await db.media.count(), await mediaFileCount()];
    const before = await counts();
    // A body the editor's validator refuses (over its size limit) fails the write after the
    // picture was fetched and its files stored.
    const huge = Array.from({ length: 40_000 }, (_, i) => `<p>p${i}</p>`).join("");
    const source = JSON.stringify({
      uri: `urn:wire-test:${run}:huge`,
      bodies: [{ contentType: "application/xhtml+xml", value: huge }],
      associations: [{ name: "p", uri: "urn:p", type: "picture", renditions: [{ name: "main", href: `${server.origin}/huge-${run}.jpg` }] }],
    });
    const requestsBefore = server.requests.length;
    await expect(importWireItem(editor, { source, agency: AGENCY })).rejects.toThrow(/The story body is not valid: body is \d+ KB; the limit is 512 KB/);
    expect(server.requests.length).toBe(requestsBefore + 1);
    expect(await counts()).toEqual(before);
  });

  test("a private address is refused for an agency that is not allowed; the picture stays pending", async () => {
    const source = JSON.stringify({
      uri: `urn:wire-test:${run}:private`,
      headlines: [{ value: "Private" }],
      associations: [{ name: "p", uri: "urn:p2", type: "picture", by: "Some One", renditions: [{ name: "main", href: `${server.origin}/private-${run}.jpg` }] }],
    });
    const requestsBefore = server.requests.length;
    const result = await importWireItem(editor, { source, agency: `Public Only Agency ${run}` });
    expect(result.pictures).toEqual([
      expect.objectContaining({ status: "pending", credit: `Some One/Public Only Agency ${run}`, failure: expect.stringContaining("127.0.0.1 is a private, loopback or link-local address") }),
    ]);
    expect(server.requests.length).toBe(requestsBefore);
  });

  test("unknown fields import, are listed as skipped and kept on the wire item; script markup never reaches the body", async () => {
    const source = JSON.stringify({
      uri: `urn:wire-test:${run}:unknown`,
      pubStatus: "withheld",
      headlines: [{ value: "Extras", mood: "calm" }],
      agencyScore: 3,
      bodies: [{ contentType: "application/xhtml+xml", value: '<p onclick="steal()">Kept <a href="javascript:alert(1)">text</a></p><script>alert(1)</script>' }],
    });
    const result = await importWireItem(editor, { source, agency: AGENCY });
    expect(result.skipped.sort()).toEqual(["agencyScore", "headlines[0].mood"]);
    const story = await storyOf(result.articleId!);
    expect(story.wireItem).toMatchObject({ status: "WITHHELD", skipped: expect.arrayContaining(["agencyScore", "headlines[0].mood"]), source });
    expect(story.body).toEqual({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Kept text" }] }] });
  });

  test("an item canceled on first arrival is recorded, flagged, and makes no draft", async () => {
    const before = await db.article.count();
    const result = await importWireItem(editor, { source: JSON.stringify({ uri: `urn:wire-test:${run}:dead`, pubStatus: "canceled", headlines: [{ value: "Killed" }] }), agency: AGENCY });
    expect(result).toMatchObject({ outcome: "canceled", articleId: null });
    expect(await db.wireItem.findUniqueOrThrow({ where: { guid: `urn:wire-test:${run}:dead` } })).toMatchObject({ status: "CANCELED", articleId: null });
    expect(await db.article.count()).toBe(before);
  });

  test("the same new item imported twice at once makes one draft; the other is unchanged or refused with 409", async () => {
    const source = JSON.stringify({ uri: `urn:wire-test:${run}:race`, headlines: [{ value: "Race" }] });
    const outcomes = await Promise.allSettled([importWireItem(editor, { source, agency: AGENCY }), importWireItem(editor, { source, agency: AGENCY })]);
    const described = outcomes.map((o) => (o.status === "fulfilled" ? o.value.outcome : `${(o.reason as { status?: number }).status}`));
    expect(described.filter((outcome) => outcome === "created")).toHaveLength(1);
    expect(["409", "unchanged"]).toContain(described.find((outcome) => outcome !== "created"));
    expect(await db.article.count({ where: { wireItem: { guid: `urn:wire-test:${run}:race` } } })).toBe(1);
  });

  test("an item with more pictures than one import takes is refused whole", async () => {
    const associations = Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, uri: `urn:p${i}`, type: "picture" }));
    await expect(importWireItem(editor, { source: JSON.stringify({ uri: `urn:wire-test:${run}:many`, associations }) })).rejects.toThrow(/has 101 pictures; at most 100/);
  });

  test("a contributor may import; an anonymous caller is refused", async () => {
    const contributor = await createStaff("CONTRIBUTOR");
    await expect(importWireItem(null, { source: doc(9) })).rejects.toThrow(/Sign in/);
    const result = await importWireItem(contributor, { source: JSON.stringify({ uri: `urn:wire-test:${run}:contrib`, headlines: [{ value: "By a contributor" }] }) });
    expect(result.outcome).toBe("created");
  });
});
