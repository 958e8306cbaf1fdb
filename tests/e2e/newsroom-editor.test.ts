// The story editor, used the way a person uses it: an editor signs in, writes a story like the
// model story from an empty page (typing, every custom node, photos from the library), publishes
// it and reads it on the public page; two staff members changing the same field get the conflict
// panel instead of a lost update; contributors cannot publish; the publish checks list problems.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { formatCredit } from "@/lib/credits/format";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { ADMIN, CONTRIBUTOR, EDITOR, caretAtEnd, nodeCards, pasteHtml, pickPhoto, saveState, signIn, startNewStory, statusBadge, storyBody, waitUntilSaved } from "./newsroom-session";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const STORY = {
  kicker: "Heartbreak on the ice",
  headline: "Japan's pursuit team falls at the final corner",
  slug: "japans-pursuit-team-falls-at-the-final-corner",
  standfirst: "A stumble on the last lap cost the defending champions a place in the final.",
  section: { name: "Olympics", slug: "olympics" },
  tags: ["Speed skating", "Japan"],
  bylines: ["Aiko Mori", EDITOR.name],
  agencyLine: "with Associated Press",
  hero: { search: "Sweepers", altText: "Curlers sweep a stone along a brightly lit sheet of ice.", caption: "Stand-in hero: the sweepers at the Ice Cube." },
  photo: { search: "floodlit", altText: "A snowboarder twists in mid-air against a floodlit night sky.", caption: "The night session under the lights." },
  // The first two are typed with a bold and an italic phrase in them.
  paragraphs: [
    "Miho Takagi led the pursuit for six laps before the team lost its rhythm.",
    "The Japanese trio had set the fastest time in qualifying.",
    "Coach Johan de Wit spoke to reporters after the race.",
    "Takagi, who won gold in 2018, said the team would be back.",
    "Canada's skaters watched from the infield.",
  ],
  bold: "led the pursuit",
  italic: "fastest time",
  quotes: [
    { text: "We gave everything, and the ice gave nothing back.", speaker: "Miho Takagi", who: "Japanese speed skater", context: "said through an interpreter" },
    { text: "One small slip at this level and it is over.", speaker: "Johan de Wit", who: "Japan's head coach", context: "said through an interpreter" },
  ],
  related: { search: "Late header", label: "'INSANE':" },
  sidebar: { heading: "How team pursuit works", paragraphs: ["Three skaters race as one team over eight laps.", "The clock stops when the third skater crosses the line."] },
};

// What a word processor puts on the clipboard: inline styles, classes, fonts and spans.
const WORD_HTML = [
  "<html><head><style>p.MsoNormal{margin:0}</style></head><body><!--StartFragment-->",
  '<p class="MsoNormal" style="margin-bottom:8pt"><span style="font-family:Calibri;font-size:14pt;color:#C00000;font-weight:bold">',
  "The federation said it would review the timing equipment",
  '</span><span lang="EN-GB" style="font-style:italic"> before the world championships.</span></p>',
  '<p class="MsoNormal"><font face="Arial" color="red"><span style="font-weight:700;text-decoration:underline">',
  "Canada meets the Netherlands in the bronze-medal race on Tuesday.",
  "</span></font></p><!--EndFragment--></body></html>",
].join("");
const PASTED = ["The federation said it would review the timing equipment before the world championships.", "Canada meets the Netherlands in the bronze-medal race on Tuesday."];

const linkedStory = () => db.article.findFirstOrThrow({ where: { headline: { startsWith: STORY.related.search }, status: "PUBLISHED" }, include: { section: true } });

async function creditOf(altText: string) {
  const media = await db.media.findFirstOrThrow({ where: { altText }, include: { photographer: true, agency: true } });
  return formatCredit(media)!;
}

async function fillStoryFields(page: Page): Promise<void> {
  await page.getByLabel("Kicker").fill(STORY.kicker);
  await page.getByLabel("Headline").pressSequentially(STORY.headline);
  await expect(page.getByLabel("Address (slug)").inputValue()).resolves.toBe(STORY.slug);
  await page.getByLabel("Standfirst").fill(STORY.standfirst);
  await page.getByLabel("Section").selectOption({ label: STORY.section.name });
  await page.getByLabel(/^Tags/).pressSequentially(STORY.tags.join(", "));
  await expect(page.getByLabel(/^Tags/).inputValue()).resolves.toBe(STORY.tags.join(", "));

  // The editor's own byline is there already; add a second and put it first.
  const bylines = page.getByRole("group", { name: "Bylines, in order" });
  await expect(bylines.locator(".byline-name").allInnerTexts()).resolves.toEqual([EDITOR.name]);
  await bylines.getByLabel("Add a byline").selectOption({ label: "Aiko Mori" });
  await expect(bylines.locator(".byline-name").allInnerTexts()).resolves.toEqual([EDITOR.name, "Aiko Mori"]);
  await bylines.getByRole("button", { name: "Move Aiko Mori up" }).click();
  await expect(bylines.locator(".byline-name").allInnerTexts()).resolves.toEqual(STORY.bylines);
  await page.getByLabel("Agency line").fill(STORY.agencyLine);

  const heroField = page.getByRole("group", { name: "Hero photo" });
  await pickPhoto(page, heroField.getByRole("button", { name: "Choose a hero photo" }), STORY.hero.search, STORY.hero.altText);
  await expect(heroField.locator("img").getAttribute("alt")).resolves.toBe(STORY.hero.altText);
  await heroField.getByLabel("Caption in this story").fill(STORY.hero.caption);
}

// The first two paragraphs, typed with the keyboard; bold and italic by their shortcuts.
async function typeOpening(page: Page): Promise<void> {
  await storyBody(page).click();
  await page.keyboard.type("Miho Takagi ");
  await page.keyboard.press("Control+b");
  await page.keyboard.type(STORY.bold);
  await page.keyboard.press("Control+b");
  await page.keyboard.type(" for six laps before the team lost its rhythm.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("The Japanese trio had set the ");
  await page.keyboard.press("Control+i");
  await page.keyboard.type(STORY.italic);
  await page.keyboard.press("Control+i");
  await page.keyboard.type(" in qualifying.");
  await page.keyboard.press("Enter");
}

async function typeParagraph(page: Page, text: string): Promise<void> {
  await caretAtEnd(page);
  await page.keyboard.type(text);
}

async function insertPhotoAndQuotes(page: Page): Promise<void> {
  await pickPhoto(page, page.getByRole("button", { name: "+ Photo" }), STORY.photo.search, STORY.photo.altText);
  const figure = nodeCards(page, "figure");
  await expect(figure.count()).resolves.toBe(1);
  await figure.getByLabel("Caption in this story").fill(STORY.photo.caption);
  await typeParagraph(page, STORY.paragraphs[2]);
  for (const quote of STORY.quotes) {
    await caretAtEnd(page);
    await page.getByRole("button", { name: "+ Quote" }).click();
    const card = nodeCards(page, "pullQuote").last();
    await card.getByLabel("Quote", { exact: true }).pressSequentially(quote.text);
    await card.getByLabel("Speaker").fill(quote.speaker);
    await card.getByLabel("Who they are").fill(quote.who);
    await card.getByLabel("Context").fill(quote.context);
  }
  await expect(nodeCards(page, "pullQuote").count()).resolves.toBe(2);
}

async function insertRelatedStory(page: Page, linked: { headline: string }): Promise<void> {
  await caretAtEnd(page);
  await page.getByRole("button", { name: "+ Related story" }).click();
  const teaser = nodeCards(page, "relatedStory");
  await teaser.getByLabel("Label").pressSequentially(STORY.related.label);
  await teaser.getByLabel("Find a story by headline").pressSequentially(STORY.related.search);
  await teaser.getByRole("option", { name: linked.headline }).click();
  await expect(teaser.locator(".node-related-preview").innerText()).resolves.toBe(`${STORY.related.label} ${linked.headline}`);
}

async function insertSidebar(page: Page): Promise<void> {
  await caretAtEnd(page);
  await page.getByRole("button", { name: "+ Sidebar" }).click();
  const sidebar = nodeCards(page, "sidebar");
  await sidebar.getByLabel("Heading").fill(STORY.sidebar.heading);
  const text = sidebar.getByRole("textbox", { name: "Sidebar text" });
  await text.click();
  await page.keyboard.type(STORY.sidebar.paragraphs[0]);
  await page.keyboard.press("Enter");
  await page.keyboard.type(STORY.sidebar.paragraphs[1]);
  await expect(text.locator(":scope > p").allInnerTexts()).resolves.toEqual(STORY.sidebar.paragraphs);
}

// Pasted from a word processor: the paragraphs stay, the styling goes.
async function pasteFromWordProcessor(page: Page): Promise<void> {
  await caretAtEnd(page);
  await pasteHtml(page, WORD_HTML);
  const paragraphs = storyBody(page).locator(":scope > p");
  await expect.poll(() => paragraphs.allInnerTexts()).toEqual(expect.arrayContaining(PASTED));
  const pastedMarkup = await storyBody(page).evaluate((editor, texts) => [...editor.querySelectorAll(":scope > p")].filter((p) => texts.includes(p.textContent ?? "")).map((p) => p.innerHTML), PASTED);
  expect(pastedMarkup).toEqual(PASTED);
}

async function expectHeader(reader: Page): Promise<void> {
  const header = reader.locator("article header");
  await expect(header.locator(".kicker").textContent()).resolves.toBe(STORY.kicker);
  await expect(header.locator("h1").innerText()).resolves.toBe(STORY.headline);
  await expect(header.locator(".standfirst").innerText()).resolves.toBe(STORY.standfirst);
  await expect(header.locator("a.byline").allInnerTexts()).resolves.toEqual(STORY.bylines);
  await expect(header.locator(".agency-line").innerText()).resolves.toBe(STORY.agencyLine);
  await expect(reader.locator(".article-tags a").allInnerTexts()).resolves.toEqual(STORY.tags);
  const heroCredit = await creditOf(STORY.hero.altText);
  const hero = reader.locator("article > figure").first();
  await expect(hero.locator("img").getAttribute("alt")).resolves.toBe(STORY.hero.altText);
  await expect(hero.locator("figcaption .caption").innerText()).resolves.toBe(STORY.hero.caption);
  await expect(hero.locator("figcaption .credit-short").innerText()).resolves.toBe(heroCredit.short);
  await expect(hero.locator("figcaption .credit-full").innerText()).resolves.toBe(heroCredit.full);
}

async function expectBodyText(reader: Page): Promise<void> {
  const body = reader.locator(".article-body");
  const paragraphs = (await body.locator(":scope > p:not(.related-teaser)").allInnerTexts()).filter((text) => text.trim());
  expect(paragraphs).toEqual([...STORY.paragraphs, ...PASTED]);
  await expect(body.locator("strong").allInnerTexts()).resolves.toEqual([STORY.bold]);
  await expect(body.locator("em").allInnerTexts()).resolves.toEqual([STORY.italic]);
  expect(await body.locator("[style], span:not([class]), u, font").count()).toBe(0);
}

async function expectBodyNodes(reader: Page, linkedId: string): Promise<void> {
  const body = reader.locator(".article-body");
  const photoCredit = await creditOf(STORY.photo.altText);
  const figure = body.locator("figure.story-figure");
  await expect(figure.locator("img").getAttribute("alt")).resolves.toBe(STORY.photo.altText);
  await expect(figure.locator("figcaption .caption").innerText()).resolves.toBe(STORY.photo.caption);
  await expect(figure.locator("figcaption .credit-full").innerText()).resolves.toBe(photoCredit.full);

  const quotes = body.locator("blockquote.pull-quote");
  expect(await quotes.count()).toBe(STORY.quotes.length);
  for (const [index, quote] of STORY.quotes.entries()) {
    const shown = quotes.nth(index);
    await expect(shown.locator("p").innerText()).resolves.toBe(quote.text);
    await expect(shown.locator("cite").innerText()).resolves.toBe(quote.speaker);
    await expect(shown.locator(".quote-speaker-description").innerText()).resolves.toBe(`, ${quote.who}`);
    await expect(shown.locator(".quote-context").innerText()).resolves.toBe(`, ${quote.context}`);
  }

  // The linked story as it is now: its current headline and address.
  const linked = await db.article.findUniqueOrThrow({ where: { id: linkedId }, include: { section: true } });
  const teaser = body.locator(".related-teaser").getByRole("link");
  await expect(teaser.getAttribute("href")).resolves.toBe(`/${linked.section!.slug}/${linked.slug}`);
  await expect(teaser.locator(".related-teaser-label").textContent()).resolves.toBe(STORY.related.label);
  await expect(teaser.locator(".related-teaser-headline").innerText()).resolves.toBe(linked.headline);

  const sidebar = body.locator("aside.story-sidebar");
  await expect(sidebar.getByRole("heading").innerText()).resolves.toBe(STORY.sidebar.heading);
  await expect(sidebar.locator("p").allInnerTexts()).resolves.toEqual(STORY.sidebar.paragraphs);

  const newsletter = body.getByRole("complementary", { name: "Newsletter" });
  expect(await newsletter.count()).toBe(1);
  await expect(newsletter.getByRole("link").getAttribute("href")).resolves.toBeTruthy();
}

describe("writing a story in the editor", () => {
  it("writes a story from an empty page, publishes it and shows every element on the public page", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const errors = collectPageErrors(page);
    const storyId = await startNewStory(page);
    const linked = await linkedStory();

    await fillStoryFields(page);
    await typeOpening(page);
    await insertPhotoAndQuotes(page);
    await typeParagraph(page, STORY.paragraphs[3]);
    await insertRelatedStory(page, linked);
    await typeParagraph(page, STORY.paragraphs[4]);
    await insertSidebar(page);
    await pasteFromWordProcessor(page);
    await caretAtEnd(page);
    await page.getByRole("button", { name: "+ Newsletter" }).click();
    await expect(nodeCards(page, "newsletterSignup").count()).resolves.toBe(1);
    // Every block is still in the editor after all that typing and pasting.
    await expect([await nodeCards(page, "pullQuote").count(), await nodeCards(page, "sidebar").count(), await nodeCards(page, "relatedStory").count()]).toEqual([2, 1, 1]);

    // Nothing clicked Save: the autosave must have stored all of it.
    await expect(saveState(page).innerText()).resolves.toMatch(/Unsaved changes|Saving…/);
    await waitUntilSaved(page);
    const saved = await db.article.findUniqueOrThrow({ where: { id: storyId }, include: { quotes: true, sidebars: true, relatedLinks: true } });
    expect(saved).toMatchObject({ headline: STORY.headline, slug: STORY.slug, status: "DRAFT" });
    expect([saved.quotes.length, saved.sidebars.length, saved.relatedLinks.length]).toEqual([2, 1, 1]);
    await screenshot(page, "newsroom-editor-written");

    await page.getByRole("button", { name: "Publish now" }).click();
    const published = page.getByRole("status").filter({ hasText: "Published." });
    await published.waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("published");
    const publicPath = `/${STORY.section.slug}/${STORY.slug}`;
    await expect(published.getByRole("link").getAttribute("href")).resolves.toBe(publicPath);
    expect(errors).toEqual([]);

    const reader = await context.newPage();
    const readerErrors = collectPageErrors(reader);
    const response = await reader.goto(urlFor(publicPath));
    expect(response?.status()).toBe(200);
    await expectHeader(reader);
    await expectBodyText(reader);
    await expectBodyNodes(reader, linked.id);
    expect(readerErrors).toEqual([]);
    await screenshot(reader, "newsroom-editor-published-story");
    await context.close();
  }, 180_000);
});

describe("two people editing the same story", () => {
  // Edits to different fields merge without a question (tests/e2e/editor-merge.test.ts); here both
  // change the headline, a real clash, so the second save stops and asks.
  it("shows who else is editing, stops a stale save that clashes with a panel showing both versions, then saves the one chosen", async () => {
    const a = await signIn(browser, EDITOR);
    const b = await signIn(browser, ADMIN);
    const errors = [...collectPageErrors(a.page), ...collectPageErrors(b.page)];
    const storyId = await startNewStory(a.page);
    const firstHeadline = "Curling final goes to an extra end";
    await a.page.getByLabel("Headline").fill(firstHeadline);
    await a.page.getByRole("button", { name: "Save", exact: true }).click();
    await waitUntilSaved(a.page);
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ headline: firstHeadline });

    // B opens the story while A has it open: B's first check-in already sees A.
    await b.page.goto(urlFor(`/newsroom/stories/${storyId}`));
    await expect(b.page.getByLabel("Headline").inputValue()).resolves.toBe(firstHeadline);
    const presenceOfA = b.page.locator(".workflow-bar .presence");
    await expect.poll(() => presenceOfA.innerText().catch(() => "")).toBe(`${EDITOR.name} is editing this story`);

    const theirHeadline = "Curling final won with the last stone of the extra end";
    await a.page.getByLabel("Headline").fill(theirHeadline);
    await a.page.getByRole("button", { name: "Save", exact: true }).click();
    await waitUntilSaved(a.page);
    const afterA = await db.article.findUniqueOrThrow({ where: { id: storyId } });
    expect(afterA.headline).toBe(theirHeadline);

    // B's page still holds the version from before A's save, and B rewrites the headline too.
    const myHeadline = "Home rink takes the curling final in an extra end";
    const myStandfirst = "The home rink held its nerve when it mattered.";
    await b.page.getByLabel("Headline").fill(myHeadline);
    await b.page.getByLabel("Standfirst").fill(myStandfirst);
    await b.page.getByRole("button", { name: "Save", exact: true }).click();
    const conflict = b.page.getByRole("alertdialog");
    await conflict.waitFor();
    await expect(conflict.getByRole("heading").innerText()).resolves.toBe(`${EDITOR.name} saved this story while you were editing`);
    await expect.poll(() => saveState(b.page).innerText()).toBe("Not saved: someone else saved first");
    const untouched = await db.article.findUniqueOrThrow({ where: { id: storyId } });
    expect(untouched).toMatchObject({ headline: theirHeadline, standfirst: "", version: afterA.version });

    // Only the headline clashes; both versions side by side, theirs first.
    await expect(conflict.getByRole("group").count()).resolves.toBe(1);
    const headline = conflict.getByRole("group", { name: "Headline" });
    await expect(headline.getByRole("columnheader").allInnerTexts()).resolves.toEqual([`${EDITOR.name}'s version`, "Your version"]);
    await expect(headline.getByRole("cell").allInnerTexts()).resolves.toEqual([theirHeadline, myHeadline]);
    await screenshot(b.page, "newsroom-editor-conflict");

    await headline.getByRole("radio", { name: "Your version" }).check();
    await conflict.getByRole("button", { name: "Save with these choices" }).click();
    await waitUntilSaved(b.page);
    await conflict.waitFor({ state: "detached" });
    const afterB = await db.article.findUniqueOrThrow({ where: { id: storyId }, include: { lastEditedBy: true } });
    // A's address (it followed A's headline) is merged in; B's headline and standfirst are saved.
    expect(afterB).toMatchObject({ headline: myHeadline, standfirst: myStandfirst, slug: afterA.slug, version: afterA.version + 1 });
    expect(afterB.lastEditedBy?.name).toBe(ADMIN.name);

    // A learns about B at its next check-in (every 15 s).
    await expect
      .poll(
        () =>
          a.page
            .locator(".workflow-bar .presence")
            .innerText()
            .catch(() => ""),
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(`${ADMIN.name} is editing this story`);
    expect(errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 120_000);
});

describe("who may publish", () => {
  it("shows a contributor no Publish or Schedule button on their own draft", async () => {
    const { context, page } = await signIn(browser, CONTRIBUTOR);
    await startNewStory(page);
    await page.getByRole("button", { name: "Submit for review" }).waitFor();
    expect(await page.getByRole("button", { name: /publish/i }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Schedule" }).count()).toBe(0);
    await context.close();
  });

  it("lists what is missing when an editor publishes an empty story, and keeps it a draft", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const storyId = await startNewStory(page);
    await page.getByRole("button", { name: "Publish now" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "This story cannot be published yet" });
    await refusal.waitFor();
    await expect(refusal.getByRole("listitem").allInnerTexts()).resolves.toEqual(expect.arrayContaining(["The headline is missing.", "The standfirst is missing.", "Choose a section."]));
    await expect(statusBadge(page).textContent()).resolves.toBe("draft");
    await expect(db.article.findUniqueOrThrow({ where: { id: storyId } })).resolves.toMatchObject({ status: "DRAFT", publishedAt: null });
    await context.close();
  });
});
