// How long from an editor publishing a story to readers seeing it, against a running server.
//   DATABASE_URL=… NEXTAUTH_SECRET=… npx tsx scripts/bench/publish-to-visible.ts [baseUrl] [rounds]
// Uses the server's database and secret (the secret signs the change notice this process sends,
// as the publish-due cron job does). Takes one demo draft through publish/unpublish rounds, times
// publishArticle until the story's page, section page and front page show it, then puts the story
// back as it was. Meant for demo and test databases.
import { performance } from "node:perf_hooks";
import { readFileSync, existsSync } from "node:fs";

const baseUrl = (process.argv[2] ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
const rounds = Number(process.argv[3] ?? 10);

// The secret `npm start` generated, when none is set.
if (!process.env.NEXTAUTH_SECRET && !process.env.AUTH_SECRET && existsSync("data/nextauth-secret")) {
  process.env.NEXTAUTH_SECRET = readFileSync("data/nextauth-secret", "utf8").trim();
}

async function main(): Promise<void> {
  // Imported after the environment is settled: lib/db reads DATABASE_URL when it loads.
  const { db } = await import("../../lib/db");
  const { publishArticle, unpublishArticle } = await import("../../lib/articles/workflow");
  const { REFRESH_PATH, signRefresh, SIGNATURE_HEADER } = await import("../../lib/internal-refresh");
  const { reindexArticle } = await import("../../lib/search/index-article");

  const notify = async (articleId: string) => {
    const body = JSON.stringify({ articleIds: [articleId] });
    const response = await fetch(`${baseUrl}${REFRESH_PATH}`, { method: "POST", body, headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signRefresh(body) } });
    if (!response.ok) throw new Error(`the server refused the change notice: ${response.status} ${await response.text()}`);
  };
  const shows = async (path: string, needle: string) => (await (await fetch(`${baseUrl}${path}`)).text()).includes(needle);

  const story = await db.article.findFirstOrThrow({ where: { status: "DRAFT", heroMediaId: { not: null }, bylines: { some: {} }, sectionId: { not: null } }, include: { section: true } });
  const editor = await db.user.create({ data: { email: `bench-${Date.now()}@pressbox.invalid`, name: "Benchmark editor", role: "EDITOR", passwordHash: "!bench" } });
  const actor = { id: editor.id, role: editor.role, name: editor.name };
  const paths = [`/${story.section!.slug}/${story.slug}`, `/${story.section!.slug}`, "/"];
  const delays: number[] = [];
  let version = story.version;
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const path of paths) await fetch(`${baseUrl}${path}`);
      const started = performance.now();
      version = (await publishArticle(actor, { articleId: story.id, expectedVersion: version })).version;
      await notify(story.id);
      for (const path of paths) if (!(await shows(path, story.slug))) throw new Error(`${path} does not show the story after publishing`);
      delays.push(performance.now() - started);
      version = (await unpublishArticle(actor, { articleId: story.id, expectedVersion: version })).version;
      await notify(story.id);
    }
  } finally {
    await db.article.update({ where: { id: story.id }, data: { status: story.status, publishedAt: story.publishedAt, firstPublishedAt: story.firstPublishedAt } });
    await db.$transaction((tx) => reindexArticle(tx, story.id));
    await notify(story.id).catch(() => undefined);
    await db.user.delete({ where: { id: editor.id } }).catch(() => undefined);
    await db.$disconnect();
  }
  const sorted = [...delays].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`publish-to-visible over ${delays.length} rounds (${baseUrl}): median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`);
  console.log("(publishArticle, the change notice, and the first requests for the story, its section and the front page all showing it)");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
