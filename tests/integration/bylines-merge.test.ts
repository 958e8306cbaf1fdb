// Byline profiles: merging two into one keeps every story's byline; addresses move with redirects.
import { beforeAll, describe, expect, it } from "vitest";
import { createBylineProfile, mergeBylineProfiles, updateBylineProfile } from "../../lib/bylines/commands";
import { db } from "../../lib/db";
import { listStoryPage } from "../../lib/listings/queries";
import { findRedirect } from "../../lib/redirects/queries";
import { createTestUser, uniqueSuffix, type TestUser } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { bylinesOf, createStoryWith } from "../fixtures/newsroom-records";

let admin: TestUser;

beforeAll(async () => {
  await ensureDemoNewsroom();
  admin = await createTestUser("ADMIN", { name: "Merge Admin" });
});

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: { code?: string; message: string }) => error,
  );
}

const newProfile = (name: string, extra: Record<string, unknown> = {}) => createBylineProfile(admin, { name: `${name} ${uniqueSuffix()}`, ...extra });

describe("mergeBylineProfiles", () => {
  it("credits every story of the source to the target, once, in the earlier position", async () => {
    const writer = await createTestUser("CONTRIBUTOR");
    const source = await newProfile("Sam Whitfeld", { bio: "Typo'd duplicate", jobTitle: "Reporter", userId: writer.id });
    const target = await newProfile("Sam Whitfield");
    const other = await newProfile("Co Author");
    const onlySource = await createStoryWith({ bylines: [source.id] });
    const both = await createStoryWith({ bylines: [source.id, other.id, target.id] });
    const targetFirst = await createStoryWith({ bylines: [target.id, source.id] });

    const result = await mergeBylineProfiles(admin, { sourceId: source.id, sourceVersion: 1, targetId: target.id, targetVersion: 1 });

    expect(result.href).toBe(`/newsroom/admin/bylines/${target.id}`);
    expect(await bylinesOf(onlySource.id)).toEqual([{ profileId: target.id, position: 0 }]);
    expect(await bylinesOf(both.id)).toEqual([
      { profileId: target.id, position: 0 },
      { profileId: other.id, position: 1 },
    ]);
    expect(await bylinesOf(targetFirst.id)).toEqual([{ profileId: target.id, position: 0 }]);
    expect(await db.bylineProfile.findUnique({ where: { id: source.id } })).toBeNull();
    // The target keeps its name and fills what it lacked.
    expect(await db.bylineProfile.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      name: expect.stringMatching(/^Sam Whitfield/),
      bio: "Typo'd duplicate",
      jobTitle: "Reporter",
      userId: writer.id,
      version: 2,
    });
    expect((await listStoryPage({ profileId: target.id }, 1, 50)).stories.map((s) => s.id).sort()).toEqual([onlySource.id, both.id, targetFirst.id].sort());
    expect(await findRedirect(`/author/${source.slug}`)).toBe(`/author/${target.slug}`);
    expect(await db.auditEntry.findFirst({ where: { action: "byline.merge", entityId: target.id } })).toMatchObject({ actorId: admin.id, details: expect.objectContaining({ articles: 3 }) });
  });

  it("sends older addresses of the source straight to the target", async () => {
    const source = await newProfile("Renamed Twice");
    const target = await newProfile("Keeper");
    const { slug: moved } = await updateBylineProfile(admin, { id: source.id, version: 1, name: "Renamed Twice", slug: `${source.slug}-moved` });
    await mergeBylineProfiles(admin, { sourceId: source.id, sourceVersion: 2, targetId: target.id, targetVersion: 1 });
    expect(await findRedirect(`/author/${source.slug}`)).toBe(`/author/${target.slug}`);
    expect(await findRedirect(`/author/${moved}`)).toBe(`/author/${target.slug}`);
  });

  it("refuses profiles linked to two different accounts, and changes nothing", async () => {
    const [one, two] = [await createTestUser("EDITOR"), await createTestUser("EDITOR")];
    const source = await newProfile("Linked One", { userId: one.id });
    const target = await newProfile("Linked Two", { userId: two.id });
    const story = await createStoryWith({ bylines: [source.id] });
    expect(await errorOf(mergeBylineProfiles(admin, { sourceId: source.id, sourceVersion: 1, targetId: target.id, targetVersion: 1 }))).toMatchObject({ code: "CONFLICT" });
    expect(await bylinesOf(story.id)).toEqual([{ profileId: source.id, position: 0 }]);
    expect(await db.bylineProfile.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ userId: one.id, version: 1 });
  });

  it("refuses when either profile changed since the screen was opened, naming who changed it", async () => {
    const source = await newProfile("Stale Source");
    const target = await newProfile("Stale Target");
    await updateBylineProfile(admin, { id: target.id, version: 1, name: "Stale Target edited", slug: "" });
    const error = await errorOf(mergeBylineProfiles(admin, { sourceId: source.id, sourceVersion: 1, targetId: target.id, targetVersion: 1 }));
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Merge Admin changed this byline profile") });
    expect(await db.bylineProfile.findUnique({ where: { id: source.id } })).not.toBeNull();
  });

  it("refuses merging a profile into itself", async () => {
    const profile = await newProfile("Self");
    expect(await errorOf(mergeBylineProfiles(admin, { sourceId: profile.id, sourceVersion: 1, targetId: profile.id, targetVersion: 1 }))).toMatchObject({ name: "ZodError" });
  });
});

describe("byline profile addresses", () => {
  it("refuses an address another profile has, and an account linked elsewhere", async () => {
    const taken = await newProfile("Taken");
    expect(await errorOf(createBylineProfile(admin, { name: "Someone", slug: taken.slug }))).toMatchObject({ code: "CONFLICT" });
    const user = await createTestUser("EDITOR");
    await newProfile("Has account", { userId: user.id });
    expect(await errorOf(newProfile("Wants account", { userId: user.id }))).toMatchObject({ code: "CONFLICT" });
  });
});
