// The edition screens as each kind of visitor: anonymous visitors are sent to sign in, a
// contributor gets the "not available" panel and no data, an editor the screens; an unknown
// newsletter or edition is not found. The public archive's pages render a sent edition's stories.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NotAllowed } from "../../components/newsroom/not-allowed";
import { ArchivedEdition } from "../../components/site/newsletter/archived-edition";
import { db } from "../../lib/db";
import { getArchivedEdition } from "../../lib/newsletters/editions/archive";
import { createTestUser, signInAs, TEST_AUTH_SECRET, uniqueSuffix, type FakeRequest, type TestUser } from "../fixtures/accounts";
import EditionsPage from "../../app/(newsroom)/newsroom/newsletters/[newsletterId]/editions/page";
import EditionPage from "../../app/(newsroom)/newsroom/newsletters/[newsletterId]/editions/[editionId]/page";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers() }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const run = uniqueSuffix();
let editor: TestUser;
let contributor: TestUser;
const t = { newsletterId: "", editionId: "", slug: `screens-${run}` };

const list = (newsletterId = t.newsletterId) => EditionsPage({ params: Promise.resolve({ newsletterId }) });
const editorPage = (editionId = t.editionId) => EditionPage({ params: Promise.resolve({ newsletterId: t.newsletterId, editionId }), searchParams: Promise.resolve({}) });

async function digestOf(render: () => Promise<unknown>): Promise<string> {
  return render().then(
    () => "",
    (reason: { digest?: string }) => reason.digest ?? String(reason),
  );
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  [editor, contributor] = await Promise.all([createTestUser("EDITOR"), createTestUser("CONTRIBUTOR")]);
  const section = await db.section.findFirst({ select: { id: true, slug: true } }).then((row) => row ?? db.section.create({ data: { name: `S ${run}`, slug: `s-${run}` }, select: { id: true, slug: true } }));
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Body." }] }] };
  const story = await db.article.create({ data: { slug: `screens-${run}`, headline: `Screens story ${run}`, sectionId: section.id, body, bodyText: "Body.", status: "PUBLISHED", publishedAt: new Date() } });
  const newsletter = await db.newsletter.create({ data: { slug: t.slug, name: `Screens ${run}`, senderName: "Desk", senderAddress: "desk@pressbox.test", consentText: "Yes." } });
  t.newsletterId = newsletter.id;
  const edition = await db.edition.create({
    data: {
      newsletterId: newsletter.id,
      status: "SENT",
      subject: `Sent ${run}`,
      intro: "First paragraph.\n\nSecond <i>paragraph</i>.",
      scheduledFor: new Date(),
      sentAt: new Date(),
      items: { create: [{ articleId: story.id, position: 0, heading: "Lead" }] },
    },
  });
  t.editionId = edition.id;
});

describe("the edition screens", () => {
  it("send anonymous visitors to sign in", async () => {
    await signInAs(request, null);
    expect(await digestOf(() => list())).toMatch(/^NEXT_REDIRECT;.*\/sign-in\?callbackUrl=%2Fnewsroom%2Fnewsletters/);
    expect(await digestOf(() => editorPage())).toMatch(/^NEXT_REDIRECT;.*\/sign-in/);
  });

  it("show a contributor the not-available panel", async () => {
    await signInAs(request, contributor);
    expect((await list()).type).toBe(NotAllowed);
    expect((await editorPage()).type).toBe(NotAllowed);
  });

  it("show an editor the screens, and not found for unknown or junk ids", async () => {
    await signInAs(request, editor);
    expect((await list()).type).not.toBe(NotAllowed);
    expect((await editorPage()).type).not.toBe(NotAllowed);
    expect(await digestOf(() => list("ckunknownunknownunknown1"))).toContain("404");
    expect(await digestOf(() => editorPage("not an id"))).toContain("404");
  });
});

describe("the archived edition page", () => {
  it("shows the stories with their links and the introduction as text, with no personal links", async () => {
    const edition = await getArchivedEdition(t.slug, t.editionId);
    expect(edition).not.toBeNull();
    const html = renderToStaticMarkup(createElement(ArchivedEdition, { edition: edition! }));
    expect(html).toContain(`<a href="/${edition!.stories[0].path.split("/")[1]}/screens-${run}">Screens story ${run}</a>`);
    expect(html).toContain("Second &lt;i&gt;paragraph&lt;/i&gt;.");
    expect(html).not.toMatch(/unsubscribe|preferences|token=/i);
  });
});
