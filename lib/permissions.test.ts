import { describe, expect, it } from "vitest";
import { ACTIONS, assertCan, can, type Actor } from "./permissions";

const contributor: Actor = { id: "c1", role: "CONTRIBUTOR", name: "C" };
const editor: Actor = { id: "e1", role: "EDITOR", name: "E" };
const admin: Actor = { id: "a1", role: "ADMIN", name: "A" };

describe("permissions", () => {
  it("lets nobody anonymous do anything", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it("lets an admin do everything", () => {
    for (const action of ACTIONS) expect(can(admin, action)).toBe(true);
  });

  it("keeps contributors to their own drafts", () => {
    const ownDraft = { createdById: "c1", status: "DRAFT" };
    expect(can(contributor, "article.edit", ownDraft)).toBe(true);
    expect(can(contributor, "article.submit", ownDraft)).toBe(true);
    expect(can(contributor, "article.edit", { createdById: "c1", status: "IN_REVIEW" })).toBe(false);
    expect(can(contributor, "article.edit", { createdById: "someone", status: "DRAFT" })).toBe(false);
    expect(can(contributor, "article.read", { createdById: "c1", status: "PUBLISHED" })).toBe(true);
    expect(can(contributor, "article.publish", ownDraft)).toBe(false);
    expect(can(contributor, "media.upload")).toBe(true);
    expect(can(contributor, "user.manage")).toBe(false);
  });

  it("lets editors run the desk but not administer it", () => {
    expect(can(editor, "article.edit", { createdById: "c1", status: "IN_REVIEW" })).toBe(true);
    expect(can(editor, "article.publish")).toBe(true);
    expect(can(editor, "media.delete")).toBe(true);
    expect(can(editor, "user.manage")).toBe(false);
    expect(can(editor, "agency.manage")).toBe(false);
    expect(can(editor, "audit.read")).toBe(false);
  });

  it("lets editors and admins import sports data, not contributors", () => {
    expect(can(editor, "sports.import")).toBe(true);
    expect(can(admin, "sports.import")).toBe(true);
    expect(can(contributor, "sports.import")).toBe(false);
    expect(() => assertCan(contributor, "sports.import")).toThrow(/does not allow importing sports results and standings/);
  });

  it("keeps lifting an embargo early to admins: editors may set and extend one, not lift it", () => {
    expect(can(admin, "article.liftEmbargo")).toBe(true);
    expect(can(editor, "article.liftEmbargo")).toBe(false);
    expect(can(contributor, "article.liftEmbargo", { createdById: "c1", status: "DRAFT" })).toBe(false);
    expect(can(editor, "article.edit", { createdById: "c1", status: "DRAFT" })).toBe(true);
  });

  it("lets contributors trash and restore only what they may edit, and read stories under their byline", () => {
    const ownDraft = { createdById: "c1", status: "DRAFT" };
    expect(can(contributor, "article.delete", ownDraft)).toBe(true);
    expect(can(contributor, "article.restore", ownDraft)).toBe(true);
    expect(can(contributor, "article.delete", { createdById: "c1", status: "IN_REVIEW" })).toBe(false);
    expect(can(contributor, "article.delete", { createdById: "someone", status: "DRAFT" })).toBe(false);
    const bylined = { createdById: "someone", status: "DRAFT", bylineUserIds: ["c1"] };
    expect(can(contributor, "article.read", bylined)).toBe(true);
    expect(can(contributor, "article.edit", bylined)).toBe(false);
    expect(can(contributor, "article.preview", bylined)).toBe(false);
    expect(can(contributor, "article.delete", bylined)).toBe(false);
    expect(can(editor, "article.delete", { createdById: "c1", status: "UNPUBLISHED" })).toBe(true);
    expect(can(editor, "article.restore", { createdById: "c1", status: "IN_REVIEW" })).toBe(true);
    expect(can(editor, "article.purge")).toBe(false);
    expect(can(contributor, "article.purge")).toBe(false);
  });

  it("throws 401 without a user and 403 for a role that may not", () => {
    expect(() => assertCan(null, "article.create")).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(() => assertCan(contributor, "article.publish")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("lets contributors post to live coverage only under their byline, and change only their own entries there", () => {
    const story = { createdById: "e1", status: "PUBLISHED" };
    const onByline = { ...story, bylineUserIds: ["c1"] };
    const offByline = { ...story, bylineUserIds: ["someone"] };
    expect(can(contributor, "live.post", onByline)).toBe(true);
    expect(can(contributor, "live.post", offByline)).toBe(false);
    expect(can(contributor, "live.editEntry", { ...onByline, entryCreatedById: "c1" })).toBe(true);
    expect(can(contributor, "live.editEntry", { ...onByline, entryCreatedById: "someone" })).toBe(false);
    expect(can(contributor, "live.editEntry", { ...offByline, entryCreatedById: "c1" })).toBe(false);
    expect(can(contributor, "live.manage", onByline)).toBe(false);
    expect(can(editor, "live.editEntry", { ...offByline, entryCreatedById: "someone" })).toBe(true);
    expect(can(editor, "live.manage")).toBe(true);
  });
});
