// The newsletter screens, rendered on the server as each kind of visitor: the list is the desk's
// (editors reach editions from it), settings and subscribers are for admins; the list says when
// email is not configured.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { NotAllowed } from "../../components/newsroom/not-allowed";
import { db } from "../../lib/db";
import type { Role } from "../../lib/permissions";
import { createTestUser, signInAs, TEST_AUTH_SECRET, type FakeRequest, type TestUser } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import NewslettersPage from "../../app/(newsroom)/newsroom/newsletters/page";
import NewNewsletterPage from "../../app/(newsroom)/newsroom/newsletters/new/page";
import SettingsPage from "../../app/(newsroom)/newsroom/newsletters/[newsletterId]/settings/page";
import SubscribersPage from "../../app/(newsroom)/newsroom/newsletters/[newsletterId]/subscribers/page";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers() }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const users: Partial<Record<Role, TestUser>> = {};
let mainId: string;
const NOT_CONFIGURED = "Email is not configured: set SMTP_URL. Sign-ups are recorded as pending; nothing is sent.";

const screens = () => ({
  list: () => NewslettersPage(),
  new: () => NewNewsletterPage(),
  settings: () => SettingsPage({ params: Promise.resolve({ newsletterId: mainId }) }),
  subscribers: () => SubscribersPage({ params: Promise.resolve({ newsletterId: mainId }), searchParams: Promise.resolve({ q: "", status: "BOGUS", page: "nonsense" }) }),
});

async function digestOf(render: () => Promise<unknown>): Promise<string> {
  return render().then(
    () => "",
    (reason: { digest?: string }) => reason.digest ?? String(reason),
  );
}

const listHtml = async () => renderToStaticMarkup((await NewslettersPage()) as ReactElement);

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  await ensureDemoNewsroom();
  for (const role of ["CONTRIBUTOR", "EDITOR", "ADMIN"] as const) users[role] = await createTestUser(role);
  mainId = (await db.newsletter.findFirstOrThrow({ where: { slug: "morning-briefing" } })).id;
});

afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("newsletter screens", () => {
  it("send anonymous visitors to sign in", async () => {
    await signInAs(request, null);
    for (const render of Object.values(screens())) expect(await digestOf(render)).toMatch(/^NEXT_REDIRECT;.*\/sign-in\?callbackUrl=%2Fnewsroom%2Fnewsletters/);
  });

  it("show contributors the panel everywhere, and editors the list only", async () => {
    await signInAs(request, users.CONTRIBUTOR!);
    for (const [name, render] of Object.entries(screens())) expect([name, (await render()).type]).toEqual([name, NotAllowed]);
    await signInAs(request, users.EDITOR!);
    const { list, ...adminOnly } = screens();
    for (const [name, render] of Object.entries(adminOnly)) expect([name, (await render()).type]).toEqual([name, NotAllowed]);
    expect((await list()).type).not.toBe(NotAllowed);
    const html = await listHtml();
    expect(html).toContain(`href="/newsroom/newsletters/${mainId}/editions"`);
    expect(html).not.toContain("/settings");
    expect(html).not.toContain("/subscribers");
    expect(html).not.toContain("New newsletter");
  });

  it("show admins the list with counts, links and the email warning, and every screen", async () => {
    await signInAs(request, users.ADMIN!);
    const html = await listHtml();
    expect(html).toContain("Morning briefing");
    expect(html).toContain("Daily at 06:30");
    expect(html).toContain(`href="/newsroom/newsletters/${mainId}/settings"`);
    expect(html).toContain(`href="/newsroom/newsletters/${mainId}/subscribers"`);
    expect(html).toContain('href="/newsroom/newsletters/new"');
    expect(html).toContain(NOT_CONFIGURED);
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    expect(await listHtml()).not.toContain("Email is not configured");
    for (const [name, render] of Object.entries(screens())) expect([name, (await render()).type === NotAllowed]).toEqual([name, false]);
  });

  it("answer 404 for a newsletter that does not exist", async () => {
    await signInAs(request, users.ADMIN!);
    const missing = { params: Promise.resolve({ newsletterId: "cmnotanewsletter000000000" }) };
    expect(await digestOf(() => SettingsPage(missing))).toMatch(/404/);
    expect(await digestOf(() => SubscribersPage({ ...missing, searchParams: Promise.resolve({}) }))).toMatch(/404/);
  });
});
