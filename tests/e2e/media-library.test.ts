// The media library as a person uses it: an editor uploads a photo made in the test, fills its alt
// text and credit, sets its focal point, uses it as a story's hero through the editor's picker,
// publishes, and sees the credit on the public page; when the photo's rights expire, the page shows
// a neutral placeholder without credit and the story list flags the story.
import { writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createArticle } from "@/lib/articles/create-article";
import { saveArticle } from "@/lib/articles/save/save-article";
import { formatCredit } from "@/lib/credits/format";
import { db } from "@/lib/db";
import { withdrawExpiredMedia } from "@/lib/media/rights/rights-expiry";
import { currentInput, paragraph } from "../fixtures/article-input";
import { uniqueSuffix } from "../fixtures/accounts";
import { makeImage } from "../fixtures/images";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { EDITOR, pickPhoto, signIn, statusBadge, waitUntilSaved } from "./newsroom-session";
import { notifyServer } from "./reader-support";

const suffix = uniqueSuffix();
const PHOTO = { file: `finish-line-${suffix}.jpg`, altText: `A sprinter dips at the finish line ${suffix}`, caption: `The photo finish ${suffix}`, photographer: "Mara Lindqvist" };

let browser: Browser;
let page: Page;
let errors: string[];
let photoPath: string;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await signIn(browser, EDITOR));
  errors = collectPageErrors(page);
  const folder = path.join(os.tmpdir(), `pressbox-e2e-${suffix}`);
  mkdirSync(folder, { recursive: true });
  photoPath = path.join(folder, PHOTO.file);
  writeFileSync(photoPath, await makeImage({ seed: `e2e-${suffix}`, width: 2400, height: 1600, palette: "track" }));
});

afterAll(async () => {
  await browser?.close();
});

// A ready draft (headline, standfirst, section, byline) made through lib/, without a hero yet.
async function draftStory(title = "Photo finish decides the 100 metres"): Promise<{ id: string; slug: string; headline: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { email: EDITOR.email } });
  const actor = { id: user.id, role: user.role, name: user.name };
  const [section, profile] = await Promise.all([db.section.findFirstOrThrow({ where: { slug: "football" } }), db.bylineProfile.findFirstOrThrow()]);
  const { id } = await createArticle(actor, {});
  const { version, article } = await currentInput(id);
  const headline = `${title} ${suffix}`;
  await saveArticle(actor, {
    articleId: id,
    expectedVersion: version,
    article: {
      ...article,
      headline,
      standfirst: "Two sprinters, one hundredth apart.",
      sectionId: section.id,
      bylines: [{ profileId: profile.id, role: "REPORTER" }],
      body: { type: "doc", content: [paragraph("The camera had the last word.")] },
    },
  });
  const { slug } = await db.article.findUniqueOrThrow({ where: { id }, select: { slug: true } });
  return { id, slug, headline };
}

describe("the media library", () => {
  let storyPath: string;
  let story: { id: string; slug: string; headline: string };

  it("uploads a photo with progress, and lists it with what it still needs", async () => {
    await page.goto(urlFor("/newsroom/media"));
    await page.getByLabel("Choose photos to upload").setInputFiles(photoPath);
    const item = page.locator(".upload-item").filter({ hasText: PHOTO.file });
    await item.getByRole("status").filter({ hasText: "Added." }).waitFor();
    await expect(item.innerText()).resolves.toMatch(/Needs: no alt text, no credit/);
    await screenshot(page, "media-library-uploaded");
    await item.getByRole("link", { name: "Edit details" }).click();
    await page.waitForURL(/\/newsroom\/media\/[a-z0-9]+$/);
  });

  it("fills alt text, caption and credit (photographer from the list), sets the focal point and saves", async () => {
    await page.getByLabel(/^Alt text/).fill(PHOTO.altText);
    await page.getByLabel(/^Default caption/).fill(PHOTO.caption);
    await page.getByLabel("Photographer").selectOption({ label: PHOTO.photographer });
    const picker = page.locator(".focal-picker");
    const box = (await picker.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.getByRole("button", { name: "Save picture" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    const media = await db.media.findFirstOrThrow({ where: { altText: PHOTO.altText }, include: { photographer: true, agency: true } });
    expect(media.photographer?.name).toBe(PHOTO.photographer);
    expect(media.agencyId, "the photographer's agency was picked with them").toBe(media.photographer?.agencyId);
    expect([media.focalX, media.focalY].map((v) => Math.round(v * 10) / 10)).toEqual([0.3, 0.6]);
    await page.reload();
    await expect(page.locator(".credit-line").innerText()).resolves.toContain(formatCredit(media)!.full);
    await screenshot(page, "media-library-detail-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "media-library-detail-390");
    await page.goto(urlFor(`/newsroom/media?q=${encodeURIComponent(suffix)}`));
    await expect(page.locator(".media-tile").count()).resolves.toBe(1);
    await screenshot(page, "media-library-grid-390");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("is picked as a story's hero in the editor, and the public page credits it", async () => {
    story = await draftStory();
    await page.goto(urlFor(`/newsroom/stories/${story.id}`));
    const heroField = page.getByRole("group", { name: "Hero photo" });
    await pickPhoto(page, heroField.getByRole("button", { name: "Choose a hero photo" }), suffix, PHOTO.altText);
    await waitUntilSaved(page);
    await page.getByRole("button", { name: "Publish now" }).click();
    await page.getByRole("status").filter({ hasText: "Published." }).waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("published");
    const media = await db.media.findFirstOrThrow({ where: { altText: PHOTO.altText }, include: { photographer: true, agency: true } });
    const credit = formatCredit(media)!;
    storyPath = `/football/${story.slug}`;
    const reader = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await reader.goto(urlFor(storyPath));
    const hero = reader.locator("article > figure").first();
    await expect(hero.locator("img").getAttribute("alt")).resolves.toBe(PHOTO.altText);
    await expect(hero.locator("figcaption .credit-short").innerText()).resolves.toBe(credit.short);
    await expect(hero.locator("figcaption .credit-full").innerText()).resolves.toBe(credit.full);
    await expect(hero.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    await screenshot(reader, "media-library-public-credit");
    await reader.close();
  });

  it("uploads a photo in place from the editor's picker and picks it", async () => {
    const other = await draftStory("Groundsman rescues the pitch");
    const inPicker = path.join(path.dirname(photoPath), `picker-${suffix}.png`);
    writeFileSync(inPicker, await makeImage({ seed: `e2e-picker-${suffix}`, width: 1200, height: 800, format: "png", palette: "turf" }));
    await page.goto(urlFor(`/newsroom/stories/${other.id}`));
    await page.getByRole("group", { name: "Hero photo" }).getByRole("button", { name: "Choose a hero photo" }).click();
    const picker = page.getByRole("dialog", { name: "Choose a photo" });
    await picker.getByLabel("Choose photos to upload").setInputFiles(inPicker);
    // Right after the upload the picker asks for its details; this test skips them.
    await picker.getByRole("button", { name: "Skip for now" }).click();
    await picker.getByRole("status").filter({ hasText: "Added." }).waitFor();
    await screenshot(page, "media-library-picker-upload");
    const uploaded = await db.media.findFirstOrThrow({ where: { originalName: `picker-${suffix}.png` } });
    await picker.locator(".media-picker-grid button").first().click();
    await picker.waitFor({ state: "hidden" });
    await waitUntilSaved(page);
    await expect(db.article.findUniqueOrThrow({ where: { id: other.id } })).resolves.toMatchObject({ heroMediaId: uploaded.id });
  });

  it("refuses to delete the photo while the story uses it, naming the story", async () => {
    const media = await db.media.findFirstOrThrow({ where: { altText: PHOTO.altText } });
    await page.goto(urlFor(`/newsroom/media/${media.id}`));
    await expect(page.locator(".usage-list").innerText()).resolves.toContain(story.headline);
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Delete picture" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "cannot be deleted" }).innerText()).resolves.toContain(`"${story.headline}" (published)`);
    expect(await db.media.count({ where: { id: media.id } })).toBe(1);
  });

  it("shows a placeholder without credit once the rights expire, and flags the story to editors", async () => {
    const media = await db.media.findFirstOrThrow({ where: { altText: PHOTO.altText } });
    await db.media.update({ where: { id: media.id }, data: { rightsExpireAt: new Date(Date.now() - 1000) } });
    const report = await withdrawExpiredMedia();
    expect(report.articleIds).toContain(story.id);
    // The job ran in this process; the server learns of it as from `npm run publish-due`.
    await notifyServer(report.articleIds);
    const reader = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await reader.goto(urlFor(storyPath));
    const hero = reader.locator("article > figure").first();
    await hero.locator(".media-placeholder").waitFor();
    expect(await hero.locator("img, .credit-short, .credit-full").count()).toBe(0);
    await screenshot(reader, "media-library-public-withdrawn-390");
    await reader.close();
    await page.goto(urlFor(`/newsroom/stories?q=${encodeURIComponent(suffix)}`));
    // textContent: the badge is capitalised by CSS only.
    await expect(page.locator("tr").filter({ hasText: story.headline }).locator(".badge--warning").textContent()).resolves.toBe("photo rights expired");
    expect(errors.filter((error) => !/status of (409|413|415|422)/.test(error))).toEqual([]);
  });
});
