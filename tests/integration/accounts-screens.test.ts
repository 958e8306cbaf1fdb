// The staff screens, rendered on the server as each kind of visitor: anonymous visitors are sent
// to sign in, roles without the permission get the "not available" panel and no data.
import type { ReactElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NotAllowed } from "../../components/newsroom/not-allowed";
import { db } from "../../lib/db";
import type { Role } from "../../lib/permissions";
import { createTestUser, signInAs, TEST_AUTH_SECRET, type FakeRequest, type TestUser } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import NewsroomLayout from "../../app/(newsroom)/newsroom/layout";
import UsersPage from "../../app/(newsroom)/newsroom/admin/users/page";
import UserPage from "../../app/(newsroom)/newsroom/admin/users/[id]/page";
import BylinesPage from "../../app/(newsroom)/newsroom/admin/bylines/page";
import BylinePage from "../../app/(newsroom)/newsroom/admin/bylines/[id]/page";
import CreditsPage from "../../app/(newsroom)/newsroom/admin/credits/page";
import AgencyPage from "../../app/(newsroom)/newsroom/admin/credits/agencies/[id]/page";
import SectionsPage from "../../app/(newsroom)/newsroom/admin/sections/page";
import TagPage from "../../app/(newsroom)/newsroom/admin/sections/tags/[id]/page";
import AuditPage from "../../app/(newsroom)/newsroom/admin/audit/page";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers() }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const users: Partial<Record<Role, TestUser>> = {};
let screens: Record<string, () => Promise<ReactElement>>;

const params = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  await ensureDemoNewsroom();
  for (const role of ["CONTRIBUTOR", "EDITOR", "ADMIN"] as const) users[role] = await createTestUser(role);
  const [profile, agency, tag] = await Promise.all([db.bylineProfile.findFirstOrThrow(), db.agency.findFirstOrThrow(), db.tag.findFirstOrThrow()]);
  screens = {
    users: () => UsersPage(),
    user: () => UserPage(params(users.CONTRIBUTOR!.id)),
    bylines: () => BylinesPage(),
    byline: () => BylinePage(params(profile.id)),
    credits: () => CreditsPage(),
    agency: () => AgencyPage(params(agency.id)),
    sections: () => SectionsPage(),
    tag: () => TagPage(params(tag.id)),
    audit: () => AuditPage({ searchParams: Promise.resolve({ action: "auth.", page: "nonsense" }) }),
  };
});

async function redirectOf(render: () => Promise<unknown>): Promise<string> {
  const error = await render().then(
    () => null,
    (reason: { digest?: string }) => reason,
  );
  return error?.digest ?? "";
}

describe("admin screens", () => {
  it("send anonymous visitors to sign in, back to where they were going", async () => {
    await signInAs(request, null);
    for (const render of Object.values(screens)) expect(await redirectOf(render)).toMatch(/^NEXT_REDIRECT;.*\/sign-in\?callbackUrl=%2Fnewsroom%2Fadmin/);
  });

  for (const role of ["CONTRIBUTOR", "EDITOR"] as const) {
    it(`show a ${role.toLowerCase()} the "not available" panel on every admin screen`, async () => {
      await signInAs(request, users[role]!);
      for (const [name, render] of Object.entries(screens)) expect([name, (await render()).type]).toEqual([name, NotAllowed]);
    });
  }

  it("show an admin every screen", async () => {
    await signInAs(request, users.ADMIN!);
    for (const [name, render] of Object.entries(screens)) expect([name, (await render()).type === NotAllowed]).toEqual([name, false]);
  });
});

describe("the staff area's layout", () => {
  it("sends anonymous and disabled users to sign in", async () => {
    const children = null;
    await signInAs(request, null);
    expect(await redirectOf(() => NewsroomLayout({ children }))).toContain("/sign-in");
    const disabled = await createTestUser("EDITOR");
    await signInAs(request, disabled);
    await db.user.update({ where: { id: disabled.id }, data: { isDisabled: true } });
    expect(await redirectOf(() => NewsroomLayout({ children }))).toContain("/sign-in");
  });

  it("lists only the screens the role may use", async () => {
    await signInAs(request, users.EDITOR!);
    const shell = (await NewsroomLayout({ children: null })) as ReactElement<{ items: { label: string }[] }>;
    expect(shell.props.items.map((item) => item.label)).toEqual(["Stories", "Media", "Wire", "Sports data", "Newsletters"]);
    await signInAs(request, users.ADMIN!);
    const adminShell = (await NewsroomLayout({ children: null })) as ReactElement<{ items: { label: string }[] }>;
    expect(adminShell.props.items.map((item) => item.label)).toContain("Audit log");
  });
});
