// Reads a whole newsroom the way Pressbox does, for comparing two databases (a SQLite newsroom and
// its PostgreSQL copy, a backup and its restore): every row of every model through Prisma (which
// gives the same JS values on both providers), plus what the app's own reading code makes of it:
// each story's reader page, the front page, the newsroom's story list and reader search.
// Prints one JSON document. DATABASE_URL names the database.
import { loadArticlePage } from "../../lib/articles/page/article-page";
import { listStories, parseStoryFilters } from "../../lib/articles/list-stories";
import { db } from "../../lib/db";
import { Prisma } from "../../lib/generated/sqlite/client";
import { getFrontPage } from "../../lib/listings/front-page";
import { searchStories } from "../../lib/search/search-stories";

const SEARCH_WORDS = (process.env.BACKUP_READER_SEARCH ?? "").split(",").filter(Boolean);

async function readModels(): Promise<Record<string, unknown[]>> {
  const models: Record<string, unknown[]> = {};
  const delegates: Record<Uncapitalize<Prisma.ModelName>, { findMany: () => Promise<unknown[]> }> = db;
  for (const name of Object.values(Prisma.ModelName)) {
    const delegate = delegates[(name[0].toLowerCase() + name.slice(1)) as Uncapitalize<Prisma.ModelName>];
    const rows = (await delegate.findMany()).map((row) => JSON.stringify(row)).sort();
    models[name] = rows.map((row) => JSON.parse(row));
  }
  return models;
}

async function main(): Promise<void> {
  const models = await readModels();
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, orderBy: { email: "asc" } });
  const actor = { id: admin.id, role: admin.role, name: admin.name };
  const published = await db.article.findMany({ where: { status: "PUBLISHED", deletedAt: null }, select: { slug: true }, orderBy: { slug: "asc" } });
  const pages: Record<string, unknown> = {};
  for (const { slug } of published) pages[slug] = await loadArticlePage(slug);
  const storyList = await listStories(actor, parseStoryFilters({}));
  const search: Record<string, string[]> = {};
  for (const word of SEARCH_WORDS) {
    const results = await searchStories({ terms: [word], page: 1, pageSize: 100 });
    search[word] = results.hits.map((hit) => hit.id).sort();
  }
  const front = await getFrontPage();
  // Exit only once the whole answer is written: a large one outlasts one write to the pipe.
  await new Promise<void>((resolve, reject) => process.stdout.write(JSON.stringify({ models, pages, front, storyList, search }), (error) => (error ? reject(error) : resolve())));
  await db.$disconnect();
}

// Exits explicitly: lib/ keeps timers (caches, pools) that would hold the process open.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
