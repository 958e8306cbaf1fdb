// Issue 10: a story block is never replaced by inserting another block or by typing. In Chromium,
// through the toolbar and the keyboard: every block type inserted after every other, keys pressed
// right after a block is selected, and random sequences of those commands; every block and its
// data must survive in the editor and in the body the autosave stored, unless it was deleted
// explicitly (Backspace or Delete while it is selected, or its Remove button).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Browser, Locator, Page } from "playwright-core";
import { collectPageErrors, launchBrowser, screenshot, urlFor } from "./harness";
import { EDITOR, caretAtEnd, pasteHtml, signIn, startNewStory, storyBody, waitUntilSaved } from "./newsroom-session";
import { BLOCK_TYPES, editorBlocks, editorParagraphs, insertBlock, savedBody, selectedBlockIndex, type Block, type BlockType } from "./story-blocks";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// A sequence in which every ordered pair of items (an item and itself too) stands side by side
// once: the de Bruijn sequence of order 2 (the Lyndon words "i" and "i j" for every j > i, in
// order), plus its first item again to close the cycle.
function everyOrderedPair<T>(items: readonly T[]): T[] {
  const sequence = items.flatMap((first, index) => [first, ...items.slice(index + 1).flatMap((second) => [first, second])]);
  return [...sequence, items[0]];
}

const topLevel = (page: Page, index: number) => storyBody(page).locator(":scope > *").nth(index);

// The position among the body's top-level elements of the element holding the nth block's card.
function topLevelIndexOfBlock(page: Page, block: number): Promise<number> {
  return storyBody(page).evaluate((editor, n) => {
    const card = editor.querySelectorAll("[data-node]")[n];
    return [...editor.children].findIndex((child) => child.contains(card));
  }, block);
}

// Home and End move along the line, and a paragraph may run over several: click its first (last)
// line, then press Home (End).
async function caretAtStartOf(page: Page, paragraph: Locator): Promise<void> {
  await paragraph.click({ position: { x: 2, y: 4 } });
  await page.keyboard.press("Home");
}

async function caretAtEndOf(page: Page, paragraph: Locator): Promise<void> {
  const box = await paragraph.boundingBox();
  await paragraph.click({ position: { x: 2, y: box!.height - 4 } });
  await page.keyboard.press("End");
}

const paragraphAfter = async (page: Page, block: number) => topLevel(page, (await topLevelIndexOfBlock(page, block)) + 1);
const paragraphBefore = async (page: Page, block: number) => topLevel(page, (await topLevelIndexOfBlock(page, block)) - 1);

// Puts the caret at the start of the paragraph right after the nth block and presses ArrowLeft,
// which selects the block.
async function selectWithArrow(page: Page, block: number): Promise<void> {
  await caretAtStartOf(page, await paragraphAfter(page, block));
  await page.keyboard.press("ArrowLeft");
  expect(await selectedBlockIndex(page), `block ${block} selected by ArrowLeft`).toBe(block);
}

async function paragraphRightAfter(page: Page, block: number): Promise<string> {
  return (await (await paragraphAfter(page, block)).innerText()).trim();
}

describe("inserting blocks", () => {
  it("keeps every block and its data when each type is inserted after each type, clicked one after another", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const errors = collectPageErrors(page);
    const storyId = await startNewStory(page);
    await storyBody(page).click();
    await page.keyboard.type("Opening paragraph.");

    const order = everyOrderedPair(BLOCK_TYPES);
    const pairs = new Set(order.slice(1).map((type, index) => `${order[index]}>${type}`));
    expect(pairs.size).toBe(BLOCK_TYPES.length ** 2);
    const expected: Block[] = [];
    for (const [index, type] of order.entries()) {
      expected.push(await insertBlock(page, type, `B${index}`));
      await expect.poll(() => editorBlocks(page), { message: `after inserting ${type} (block ${index})` }).toEqual(expected);
    }
    await expect(editorParagraphs(page)).resolves.toEqual(["Opening paragraph.", ""]);

    await waitUntilSaved(page);
    const saved = await savedBody(storyId);
    expect(saved.blocks).toEqual(expected);
    expect(saved.paragraphs).toEqual(["Opening paragraph.", ""]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe("keys around a block", () => {
  it("types and pastes beside a selected block, and Ctrl+End, Ctrl+Home, Enter, Backspace and Delete around it leave every block in place", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const errors = collectPageErrors(page);
    const storyId = await startNewStory(page);
    await storyBody(page).click();
    await page.keyboard.type("Lead paragraph.");
    const expected: Block[] = [];
    for (const [index, type] of BLOCK_TYPES.entries()) {
      expected.push(await insertBlock(page, type, `B${index}`));
      await caretAtEnd(page);
      await page.keyboard.type(`After ${type}.`);
    }
    const blocksStay = (step: string) => expect.poll(() => editorBlocks(page), { message: step }).toEqual(expected);
    await blocksStay("after writing the story");

    for (const [block, type] of BLOCK_TYPES.entries()) {
      const step = (what: string) => `${type}: ${what}`;
      // Backspace at the start of the paragraph after it selects the block instead of deleting it.
      await caretAtStartOf(page, await paragraphAfter(page, block));
      await page.keyboard.press("Backspace");
      expect(await selectedBlockIndex(page), step("selected by Backspace")).toBe(block);
      await blocksStay(step("Backspace at the start of the paragraph after it"));
      // Typing at once while it is selected writes at the start of the paragraph after it.
      await page.keyboard.type(`${type}-typed `);
      await blocksStay(step("typing while it is selected"));
      // (The last paragraph also collects the Ctrl+End words typed for the blocks before.)
      expect(await paragraphRightAfter(page, block)).toMatch(new RegExp(`^${type}-typed After ${type}\\.`));

      await selectWithArrow(page, block);
      await page.keyboard.press("Enter");
      await page.keyboard.type(`${type}-enter`);
      await blocksStay(step("Enter while it is selected"));
      expect(await paragraphRightAfter(page, block)).toBe(`${type}-enter`);

      await selectWithArrow(page, block);
      await pasteHtml(page, `<p>${type}-pasted </p>`);
      await blocksStay(step("pasting while it is selected"));
      expect(await paragraphRightAfter(page, block)).toContain(`${type}-pasted`);

      await selectWithArrow(page, block);
      await page.keyboard.press("Control+End");
      await page.keyboard.type(` ${type}-end`);
      await blocksStay(step("Ctrl+End and typing at once while it is selected"));
      expect((await editorParagraphs(page)).at(-1)).toMatch(new RegExp(` ${type}-end$`));

      await selectWithArrow(page, block);
      await page.keyboard.press("Control+Home");
      await page.keyboard.type(`${type}-home `);
      await blocksStay(step("Ctrl+Home and typing at once while it is selected"));
      expect((await editorParagraphs(page))[0]).toMatch(new RegExp(`^${type}-home `));

      await selectWithArrow(page, block);
      await storyBody(page).locator(":scope > p").first().click();
      await page.keyboard.type(` ${type}-clicked `);
      await blocksStay(step("clicking a paragraph and typing at once while it is selected"));
      expect((await editorParagraphs(page))[0]).toContain(`${type}-clicked`);

      // Delete at the end of the paragraph before it selects it too.
      await caretAtEndOf(page, await paragraphBefore(page, block));
      await page.keyboard.press("Delete");
      expect(await selectedBlockIndex(page), step("selected by Delete")).toBe(block);
      await blocksStay(step("Delete at the end of the paragraph before it"));
    }
    await screenshot(page, "editor-blocks-after-keys");

    await waitUntilSaved(page);
    const saved = await savedBody(storyId);
    expect(saved.blocks).toEqual(expected);
    expect(saved.paragraphs).toEqual(await editorParagraphs(page));
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("deletes a block only by Backspace or Delete while it is selected, or by its Remove button", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const storyId = await startNewStory(page);
    await storyBody(page).click();
    await page.keyboard.type("Lead paragraph.");
    const types: BlockType[] = ["pullQuote", "newsletterSignup", "sidebar"];
    const expected: Block[] = [];
    for (const [index, type] of types.entries()) {
      expected.push(await insertBlock(page, type, `B${index}`));
      await caretAtEnd(page);
      await page.keyboard.type(`After ${type}.`);
    }

    // Backspace twice from the paragraph after the quote: the first selects it, the second deletes it.
    await caretAtStartOf(page, await paragraphAfter(page, 0));
    await page.keyboard.press("Backspace");
    await expect.poll(() => editorBlocks(page)).toEqual(expected);
    await page.keyboard.press("Backspace");
    await expect.poll(() => editorBlocks(page)).toEqual(expected.slice(1));

    // Delete twice from the end of the paragraph before the newsletter.
    await caretAtEndOf(page, await paragraphBefore(page, 0));
    await page.keyboard.press("Delete");
    await expect.poll(() => editorBlocks(page)).toEqual(expected.slice(1));
    await page.keyboard.press("Delete");
    await expect.poll(() => editorBlocks(page)).toEqual(expected.slice(2));

    await storyBody(page).locator('[data-node="sidebar"]').getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => editorBlocks(page)).toEqual([]);
    await waitUntilSaved(page);
    await expect(savedBody(storyId)).resolves.toMatchObject({ blocks: [] });
    await context.close();
  });
});

describe("after a toolbar insert", () => {
  // The random sequences below found this: after the toolbar button inserted a newsletter sign-up
  // (a block with no field), the keyboard stayed on that button, and a space or Enter typed next
  // inserted a second one.
  it("sends the keys typed right after a toolbar insert to the story, never back to the toolbar", async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const storyId = await startNewStory(page);
    await storyBody(page).click();
    await page.keyboard.type("Lead paragraph.");
    const expected = [await insertBlock(page, "newsletterSignup", "K0")];
    await page.keyboard.type("Final score");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Next line");
    await expect.poll(() => editorBlocks(page)).toEqual(expected);
    await expect.poll(() => editorParagraphs(page)).toEqual(["Lead paragraph.", "Final score", "Next line"]);
    await waitUntilSaved(page);
    await expect(savedBody(storyId)).resolves.toEqual({ blocks: expected, paragraphs: ["Lead paragraph.", "Final score", "Next line"] });
    await context.close();
  });
});

// Random sequences of what an editor does around blocks, through the real toolbar and keyboard.
// After every command the blocks (by type, in order) may have changed only the way that command
// allows: an insert adds one, Backspace or Delete may remove the block that was selected, Remove
// removes its own block, and nothing else removes anything. At the end the stored body holds
// exactly the blocks and paragraphs the editor shows.
type Real = { page: Page; inserted: number };
type Model = { blocks: BlockType[] };

const KEYS = ["Control+End", "Control+Home", "Enter", "Backspace", "Delete", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"] as const;
const WORDS = ["goal", "x", "Final score"];

const blockTypes = async (page: Page) => (await editorBlocks(page)).map((block) => block.type);
const without = <T>(list: T[], index: number) => list.filter((_, at) => at !== index);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

abstract class EditorCommand implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }
  // Does what the command does; returns the block lists it may leave behind.
  protected abstract act(real: Real, before: BlockType[]): Promise<BlockType[][]>;
  abstract toString(): string;

  async run(model: Model, real: Real): Promise<void> {
    const before = await blockTypes(real.page);
    expect(before, `blocks before "${this}" (nothing ran in between)`).toEqual(model.blocks);
    const allowed = await this.act(real, before);
    const after = await blockTypes(real.page);
    expect(
      allowed.some((list) => same(list, after)),
      `"${this}" turned blocks ${JSON.stringify(before)} into ${JSON.stringify(after)}`,
    ).toBe(true);
    model.blocks = after;
  }
}

class Insert extends EditorCommand {
  constructor(readonly type: BlockType) {
    super();
  }
  protected async act(real: Real, before: BlockType[]): Promise<BlockType[][]> {
    await insertBlock(real.page, this.type, `B${real.inserted++}`);
    return before.flatMap((_, at) => [[...before.slice(0, at), this.type, ...before.slice(at)]]).concat([[...before, this.type]]);
  }
  toString() {
    return `insert ${this.type}`;
  }
}

class Press extends EditorCommand {
  constructor(readonly key: (typeof KEYS)[number]) {
    super();
  }
  protected async act({ page }: Real, before: BlockType[]): Promise<BlockType[][]> {
    const selected = await selectedBlockIndex(page);
    await page.keyboard.press(this.key);
    const isDelete = this.key === "Backspace" || this.key === "Delete";
    return isDelete && selected !== null ? [before, without(before, selected)] : [before];
  }
  toString() {
    return `press ${this.key}`;
  }
}

class Type extends EditorCommand {
  constructor(readonly word: string) {
    super();
  }
  protected async act({ page }: Real, before: BlockType[]): Promise<BlockType[][]> {
    await page.keyboard.type(this.word);
    return [before];
  }
  toString() {
    return `type "${this.word}"`;
  }
}

class ClickParagraphAndType extends EditorCommand {
  constructor(
    readonly paragraph: number,
    readonly word: string,
  ) {
    super();
  }
  protected async act({ page }: Real, before: BlockType[]): Promise<BlockType[][]> {
    const paragraphs = storyBody(page).locator(":scope > p");
    await paragraphs.nth(this.paragraph % (await paragraphs.count())).click();
    await page.keyboard.type(this.word);
    return [before];
  }
  toString() {
    return `click paragraph ${this.paragraph} and type "${this.word}" at once`;
  }
}

class SelectBlock extends EditorCommand {
  constructor(readonly block: number) {
    super();
  }
  protected async act({ page }: Real, before: BlockType[]): Promise<BlockType[][]> {
    if (before.length === 0) return [before];
    const index = await topLevelIndexOfBlock(page, this.block % before.length);
    const next = topLevel(page, index + 1);
    if ((await next.count()) === 0 || (await next.evaluate((element) => element.tagName)) !== "P") return [before];
    await caretAtStartOf(page, next);
    await page.keyboard.press("ArrowLeft");
    return [before];
  }
  toString() {
    return `select block ${this.block} with ArrowLeft`;
  }
}

class Remove extends EditorCommand {
  constructor(readonly block: number) {
    super();
  }
  protected async act({ page }: Real, before: BlockType[]): Promise<BlockType[][]> {
    if (before.length === 0) return [before];
    const block = this.block % before.length;
    await storyBody(page).locator("[data-node]").nth(block).locator(".node-actions").getByRole("button", { name: "Remove", exact: true }).click();
    return [without(before, block)];
  }
  toString() {
    return `click Remove on block ${this.block}`;
  }
}

const COMMANDS = [
  { weight: 5, arbitrary: fc.constantFrom(...BLOCK_TYPES).map((type): EditorCommand => new Insert(type)) },
  { weight: 4, arbitrary: fc.constantFrom(...KEYS).map((key): EditorCommand => new Press(key)) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS).map((word): EditorCommand => new Type(word)) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(20), fc.constantFrom(...WORDS)).map(([at, word]): EditorCommand => new ClickParagraphAndType(at, word)) },
  { weight: 3, arbitrary: fc.nat(20).map((at): EditorCommand => new SelectBlock(at)) },
  { weight: 1, arbitrary: fc.nat(20).map((at): EditorCommand => new Remove(at)) },
];
const RUNS = 4;
const MAX_COMMANDS = 14;

describe("random sequences of block commands", () => {
  it(`loses no block except by an explicit delete, in the editor and in the saved body (${RUNS} runs of up to ${MAX_COMMANDS} commands)`, async () => {
    const { context, page } = await signIn(browser, EDITOR);
    const errors = collectPageErrors(page);
    page.on("dialog", (dialog) => void dialog.accept());
    await fc.assert(
      fc.asyncProperty(fc.commands([fc.oneof(...COMMANDS)], { maxCommands: MAX_COMMANDS, size: "medium" }), async (commands) => {
        await page.goto(urlFor("/newsroom/stories"));
        const storyId = await startNewStory(page);
        await storyBody(page).click();
        await page.keyboard.type("Lead paragraph.");
        await fc.asyncModelRun(() => ({ model: { blocks: [] }, real: { page, inserted: 0 } }), commands);
        await waitUntilSaved(page);
        const saved = await savedBody(storyId);
        expect(saved.blocks).toEqual(await editorBlocks(page));
        expect(saved.paragraphs).toEqual(await editorParagraphs(page));
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
});

// Sequences the random test failed on once, replayed as they were. The first: ProseMirror reused the
// first sidebar's card for a second sidebar inserted just before it, so the new, empty sidebar
// showed the first one's text (and would have saved it as its own).
const FOUND: EditorCommand[][] = [
  [
    new Press("ArrowRight"),
    new Press("ArrowLeft"),
    new ClickParagraphAndType(16, "goal"),
    new Insert("newsletterSignup"),
    new Type("goal"),
    new Remove(12),
    new Insert("sidebar"),
    new Insert("relatedStory"),
    new Press("Delete"),
    new SelectBlock(1),
    new ClickParagraphAndType(19, "goal"),
    new Insert("sidebar"),
  ],
];

describe("block command sequences the random test once failed on", () => {
  it.each(FOUND.map((commands) => [commands.join(", "), commands] as const))(
    "keeps every block and its own data: %s",
    async (_name, commands) => {
      const { context, page } = await signIn(browser, EDITOR);
      const errors = collectPageErrors(page);
      const storyId = await startNewStory(page);
      await storyBody(page).click();
      await page.keyboard.type("Lead paragraph.");
      const model: Model = { blocks: [] };
      const real: Real = { page, inserted: 0 };
      for (const command of commands) await command.run(model, real);
      await waitUntilSaved(page);
      const saved = await savedBody(storyId);
      expect(saved.blocks).toEqual(await editorBlocks(page));
      expect(saved.paragraphs).toEqual(await editorParagraphs(page));
      expect(errors).toEqual([]);
      await context.close();
    },
    60_000,
  );
});
