// The watched inbox folder (lib/wire/inbox.ts) against a real database and a real folder: a file
// becomes a draft and moves to done/, a bad one to failed/ with its reason, a file is imported
// once however often it is looked at (and by two pollers at once), and a file a stopped server
// left in processing/ is taken again once its lease has run out. The inbox process's hooks: each
// filed file is reported as it is filed, a stop leaves the files not yet taken in the inbox, and a
// canceled item whose agency rule unpublished its story is reported as a public change.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { db } from "../../lib/db";
import type { Actor } from "../../lib/permissions";
import { pollInbox, publicChanges, type InboxEvent, type InboxSettings } from "../../lib/wire/inbox";
import { prepareInboxFolders } from "../../lib/wire/inbox-files";
import { uniqueSuffix } from "../fixtures/accounts";
import { createStaff } from "../fixtures/staff";
import { startPictureServer, type PictureServer } from "../fixtures/wire-picture-server";

const run = uniqueSuffix();
const AGENCY = `Inbox Wire Agency ${run}`;
const RULE_AGENCY = `Inbox Rule Agency ${run}`;
let actor: Actor;
let pictures: PictureServer;
let settings: InboxSettings;
let seen: Map<string, string>;

beforeAll(async () => {
  actor = await createStaff("EDITOR", "Inbox Editor");
  pictures = await startPictureServer();
  await db.agency.create({ data: { name: RULE_AGENCY, shortCredit: RULE_AGENCY, creditFormat: "{agency}", wireCancelUnpublishes: true } });
  process.env.WIRE_PRIVATE_FETCH_AGENCIES = AGENCY;
});

afterAll(async () => {
  delete process.env.WIRE_PRIVATE_FETCH_AGENCIES;
  await pictures.close();
});

beforeEach(async () => {
  settings = { dir: mkdtempSync(path.join(tmpdir(), "wire-inbox-")), settleMs: 0, leaseMs: 60_000 };
  await prepareInboxFolders(settings.dir);
  seen = new Map();
});

const listing = (folder = "") => readdirSync(path.join(settings.dir, folder)).sort();
const ninjs = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ uri: `urn:inbox:${run}:${id}`, version: "1", headlines: [{ value: `Inbox story ${id}` }], ...extra });

function drop(name: string, content: string | Buffer): void {
  writeFileSync(path.join(settings.dir, name), content);
}

// Two looks: the first notes each file's size and time, the second takes those that kept them.
async function settle() {
  return [...(await pollInbox(settings, seen, actor)), ...(await pollInbox(settings, seen, actor))];
}

describe("the wire inbox folder", () => {
  test("a ninjs file with a picture becomes a draft and moves to done/", async () => {
    const picture = { name: "photo", uri: `urn:inbox:${run}:pic`, type: "picture", by: "Jo Snapper", renditions: [{ name: "main", href: `${pictures.origin}/inbox-${run}.jpg`, contenttype: "image/jpeg" }] };
    drop("story.json", ninjs("first", { copyrightholder: AGENCY, bodies: [{ role: "main", contenttype: "text/html", value: "<p>First paragraph.</p>" }], associations: [picture] }));
    const events = await settle();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ name: "story.json", folder: "done", filedAs: "story.json", result: { outcome: "created", agency: AGENCY } });
    expect(listing()).toEqual(["done", "failed", "processing"]);
    expect(listing("done")).toEqual(["story.json"]);
    expect(listing("processing")).toEqual([]);
    const story = await db.article.findUniqueOrThrow({ where: { id: events[0].result!.articleId! }, select: { headline: true, status: true, createdById: true } });
    expect(story).toEqual({ headline: "Inbox story first", status: "DRAFT", createdById: actor.id });
    expect(events[0].result!.pictures).toEqual([expect.objectContaining({ status: "imported" })]);
  });

  test("a bad file moves to failed/ with a reason file naming the problem, and nothing is created", async () => {
    const before = await db.wireItem.count();
    drop("broken.json", '{"uri": "urn:x", "headlines": [');
    drop("bomb.xml", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><newsItem>&lol2;</newsItem>');
    const events = await settle();
    expect(events.map((event) => [event.name, event.folder])).toEqual([
      ["bomb.xml", "failed"],
      ["broken.json", "failed"],
    ]);
    expect(listing("failed")).toEqual(["bomb.xml", "bomb.xml.reason.txt", "broken.json", "broken.json.reason.txt"]);
    expect(readFileSync(path.join(settings.dir, "failed", "broken.json.reason.txt"), "utf8")).toMatch(/is not valid JSON/);
    expect(readFileSync(path.join(settings.dir, "failed", "bomb.xml.reason.txt"), "utf8")).toMatch(/DOCTYPE or ENTITY declaration/);
    expect(await db.wireItem.count()).toBe(before);
  });

  test("a file is imported once: looked at again, or by two pollers at the same time", async () => {
    drop("once.json", ninjs("once"));
    await pollInbox(settings, seen, actor);
    const otherSeen = new Map(seen);
    const [mine, theirs] = await Promise.all([pollInbox(settings, seen, actor), pollInbox(settings, otherSeen, actor)]);
    expect([...mine, ...theirs].map((event) => event.result?.outcome)).toEqual(["created"]);
    expect(await settle()).toEqual([]);
    expect(await db.wireItem.count({ where: { guid: `urn:inbox:${run}:once` } })).toBe(1);
    expect(listing("done")).toEqual(["once.json"]);
  });

  test("the same name arriving again is filed beside the first, not over it; the same version changes nothing", async () => {
    drop("again.json", ninjs("again"));
    await settle();
    drop("again.json", ninjs("again"));
    const [event] = await settle();
    expect(event.result).toMatchObject({ outcome: "unchanged" });
    expect(event.filedAs).toMatch(/^again-[a-z0-9]+-[0-9a-f]{8}\.json$/);
    expect(listing("done")).toEqual(["again.json", event.filedAs].sort());
  });

  test("a file a stopped server left in processing/ is taken again once its lease has run out", async () => {
    const left = path.join(settings.dir, "processing", "lq0abc-1234abcd~left.json");
    writeFileSync(left, ninjs("left"));
    expect(await settle()).toEqual([]);
    const old = new Date(Date.now() - settings.leaseMs - 1000);
    utimesSync(left, old, old);
    const [event] = await pollInbox(settings, seen, actor);
    expect(event).toMatchObject({ name: "left.json", folder: "done", result: { outcome: "created", headline: "Inbox story left" } });
    expect(listing("processing")).toEqual([]);
    expect(listing("done")).toEqual(["left.json"]);
  });

  test("waits for partial uploads and dotfiles; a file still growing is not taken", async () => {
    drop(".hidden.json", ninjs("hidden"));
    drop("upload.json.part", ninjs("part"));
    drop("growing.json", ninjs("growing"));
    await pollInbox(settings, seen, actor);
    drop("growing.json", ninjs("growing", { byline: "More" }));
    expect(await pollInbox(settings, seen, actor)).toEqual([]);
    expect(await pollInbox(settings, seen, actor)).toEqual([expect.objectContaining({ name: "growing.json", folder: "done" })]);
    expect(listing()).toEqual([".hidden.json", "done", "failed", "processing", "upload.json.part"]);
  });

  test("a file over the size limit, a link out of the folder and a directory: refused or left, never read", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "wire-outside-"));
    writeFileSync(path.join(outside, "secret.json"), ninjs("outside"));
    symlinkSync(path.join(outside, "secret.json"), path.join(settings.dir, "link.json"));
    drop("huge.json", Buffer.alloc(6 * 1024 * 1024, 32));
    mkdirSync(path.join(settings.dir, "subfolder"));
    const events = await settle();
    expect(events.map((event) => [event.name, event.folder, event.reason])).toEqual([
      ["huge.json", "failed", "The file is 6 MB; the limit is 5 MB."],
      ["link.json", "failed", "is a symbolic link; links are not followed"],
    ]);
    expect(existsSync(path.join(outside, "secret.json"))).toBe(true);
    expect(listing()).toContain("subfolder");
    expect(await db.wireItem.count({ where: { guid: `urn:inbox:${run}:outside` } })).toBe(0);
  });

  test("each file is reported as soon as it is filed, and a stop leaves the files not yet taken in the inbox", async () => {
    for (const id of ["stop-a", "stop-b", "stop-c"]) drop(`${id}.json`, ninjs(id));
    await pollInbox(settings, seen, actor);
    const heard: string[] = [];
    let isStopping = false;
    const onEvent = async (event: InboxEvent) => {
      heard.push(`${event.name}:${listing("done").join(",")}`);
      isStopping = true;
    };
    const events = await pollInbox(settings, seen, actor, { onEvent, isStopping: () => isStopping });
    expect(events.map((event) => event.name)).toEqual(["stop-a.json"]);
    expect(heard).toEqual(["stop-a.json:stop-a.json"]);
    expect(listing()).toEqual(["done", "failed", "processing", "stop-b.json", "stop-c.json"]);
    expect(listing("processing")).toEqual([]);
  });

  test("a canceled item whose agency rule unpublished its story is a public change; a new draft is not", async () => {
    const guid = `urn:inbox:${run}:canceled`;
    drop("live.json", ninjs("canceled", { copyrightholder: RULE_AGENCY }));
    const [created] = await settle();
    expect(created.result).toMatchObject({ outcome: "created", agency: RULE_AGENCY });
    expect(publicChanges(created)).toEqual([]);
    const articleId = created.result!.articleId!;
    await db.article.update({ where: { id: articleId }, data: { status: "PUBLISHED", publishedAt: new Date(), firstPublishedAt: new Date(), version: { increment: 1 } } });
    drop("canceled.json", JSON.stringify({ uri: guid, version: "2", pubStatus: "canceled", headlines: [{ value: "Canceled" }], copyrightholder: RULE_AGENCY }));
    const [canceled] = await settle();
    expect(canceled.result).toMatchObject({ outcome: "canceled", effect: "unpublished" });
    expect(publicChanges(canceled)).toEqual([articleId]);
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("UNPUBLISHED");
  });
});
