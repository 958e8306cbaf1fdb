// Photo details where the editor is, used the way an editor uses them: an upload in the photo
// picker asks for alt text, caption and credit and saves them to the media record; a story whose
// photos lack alt text or a credit is refused at publish with one error whose problems take the
// editor to the place; fixing them in the editor's panels lets the story publish without a reload;
// a credit changed on the media screen in another tab shows in the editor without a reload; and a
// stale edit is refused naming who saved in between.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createArticle } from "@/lib/articles/create-article";
import { saveArticle } from "@/lib/articles/save/save-article";
import { formatCredit } from "@/lib/credits/format";
import { db } from "@/lib/db";
import { createMedia } from "@/lib/media/commands";
import { updateMedia } from "@/lib/media/update-media";
import { currentInput, newRecordId, paragraph } from "../fixtures/article-input";
import { uniqueSuffix } from "../fixtures/accounts";
import { makeImage } from "../fixtures/images";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { ADMIN, EDITOR, nodeCards, signIn, statusBadge, waitUntilSaved } from "./newsroom-session";

const suffix = uniqueSuffix();
const PHOTOGRAPHER = "Mara Lindqvist";
const UPLOAD = { file: `corner-kick-${suffix}.jpg`, altText: `A winger curls a corner kick into the box ${suffix}`, caption: `The corner that led to the winner ${suffix}` };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await signIn(browser, EDITOR));
  errors = collectPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
});

const actorFor = async (email: string) => {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, role: user.role, name: user.name };
};

// A photo with no alt text and no credit, as a hurried upload leaves it.
async function barePhoto(name: string) {
  const bytes = await makeImage({ seed: `editor-photos-${name}-${suffix}`, width: 1200, height: 800, palette: "turf" });
  return createMedia(db, { bytes, originalName: `${name}-${suffix}.jpg` }, { actor: null });
}

// A ready draft (standfirst may be left empty), with a hero, one in-body figure and a pull quote
// without words when asked.
async function draftStory(options: { hero?: string; figure?: string; standfirst?: string; hasEmptyQuote?: boolean }) {
  const actor = await actorFor(EDITOR.email);
  const [section, profile] = await Promise.all([db.section.findFirstOrThrow({ where: { slug: "football" } }), db.bylineProfile.findFirstOrThrow()]);
  const { id } = await createArticle(actor, {});
  const { version, article } = await currentInput(id);
  const captionId = newRecordId();
  const quoteId = newRecordId();
  const figure = options.figure ? [{ type: "figure", attrs: { mediaId: options.figure, captionId } }, paragraph("After the photo.")] : [];
  const quote = options.hasEmptyQuote ? [{ type: "pullQuote", attrs: { quoteId } }, paragraph("After the quote.")] : [];
  await saveArticle(actor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline: `Late corner settles the derby ${suffix}`,
      standfirst: options.standfirst ?? "A header in the last minute.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      hero: options.hero ? { mediaId: options.hero, caption: "The winner." } : null,
      body: { type: "doc", content: [paragraph("The ball came in from the left."), ...quote, ...figure] },
      captions: options.figure ? [{ id: captionId, mediaId: options.figure, text: "In the box." }] : [],
      quotes: options.hasEmptyQuote ? [{ id: quoteId, text: "", speaker: "", speakerDescription: "", context: "" }] : [],
    },
  });
  return id;
}

async function creditOf(mediaId: string): Promise<string> {
  const media = await db.media.findUniqueOrThrow({ where: { id: mediaId }, include: { photographer: true, agency: true } });
  return formatCredit(media)!.full;
}

const heroField = () => page.getByRole("group", { name: "Hero photo" });
const refusal = () => page.getByRole("alert").filter({ hasText: "This story cannot be published yet" });
const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      field: element?.getAttribute("data-photo-field") ?? element?.getAttribute("data-problem-target") ?? null,
      inHero: Boolean(element?.closest("[data-hero-media]")),
      inFigure: Boolean(element?.closest("[data-node=figure]")),
    };
  });

describe("the photo picker", () => {
  it("asks for alt text, caption and credit right after an upload, and saves them to the media record", async () => {
    const folder = path.join(os.tmpdir(), `pressbox-e2e-photos-${suffix}`);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, UPLOAD.file);
    writeFileSync(file, await makeImage({ seed: `editor-photos-upload-${suffix}`, width: 1600, height: 1000, palette: "turf" }));
    const storyId = await draftStory({});
    await page.goto(urlFor(`/newsroom/stories/${storyId}`));
    await heroField().getByRole("button", { name: "Choose a hero photo" }).click();
    const picker = page.getByRole("dialog", { name: "Choose a photo" });
    await picker.getByLabel("Choose photos to upload").setInputFiles(file);

    const step = picker.getByRole("region", { name: "Describe the photo you uploaded" });
    await step.waitFor();
    await expect(focused()).resolves.toMatchObject({ field: "altText" });
    await step.getByLabel(/^Alt text/).fill(UPLOAD.altText);
    await step.getByLabel(/^Default caption/).fill(UPLOAD.caption);
    await step.getByLabel("Photographer").selectOption({ label: PHOTOGRAPHER });
    await screenshot(page, "editor-photos-picker-details");
    await step.getByRole("button", { name: "Save and use photo" }).click();
    await picker.waitFor({ state: "hidden" });

    const media = await db.media.findFirstOrThrow({ where: { originalName: UPLOAD.file }, include: { photographer: true } });
    expect(media).toMatchObject({ altText: UPLOAD.altText, defaultCaption: UPLOAD.caption, version: 2 });
    expect(media.photographer?.name).toBe(PHOTOGRAPHER);
    expect(media.agencyId, "the photographer's agency was picked with them").toBe(media.photographer?.agencyId);
    await expect(heroField().locator("img").getAttribute("alt")).resolves.toBe(UPLOAD.altText);
    await expect(heroField().locator(".node-credit").innerText()).resolves.toBe(`Credit: ${await creditOf(media.id)}`);
    await expect(heroField().getByLabel("Caption in this story").inputValue()).resolves.toBe(UPLOAD.caption);
    await waitUntilSaved(page);
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ heroMediaId: media.id });
  });
});

describe("publishing a story whose photos lack alt text or a credit", () => {
  let storyId: string;
  let hero: { id: string; originalName: string };
  let inBody: { id: string; originalName: string };

  it("is refused with one error, in error style, each problem a link to the place", async () => {
    [hero, inBody] = await Promise.all([barePhoto("hero"), barePhoto("in-body")]);
    storyId = await draftStory({ hero: hero.id, figure: inBody.id, standfirst: "", hasEmptyQuote: true });
    await page.goto(urlFor(`/newsroom/stories/${storyId}`));
    await page.evaluate(() => Object.assign(window, { pressboxNotReloaded: true }));
    await page.getByRole("button", { name: "Publish now" }).click();
    await refusal().waitFor();

    const heroAlt = `Photo "${hero.originalName}" has no alt text.`;
    const heroCredit = `Photo "${hero.originalName}" has no credit.`;
    const bodyAlt = `Photo "${inBody.originalName}" has no alt text.`;
    await expect(refusal().getByRole("listitem").allInnerTexts()).resolves.toEqual(expect.arrayContaining(["The standfirst is missing.", "A pull quote has no words.", heroAlt, heroCredit, bodyAlt]));
    // Once: not also as a success-style status, and each problem named once on the whole screen.
    expect(await page.getByRole("status").filter({ hasText: "cannot be published" }).count()).toBe(0);
    const screenText = await page.locator(".story-editor").innerText();
    for (const problem of [heroAlt, heroCredit, bodyAlt, "This story cannot be published yet"]) expect(screenText.split(problem).length - 1, problem).toBe(1);
    const style = await refusal().evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(style, "the error colours, not the success notice's green").toBe("rgb(251, 236, 235)");
    await expect(statusBadge(page).textContent()).resolves.toBe("draft");
    await screenshot(page, "editor-photos-gate-error");

    await refusal().getByRole("button", { name: heroAlt }).click();
    await expect(focused()).resolves.toEqual({ field: "altText", inHero: true, inFigure: false });
    await refusal().getByRole("button", { name: heroCredit }).click();
    await expect(focused()).resolves.toEqual({ field: null, inHero: true, inFigure: false });
    await expect(page.evaluate(() => document.activeElement?.closest("[data-photo-field]")?.getAttribute("data-photo-field"))).resolves.toBe("credit");
    await refusal().getByRole("button", { name: "The standfirst is missing." }).click();
    await expect(focused()).resolves.toMatchObject({ field: "standfirst" });
    await refusal().getByRole("button", { name: bodyAlt }).click();
    await expect(focused()).resolves.toEqual({ field: "altText", inHero: false, inFigure: true });
    expect(await page.locator(".ProseMirror-selectednode [data-node=figure]").count(), "the figure block is selected").toBe(1);
    await expect(
      page.locator("[data-node=figure] [data-photo-field=altText]").evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }),
    ).resolves.toBe(true);
    // A block with no one field to fix: selected, scrolled to, and the body focused around it.
    await refusal().getByRole("button", { name: "A pull quote has no words." }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("body-editor-content"))).toBe(true);
    expect(await page.locator(".ProseMirror-selectednode [data-node=pullQuote]").count(), "the pull quote is selected").toBe(1);
    expect(await page.locator(".ProseMirror-selectednode [data-node=figure]").count()).toBe(0);
  });

  it("publishes once alt text and credit are fixed in the editor's panels, without a page reload", async () => {
    const heroPanel = heroField().getByRole("form", { name: `Details of ${hero.originalName}` });
    await heroPanel.getByLabel(/^Alt text/).fill("Fans hold up scarves behind the goal.");
    await heroPanel.getByLabel("Photographer").selectOption({ label: PHOTOGRAPHER });
    await heroPanel.getByRole("button", { name: "Save to the media library" }).click();
    await heroPanel.getByRole("status").filter({ hasText: "Saved to the media library." }).waitFor();
    await expect(heroField().locator(".node-credit").innerText()).resolves.toBe(`Credit: ${await creditOf(hero.id)}`);
    expect(await heroField().locator(".node-warning").count(), "the panel's warning went with the fix").toBe(0);

    const figurePanel = nodeCards(page, "figure").getByRole("form", { name: `Details of ${inBody.originalName}` });
    await figurePanel.getByLabel(/^Alt text/).fill("The ball drops into the six-yard box.");
    await figurePanel.getByLabel(/^Credit override/).fill("Club Media");
    await figurePanel.getByRole("button", { name: "Save to the media library" }).click();
    await figurePanel.getByRole("status").filter({ hasText: "Saved to the media library." }).waitFor();
    // The refusal marks the photo problems fixed since.
    await expect(refusal().locator(".problem-fixed").count()).resolves.toBe(4);
    await page.getByLabel("Standfirst").fill("A corner, a header, three points.");
    const quote = nodeCards(page, "pullQuote");
    await quote.getByLabel("Quote", { exact: true }).fill("We never stopped believing.");
    await quote.getByLabel("Speaker").fill("The captain");

    await page.getByRole("button", { name: "Publish now" }).click();
    await page.getByRole("status").filter({ hasText: "Published." }).waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("published");
    expect(await refusal().count()).toBe(0);
    await expect(page.evaluate(() => (window as { pressboxNotReloaded?: boolean }).pressboxNotReloaded)).resolves.toBe(true);
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ status: "PUBLISHED" });
    await expect(db.media.findUniqueOrThrow({ where: { id: inBody.id } })).resolves.toMatchObject({ altText: "The ball drops into the six-yard box.", creditOverride: "Club Media", version: 2 });
  });

  it("shows a credit changed on the media screen in another tab, without a reload", async () => {
    const mediaScreen = await context.newPage();
    await mediaScreen.goto(urlFor(`/newsroom/media/${hero.id}`));
    await mediaScreen.getByLabel(/^Credit override/).fill("Derby Day Pictures");
    await mediaScreen.getByRole("button", { name: "Save picture" }).click();
    await mediaScreen.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    // Switching tabs gives the editor's window focus; headless Chromium keeps every tab focused and
    // sends no event, so the test sends the one a browser sends.
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect.poll(() => heroField().locator(".node-credit").innerText(), { timeout: 10_000 }).toBe("Credit: Derby Day Pictures");
    await expect(
      heroField()
        .getByRole("form", { name: `Details of ${hero.originalName}` })
        .getByLabel(/^Credit override/)
        .inputValue(),
    ).resolves.toBe("Derby Day Pictures");
    await expect(page.evaluate(() => (window as { pressboxNotReloaded?: boolean }).pressboxNotReloaded)).resolves.toBe(true);
    await mediaScreen.close();
  });

  it("refuses a stale edit in the panel with the message naming who saved in between", async () => {
    const heroPanel = heroField().getByRole("form", { name: `Details of ${hero.originalName}` });
    await heroPanel.getByLabel(/^Alt text/).fill("Typed in the editor.");
    const current = await db.media.findUniqueOrThrow({ where: { id: hero.id } });
    await updateMedia(await actorFor(ADMIN.email), {
      id: hero.id,
      version: current.version,
      altText: "Saved by the admin.",
      photographerId: current.photographerId,
      agencyId: current.agencyId,
      creditOverride: current.creditOverride,
    });
    await heroPanel.getByRole("button", { name: "Save to the media library" }).click();
    await expect(heroPanel.getByRole("alert").innerText()).resolves.toMatch(new RegExp(`^${ADMIN.name} changed this picture after you opened it`));
    await expect(db.media.findUniqueOrThrow({ where: { id: hero.id } })).resolves.toMatchObject({ altText: "Saved by the admin." });
    await heroPanel.getByRole("button", { name: "Load the current details" }).click();
    await expect.poll(() => heroPanel.getByLabel(/^Alt text/).inputValue()).toBe("Saved by the admin.");
    expect(errors.filter((error) => !/status of 409/.test(error))).toEqual([]);
  });
});
