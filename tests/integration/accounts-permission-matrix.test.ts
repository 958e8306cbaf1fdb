// Every server action of the admin screens, called as anonymous, contributor, editor and admin:
// allowed calls succeed; the others get 401/403 and leave the database exactly as it was.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "../../lib/action-result";
import { db } from "../../lib/db";
import type { Role } from "../../lib/permissions";
import { createTestUser, sessionTokenFor, TEST_AUTH_SECRET, uniqueSuffix, type FakeRequest } from "../fixtures/accounts";
import { itChecksEveryCaller, noCallers, signUpCallers } from "../support/permission-matrix";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import * as userActions from "../../app/(newsroom)/newsroom/admin/users/actions";
import * as bylineActions from "../../app/(newsroom)/newsroom/admin/bylines/actions";
import * as creditActions from "../../app/(newsroom)/newsroom/admin/credits/actions";
import * as sectionActions from "../../app/(newsroom)/newsroom/admin/sections/actions";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.23" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

type Fields = Record<string, string>;
type Case = { action: (state: null, form: FormData) => Promise<ActionResult<unknown>>; allowed: readonly Role[]; fields: () => Promise<Fields> };

const ADMINS_ONLY = ["ADMIN"] as const;

const targetUser = async () => {
  const user = await createTestUser("CONTRIBUTOR");
  return { id: user.id, version: "1" };
};
const agency = () => db.agency.create({ data: { name: `Matrix Agency ${uniqueSuffix()}`, shortCredit: "MA", creditFormat: "Photo by {photographer}/{agency}" } });
const profile = () => db.bylineProfile.create({ data: { name: "Matrix Writer", slug: `matrix-writer-${uniqueSuffix()}` } });
const tag = () => db.tag.create({ data: { name: `Matrix ${uniqueSuffix()}`, slug: `matrix-${uniqueSuffix()}` } });

const CASES: Record<string, Case> = {
  createUser: {
    action: userActions.createUserAction,
    allowed: ADMINS_ONLY,
    fields: async () => ({ name: "New Person", email: `new-${uniqueSuffix()}@test.pressbox`, role: "EDITOR", password: "a-long-enough-password" }),
  },
  updateUser: { action: userActions.updateUserAction, allowed: ADMINS_ONLY, fields: async () => ({ ...(await targetUser()), name: "Renamed Person", email: `renamed-${uniqueSuffix()}@test.pressbox` }) },
  changeUserRole: { action: userActions.changeUserRoleAction, allowed: ADMINS_ONLY, fields: async () => ({ ...(await targetUser()), role: "EDITOR" }) },
  setUserDisabled: { action: userActions.setUserDisabledAction, allowed: ADMINS_ONLY, fields: async () => ({ ...(await targetUser()), isDisabled: "true" }) },
  resetUserPassword: { action: userActions.resetUserPasswordAction, allowed: ADMINS_ONLY, fields: async () => ({ ...(await targetUser()), password: "another-long-password" }) },
  signOutEverywhere: {
    action: userActions.signOutEverywhereAction,
    allowed: ADMINS_ONLY,
    fields: async () => {
      const user = await targetUser();
      await sessionTokenFor(user.id);
      return { userId: user.id };
    },
  },
  createByline: { action: bylineActions.createBylineAction, allowed: ADMINS_ONLY, fields: async () => ({ name: `Freelance ${uniqueSuffix()}`, jobTitle: "Freelance" }) },
  updateByline: {
    action: bylineActions.updateBylineAction,
    allowed: ADMINS_ONLY,
    fields: async () => {
      const p = await profile();
      return { id: p.id, version: "1", name: "Matrix Writer Renamed", slug: "", bio: "Bio" };
    },
  },
  mergeBylines: {
    action: bylineActions.mergeBylinesAction,
    allowed: ADMINS_ONLY,
    fields: async () => {
      const [a, b] = [await profile(), await profile()];
      return { sourceId: a.id, sourceVersion: "1", target: `${b.id}:1` };
    },
  },
  createAgency: { action: creditActions.createAgencyAction, allowed: ADMINS_ONLY, fields: async () => ({ name: `New Agency ${uniqueSuffix()}`, shortCredit: "NA", creditFormat: "{agency}/{photographer}" }) },
  updateAgency: {
    action: creditActions.updateAgencyAction,
    allowed: ADMINS_ONLY,
    fields: async () => {
      const a = await agency();
      return { id: a.id, version: "1", name: a.name, shortCredit: "MA", creditFormat: "MATRIX/{photographer}" };
    },
  },
  updateAgencyWireRules: {
    action: creditActions.updateAgencyWireRulesAction,
    allowed: ADMINS_ONLY,
    fields: async () => ({ id: (await agency()).id, version: "1", wireAutoDraft: "on" }),
  },
  generatePushSecret: { action: creditActions.generatePushSecretAction, allowed: ADMINS_ONLY, fields: async () => ({ id: (await agency()).id, version: "1" }) },
  revokePushSecret: {
    action: creditActions.revokePushSecretAction,
    allowed: ADMINS_ONLY,
    fields: async () => {
      const a = await db.agency.create({
        data: { name: `Matrix Push Agency ${uniqueSuffix()}`, shortCredit: "MP", creditFormat: "{agency}", pushSecret: `matrix-${uniqueSuffix()}`, pushSecretSetAt: new Date() },
      });
      return { id: a.id, version: "1" };
    },
  },
  createPhotographer: { action: creditActions.createPhotographerAction, allowed: ADMINS_ONLY, fields: async () => ({ name: "New Photographer", agencyId: "" }) },
  updatePhotographer: {
    action: creditActions.updatePhotographerAction,
    allowed: ADMINS_ONLY,
    fields: async () => {
      const p = await db.photographer.create({ data: { name: "Matrix Photographer" } });
      return { id: p.id, version: "1", name: "Matrix Photographer Renamed", agencyId: "" };
    },
  },
  createSection: { action: sectionActions.createSectionAction, allowed: ADMINS_ONLY, fields: async () => ({ name: `Matrix Section ${uniqueSuffix()}`, description: "" }) },
  updateSection: {
    action: sectionActions.updateSectionAction,
    allowed: ADMINS_ONLY,
    fields: async () => {
      const s = await db.section.create({ data: { name: `Matrix S ${uniqueSuffix()}`, slug: `matrix-s-${uniqueSuffix()}` } });
      return { id: s.id, version: "1", name: `${s.name} renamed`, slug: `${s.slug}-renamed`, description: "" };
    },
  },
  createTag: { action: sectionActions.createTagAction, allowed: ADMINS_ONLY, fields: async () => ({ name: `Matrix new ${uniqueSuffix()}` }) },
  renameTag: {
    action: sectionActions.renameTagAction,
    allowed: ADMINS_ONLY,
    fields: async () => {
      const t = await tag();
      return { id: t.id, version: "1", name: `Matrix renamed ${uniqueSuffix()}` };
    },
  },
  mergeTags: {
    action: sectionActions.mergeTagsAction,
    allowed: ADMINS_ONLY,
    fields: async () => {
      const [a, b] = [await tag(), await tag()];
      return { sourceId: a.id, sourceVersion: "1", target: `${b.id}:1` };
    },
  },
};

// Every row an admin action could touch, in a stable order.
async function snapshot() {
  const byId = { orderBy: { id: "asc" as const } };
  return Promise.all([
    db.user.findMany(byId),
    db.userSession.findMany(byId),
    db.bylineProfile.findMany(byId),
    db.agency.findMany(byId),
    db.photographer.findMany(byId),
    db.section.findMany(byId),
    db.tag.findMany(byId),
    db.redirect.findMany(byId),
    db.auditEntry.findMany(byId),
    db.articleByline.findMany(byId),
    db.articleTag.findMany({ orderBy: [{ articleId: "asc" }, { tagId: "asc" }] }),
  ]);
}

const callers = noCallers();

function formOf(fields: Fields): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  await ensureDemoNewsroom();
  await signUpCallers(callers);
});

describe("the admin screens' permission matrix", () => {
  it("covers every exported server action", () => {
    const exported = [userActions, bylineActions, creditActions, sectionActions].flatMap((module) => Object.values(module));
    expect(new Set(Object.values(CASES).map((c) => c.action))).toEqual(new Set(exported));
  });

  const rows = Object.entries(CASES).map(([name, c]) => [name, { allowed: c.allowed, prepare: async () => formOf(await c.fields()), call: (form: FormData) => c.action(null, form) }]);
  itChecksEveryCaller(Object.fromEntries(rows), { request, callers, snapshot });
});
