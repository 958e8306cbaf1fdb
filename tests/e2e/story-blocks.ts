// The story body's blocks (photo, pull quote, related story, sidebar, newsletter) as e2e tests see
// them: inserted from the toolbar and filled in the way an editor does, read back from the editor's
// cards and from the body stored in the database, each as its type plus the data it shows.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { BodyDoc, BodyNode } from "@/lib/editor/types";
import { nodeCards, pickPhoto, storyBody } from "./newsroom-session";

export const BLOCK_TYPES = ["figure", "pullQuote", "relatedStory", "sidebar", "newsletterSignup"] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];
export type Block = { type: BlockType; data: string };

const BUTTONS: Record<BlockType, string> = {
  figure: "+ Photo",
  pullQuote: "+ Quote",
  relatedStory: "+ Related story",
  sidebar: "+ Sidebar",
  newsletterSignup: "+ Newsletter",
};
const PHOTO = { search: "floodlit", altText: "A snowboarder twists in mid-air against a floodlit night sky." };
const RELATED_SEARCHES = ["Late header", "Curling rink", "Qualifier stuns"];

// Line breaks and runs of spaces count as one space (the DOM and the JSON break lines differently).
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

// What each type of card shows, in one line: `data` of a Block.
function describeCards(editor: HTMLElement): { type: string; data: string }[] {
  const value = (card: Element, selector: string) => (card.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? "";
  return [...editor.querySelectorAll<HTMLElement>("[data-node]")].map((card) => {
    const type = card.dataset.node ?? "";
    if (type === "figure") return { type, data: `${card.querySelector("img")?.alt ?? ""} | ${value(card, "textarea")}` };
    if (type === "pullQuote") return { type, data: `${value(card, "textarea")} | ${value(card, "input")}` };
    if (type === "relatedStory") return { type, data: (card.querySelector(".node-related-preview") as HTMLElement).innerText.trim() };
    if (type === "sidebar") return { type, data: `${value(card, "input")} | ${(card.querySelector('[aria-label="Sidebar text"]') as HTMLElement).innerText.trim()}` };
    return { type, data: "" };
  });
}

// The blocks in the editor, in document order.
export async function editorBlocks(page: Page): Promise<Block[]> {
  const cards = (await storyBody(page).evaluate(describeCards)) as Block[];
  return cards.map((card) => ({ type: card.type, data: squash(card.data) }));
}

// The index (among the blocks) of the block the editor shows as selected, or null.
export async function selectedBlockIndex(page: Page): Promise<number | null> {
  return storyBody(page).evaluate((editor) => {
    const cards = [...editor.querySelectorAll("[data-node]")];
    const index = cards.findIndex((card) => card.closest(".ProseMirror-selectednode"));
    return index < 0 ? null : index;
  });
}

// The card of `type` nobody has filled in yet (the one just inserted).
async function freshCard(page: Page, type: BlockType): Promise<Locator> {
  const cards = await editorBlocks(page);
  const ofType = cards.filter((card) => card.type === type);
  const index = ofType.findIndex((card) => !/\bB\d+\b/.test(card.data));
  expect(index, `a new, empty ${type} card among ${JSON.stringify(ofType)}`).toBeGreaterThanOrEqual(0);
  return nodeCards(page, type).nth(index);
}

function relatedSearch(token: string): string {
  return RELATED_SEARCHES[Number(token.slice(1)) % RELATED_SEARCHES.length];
}

// Clicks the block's toolbar button and fills the new card in with data naming `token` ("B7").
// Returns the block as the editor and the saved body should show it from then on.
export async function insertBlock(page: Page, type: BlockType, token: string): Promise<Block> {
  if (type === "figure") {
    await pickPhoto(page, page.getByRole("button", { name: BUTTONS.figure }), PHOTO.search, PHOTO.altText);
    await (await freshCard(page, type)).getByLabel("Caption in this story").fill(`${token} caption`);
    return { type, data: `${PHOTO.altText} | ${token} caption` };
  }
  await page.getByRole("button", { name: BUTTONS[type] }).click();
  if (type === "newsletterSignup") return { type, data: "" };
  const card = await freshCard(page, type);
  if (type === "pullQuote") {
    await card.getByLabel("Quote", { exact: true }).fill(`${token} quoted words`);
    await card.getByLabel("Speaker").fill(`${token} speaker`);
    return { type, data: `${token} quoted words | ${token} speaker` };
  }
  if (type === "relatedStory") {
    const linked = await db.article.findFirstOrThrow({ where: { headline: { startsWith: relatedSearch(token) } } });
    await card.getByLabel("Label").fill(`${token}:`);
    await card.getByLabel("Find a story by headline").fill(relatedSearch(token));
    await card.getByRole("option", { name: linked.headline }).click();
    return { type, data: `${token}: ${linked.headline}` };
  }
  await card.getByLabel("Heading").fill(`${token} heading`);
  await card.getByRole("textbox", { name: "Sidebar text" }).click();
  await page.keyboard.type(`${token} sidebar text`);
  return { type, data: `${token} heading | ${token} sidebar text` };
}

const textOf = (node: BodyNode): string => node.text ?? (node.content ?? []).map(textOf).join("\n");

// The stored story body: its blocks (with the records they point at) and its paragraphs' text.
export async function savedBody(storyId: string): Promise<{ blocks: Block[]; paragraphs: string[] }> {
  const article = await db.article.findUniqueOrThrow({ where: { id: storyId }, include: { quotes: true, captions: true, sidebars: true } });
  const body = (typeof article.body === "string" ? JSON.parse(article.body) : article.body) as BodyDoc;
  const top = body.content ?? [];
  const blocks: Block[] = [];
  for (const node of top.filter((child) => (BLOCK_TYPES as readonly string[]).includes(child.type))) {
    const attrs = node.attrs ?? {};
    const type = node.type as BlockType;
    if (type === "figure") {
      const media = await db.media.findUniqueOrThrow({ where: { id: String(attrs.mediaId) } });
      blocks.push({ type, data: `${media.altText} | ${article.captions.find((c) => c.id === attrs.captionId)?.text ?? "(no caption)"}` });
    } else if (type === "pullQuote") {
      const quote = article.quotes.find((q) => q.id === attrs.quoteId);
      blocks.push({ type, data: quote ? `${quote.text} | ${quote.speaker}` : "(no quote record)" });
    } else if (type === "relatedStory") {
      const linked = attrs.articleId ? await db.article.findUnique({ where: { id: String(attrs.articleId) } }) : null;
      blocks.push({ type, data: `${attrs.label ?? ""} ${linked?.headline ?? "Choose a story"}`.trim() });
    } else if (type === "sidebar") {
      const sidebar = article.sidebars.find((s) => s.id === attrs.sidebarId);
      const sidebarBody = (typeof sidebar?.body === "string" ? JSON.parse(sidebar.body) : sidebar?.body) as BodyNode | undefined;
      blocks.push({ type, data: sidebar && sidebarBody ? `${sidebar.heading} | ${textOf(sidebarBody)}` : "(no sidebar record)" });
    } else blocks.push({ type, data: "" });
  }
  return {
    blocks: blocks.map((block) => ({ ...block, data: squash(block.data) })),
    paragraphs: top.filter((child) => child.type === "paragraph").map((child) => squash(textOf(child))),
  };
}

// The text of the body's top-level paragraphs, as the editor shows them.
export async function editorParagraphs(page: Page): Promise<string[]> {
  return (await storyBody(page).locator(":scope > p").allInnerTexts()).map(squash);
}
