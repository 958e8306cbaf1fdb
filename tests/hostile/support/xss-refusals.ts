// Hostile targets and structures the write path must refuse: link marks with script URLs (in the
// story body and in a sidebar), teasers naming hostile or unpublished story ids, smuggled
// attributes and node types, and script URLs as a byline's social links. Each attempt goes
// through the same lib/ call the newsroom's server action makes, wrapped in runAction (what the
// action returns: { ok: false, status }). A refusal must be a 4xx; an attempt the server accepts
// is kept, so the public page shows what became of it (the renderer checks links again).
import { runAction } from "../../../lib/action-result";
import { createArticle } from "../../../lib/articles/create-article";
import { saveArticle } from "../../../lib/articles/save/save-article";
import { publishArticle } from "../../../lib/articles/workflow";
import { createBylineProfile } from "../../../lib/bylines/commands";
import { createSection } from "../../../lib/sections/commands";
import type { Actor } from "../../../lib/permissions";
import type { BodyNode } from "../../../lib/editor/types";
import { currentInput, newRecordId } from "../../fixtures/article-input";
import { doc, paragraph, relatedStory } from "../../fixtures/story-body";
import { HOSTILE_ARTICLE_IDS, HOSTILE_HREFS } from "./xss-corpus";

// reason: what the refusal's message must name, so an attempt refused for some other fault
// (a missing record, say) does not pass for one refused for its hostile part.
export type Attempt = { what: string; status: number | "accepted"; message?: string; isForReason?: boolean };

async function attempt(what: string, reason: RegExp, work: () => Promise<unknown>): Promise<Attempt> {
  const result = await runAction(work);
  if (result.ok) return { what, status: "accepted" };
  return { what, status: result.status, message: result.message.slice(0, 300), isForReason: reason.test(result.message) };
}

// One save of the probe story with `body` (and optionally a sidebar whose body is `sidebarBody`).
async function saveProbe(actor: Actor, articleId: string, body: BodyNode, sidebarBody?: BodyNode) {
  const { version, article } = await currentInput(articleId);
  const sidebarId = newRecordId();
  const content = sidebarBody ? [...(body.content ?? []), { type: "sidebar", attrs: { sidebarId } }] : body.content;
  const sidebars = sidebarBody ? [{ id: sidebarId, heading: "Probe sidebar", body: sidebarBody }] : [];
  return saveArticle(actor, { articleId, expectedVersion: version, article: { ...article, body: { type: "doc", content }, quotes: [], captions: [], sidebars } });
}

const linkText = (href: unknown): BodyNode => ({ type: "text", text: "Probe link", marks: [{ type: "link", attrs: { href } }] });
const linkDoc = (...hrefs: unknown[]) => doc(...hrefs.map((href) => paragraph("Probe: ", linkText(href))));

// Bodies that try to smuggle markup past the schema rather than through a URL; the records they
// name exist, so the smuggled part is the only fault.
const smuggled = (ids: { mediaId: string; storyId: string }): [string, BodyNode][] => [
  ["link mark with an onclick attribute", doc(paragraph({ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "https://example.com/", onclick: "alert(1)" } }] }))],
  ["paragraph with an onmouseover attribute", doc({ type: "paragraph", attrs: { onmouseover: "alert(1)" }, content: [{ type: "text", text: "x" }] })],
  ["paragraph with a style attribute", doc({ type: "paragraph", attrs: { style: "background:url(javascript:alert(1))" }, content: [{ type: "text", text: "x" }] })],
  ["script node", doc({ type: "script", content: [{ type: "text", text: "alert(1)" }] })],
  ["iframe node", doc({ type: "iframe", attrs: { src: "javascript:alert(1)" } })],
  ["html node", doc({ type: "html", attrs: { html: "<img src=x onerror=alert(1)>" } })],
  ["unknown mark", doc(paragraph({ type: "text", text: "x", marks: [{ type: "script" }] }))],
  ["figure with a src attribute", doc({ type: "figure", attrs: { mediaId: ids.mediaId, src: "javascript:alert(1)" } })],
  ["teaser label as an object", doc(relatedStory(ids.storyId, { toString: "alert(1)" } as unknown as string))],
  ["heading level 1", doc({ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "<h1>" }] })],
];
const SMUGGLING_REFUSED = /has no attribute|unknown node|unknown mark|must be a plain value|must be text|heading level/;

export type RefusalReport = { attempts: Attempt[]; acceptedHrefs: string[] };

// A draft with everything publishing asks for, to try hostile saves on.
async function createProbeStory(actor: Actor, slug: string, refs: { sectionId: string; profileId: string }): Promise<string> {
  const { id, version } = await createArticle(actor, {});
  const article = { slug, sectionId: refs.sectionId, headline: `Probe ${slug}`, standfirst: "A story the hostile saves are tried on.", bylines: [{ profileId: refs.profileId }], body: doc(paragraph("Probe.")) };
  await saveArticle(actor, { articleId: id, expectedVersion: version, article });
  return id;
}

export const PROBE_SECTION = "xss-probes";
export type ProbeStories = { probeId: string; draftId: string; pastedId: string };

// Three drafts in a section and under a byline of their own, away from the plan's pages: the probe
// (hostile saves), a draft whose teaser points at the unpublished probe, and one to paste into.
export async function createProbeStories(actor: Actor): Promise<ProbeStories> {
  const sectionId = (await createSection(actor, { name: "Probes", slug: PROBE_SECTION })).id;
  const profileId = (await createBylineProfile(actor, { name: "Probe Writer", slug: "xss-probe-writer" })).id;
  const refs = { sectionId, profileId };
  return { probeId: await createProbeStory(actor, "xss-probe", refs), draftId: await createProbeStory(actor, "xss-draft", refs), pastedId: await createProbeStory(actor, "xss-pasted", refs) };
}

// The probe story must be a publishable draft; `ids` name an existing picture and published story.
// Every link target the server accepted (none should be) is saved into the probe at the end, and
// it is published, so its page shows what became of them.
export async function attemptHostileWrites(actor: Actor, probeId: string, draftId: string, ids: { mediaId: string; storyId: string }): Promise<RefusalReport> {
  const attempts: Attempt[] = [];
  const accepted: string[] = [];
  for (const href of HOSTILE_HREFS) {
    const name = JSON.stringify(href).slice(0, 60);
    const tries = [
      await attempt(`body link ${name}`, /link target/, () => saveProbe(actor, probeId, linkDoc(href))),
      await attempt(`sidebar link ${name}`, /link target/, () => saveProbe(actor, probeId, doc(paragraph("Probe.")), linkDoc(href))),
    ];
    attempts.push(...tries);
    if (tries.some((t) => t.status === "accepted")) accepted.push(href);
  }
  for (const id of HOSTILE_ARTICLE_IDS) {
    const body = doc({ type: "relatedStory", attrs: { articleId: id, label: "Related" } });
    attempts.push(await attempt(`teaser to ${JSON.stringify(id)}`, /articleId|related story .* does not exist/, () => saveProbe(actor, probeId, body)));
  }
  attempts.push(await attempt("teaser to itself", /link to itself/, () => saveProbe(actor, probeId, doc(relatedStory(probeId, "Me")))));
  for (const [what, body] of smuggled(ids)) attempts.push(await attempt(what, SMUGGLING_REFUSED, () => saveProbe(actor, probeId, body)));
  attempts.push(await attempt("publishing a teaser to an unpublished story", /is not published/, () => publishWithTeaserTo(actor, draftId, probeId)));
  for (const url of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/x"]) {
    const slug = `xss-social-${attempts.length}`;
    attempts.push(await attempt(`social link ${url}`, /socialLinks/, () => createBylineProfile(actor, { name: "Social probe", slug, socialLinks: [{ label: "Me", url }] })));
  }
  await saveProbe(actor, probeId, accepted.length ? linkDoc(...accepted) : doc(paragraph("Probe.")), accepted.length ? linkDoc(...accepted) : undefined);
  await publishArticle(actor, { articleId: probeId, expectedVersion: (await currentInput(probeId)).version });
  return { attempts, acceptedHrefs: await storedHrefs(probeId) };
}

// The teaser is saved (a draft may point anywhere real), but publishing must refuse it.
async function publishWithTeaserTo(actor: Actor, storyId: string, targetId: string) {
  await saveProbe(actor, storyId, doc(relatedStory(targetId, "Related")));
  const { version } = await currentInput(storyId);
  return publishArticle(actor, { articleId: storyId, expectedVersion: version });
}

// Link targets stored in the probe story after everything accepted was saved into it.
async function storedHrefs(probeId: string): Promise<string[]> {
  const { article } = await currentInput(probeId);
  const hrefs: string[] = [];
  const visit = (node: BodyNode) => {
    for (const mark of node.marks ?? []) if (mark.type === "link") hrefs.push(String(mark.attrs?.href));
    node.content?.forEach(visit);
  };
  visit(article.body as BodyNode);
  for (const sidebar of article.sidebars) visit(sidebar.body as BodyNode);
  return hrefs;
}
