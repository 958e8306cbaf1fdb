// No write path changes a live story silently. This test finds every place in the code that
// writes the tables readers see a story through (Article and the records a story owns) and
// requires each to be one of the paths below, each with the reason it may and where it is audited.
// A new write path fails this test until it is added here, with its reason, by someone who checked
// that it goes through "Update live story" or is audited on its own. The behaviour of each path is
// tested in tests/integration (article-working-copy, article-workflow, bylines-merge, tags).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A live coverage's rows are a story's too: readers see its entries as they are posted.
const LIVE_TABLES = ["liveCoverage", "liveEntry", "liveEntryAuthor", "liveChange"];
const STORY_TABLES = ["article", "articleByline", "articleTag", "caption", "quote", "relatedLink", "sidebar", "articleNote", "embedSnapshot", ...LIVE_TABLES];
const SQL_TABLES = ["Article", "ArticleByline", "ArticleTag", "Caption", "Quote", "RelatedLink", "Sidebar", "ArticleNote", "EmbedSnapshot", "LiveCoverage", "LiveEntry", "LiveEntryAuthor", "LiveChange"];
const PRISMA_WRITE = new RegExp(`\\.(${STORY_TABLES.join("|")})\\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\\(`);
const SQL_WRITE = new RegExp(`(UPDATE|INSERT INTO|DELETE FROM)\\s+\\\\?"(${SQL_TABLES.join("|")})\\\\?"`);

// file -> why it may write a story's public rows.
const ALLOWED: Record<string, string> = {
  "lib/articles/save/save-article.ts":
    "writeArticle: a draft's own save, and the body of 'Update live story' (update-live.ts); a live story's save goes to its working copy. claimVersion bumps only version/lastEditedById (raw SQL, so updatedAt stays).",
  "lib/articles/save/record-sync.ts": "the records a body refers to, called only by writeArticle",
  "lib/articles/publish/update-live.ts": "'Update live story' (now or scheduled) with its correction note: gate, PUBLISH revision, audit article.update-live",
  "lib/articles/workflow.ts": "publish, schedule, unpublish, back to draft: audited per step",
  "lib/articles/publish/publish-due.ts": "scheduled publishing: audited article.publish / article.schedule-failed",
  "lib/articles/notes.ts": "a correction or update note on the live story as it is: audited article.correction / article.update",
  "lib/articles/create-article.ts": "creates a new draft, which nobody reads",
  "lib/articles/trash/trash.ts": "moves drafts (never live stories) to the trash and purges them: audited",
  "lib/bylines/merge.ts": "an admin's byline merge: audited byline.merge; working copies follow (moveBylineInWorkingCopies)",
  "lib/tags/commands.ts": "an admin's tag merge: audited tag.merge; working copies follow (renameTagInWorkingCopies)",
  "lib/articles/embargo/embargo-commands.ts":
    "sets, extends or lifts a story's embargo (only its embargoUntil; refused on a live story unless lifting): version-claimed, audited article.embargo / article.clear-embargo / article.lift-embargo",
  "lib/articles/embargo/wire-embargo.ts": "an agency's later embargo on a story that is not live (only its embargoUntil, never shortened): audited article.embargo with byWire",
  "lib/live/coverage-commands.ts": "turning a story into live coverage and its status, times, match and key points (the desk's): version-guarded, audited live.start / live.update",
  "lib/live/commands.ts":
    "live entries are public as soon as they are posted (that is live coverage), never silently: each post, edit, delete (tombstone), pin and key-event mark is permission-checked, version-guarded and audited live.*",
  "lib/live/sequence.ts": "the reader change log (LiveChange, LiveCoverage.lastSeq), written only inside the audited live commands' transactions",
  "lib/live/authors.ts": "an admin's byline merge moving live entry bylines, called only by lib/bylines/merge.ts: audited byline.merge",
  "lib/embeds/snapshot.ts":
    "creates a new embed's snapshot before a save (never updates or deletes one); readers see it only through a body naming its id, which reaches a live story only through 'Update live story'",
  "scripts/bench/publish-to-visible.ts": "benchmark tool on a benchmark database, never the newsroom's",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" || name === "node_modules" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

function writersOfStoryTables(): Map<string, string[]> {
  const writers = new Map<string, string[]>();
  for (const file of ["lib", "app", "components", "scripts", "prisma"].flatMap(sourceFiles)) {
    const lines = readFileSync(file, "utf8").split("\n");
    const hits = lines.flatMap((line, i) => (PRISMA_WRITE.test(line) || SQL_WRITE.test(line) ? [`${i + 1}: ${line.trim().slice(0, 120)}`] : []));
    if (hits.length) writers.set(file.split(path.sep).join("/"), hits);
  }
  return writers;
}

describe("every write to a story's public rows", () => {
  const writers = writersOfStoryTables();

  it("is in a known path with its reason", () => {
    const unknown = [...writers.entries()].filter(([file]) => !(file in ALLOWED)).map(([file, hits]) => `${file}\n  ${hits.join("\n  ")}`);
    expect(unknown, `new write paths to story tables: add each to ALLOWED with why it does not change a live story silently`).toEqual([]);
  });

  it("finds the write paths it knows of (the scan itself works)", () => {
    for (const file of ["lib/articles/save/save-article.ts", "lib/articles/publish/update-live.ts", "lib/articles/workflow.ts", "lib/bylines/merge.ts", "lib/live/commands.ts", "lib/live/sequence.ts"])
      expect(writers.has(file), file).toBe(true);
  });

  it("lets only 'Update live story' and the draft save call writeArticle", () => {
    const callers = ["lib", "app", "scripts"]
      .flatMap(sourceFiles)
      .filter((file) => /\bwriteArticle\(/.test(readFileSync(file, "utf8")))
      .map((f) => f.split(path.sep).join("/"));
    expect(callers.sort()).toEqual(["lib/articles/publish/update-live.ts", "lib/articles/save/save-article.ts"]);
  });

  it("sends a live story's save to its working copy before anything else in the save path", () => {
    const save = readFileSync("lib/articles/save/save-article.ts", "utf8");
    const branch = save.indexOf("if (keepsWorkingCopy(current.status)) return saveToWorkingCopy(");
    expect(branch).toBeGreaterThan(0);
    expect(save.indexOf("await writeArticle(", save.indexOf("export async function persistArticle"))).toBeGreaterThan(branch);
  });
});
