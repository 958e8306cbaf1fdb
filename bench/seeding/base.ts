// The bench database's base, written through the app's own code: migrations (deployMigrations),
// the demo newsroom (prisma/seed.ts), the demo accounts (lib/users/bootstrap.ts) and a pool of
// real photos drawn with sharp and uploaded through createMedia (renditions on disk in mediaDir,
// alt text, captions, credits). Extra byline profiles and tags use the same rows the demo
// registry and the save path's tag upsert write.
import { createDb, type Db } from "../../lib/db";
import { databaseProvider } from "../../lib/database-url";
import { toSlug } from "../../lib/slug";
import { DEMO_ACCOUNTS, ensureAccounts } from "../../lib/users/bootstrap";
import { seedDemoNewsroom } from "../../prisma/seed";
import { deployMigrations } from "../../lib/migrations/deploy";
import { createDemoPhoto, createDemoRegistry, mapLimited } from "../../tests/fixtures/demo-factories";
import { DEMO_PHOTOGRAPHERS, DEMO_SECTIONS, type PhotoSpec } from "../../tests/fixtures/demo-newsroom";
import type { Palette } from "../../tests/fixtures/images";
import { GENERAL_TOPICS, PLACES, SPORTS } from "./vocabulary";
import { personName, teamName } from "./prose";
import type { SectionPool, StoryPools, TagRef } from "./story";

export type BaseOptions = { databaseUrl: string; mediaDir: string; images: number; log: (line: string) => void };

export type BaseData = {
  editor: { id: string; email: string; password: string };
  sections: SectionPool[];
  pools: StoryPools;
  // Published demo stories, for the oldest bench stories' related teasers.
  demoPublishedIds: string[];
  slugs: Set<string>;
};

const EDITOR = DEMO_ACCOUNTS.find((account) => account.role === "EDITOR")!;
const PROFILES_PER_SECTION = 5;
const PEOPLE_PER_SECTION = 60;
const PEOPLE_TAGS_PER_SECTION = 20;
const TEAMS_PER_SECTION = 25;
const PHOTO_CONCURRENCY = 3;
const PALETTES: Palette[] = ["grass", "clay", "night", "track", "turf", "ice"];

// lib/db, createMedia and reindexArticle read DATABASE_URL and MEDIA_DIR from the environment.
async function withEnv<T>(values: Record<string, string>, task: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  try {
    return await task();
  } finally {
    for (const [key, value] of Object.entries(saved))
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  }
}

function sectionPeople(sectionIndex: number): string[] {
  return Array.from({ length: PEOPLE_PER_SECTION }, (_, i) => personName(sectionIndex * PEOPLE_PER_SECTION + i));
}

function sectionTeams(slug: string): string[] {
  return Array.from({ length: TEAMS_PER_SECTION }, (_, i) => teamName(SPORTS[slug], i * 3 + DEMO_SECTIONS.length, i));
}

// Find-or-create by slug, like the save path's tag upsert. Names whose slug another pool already
// took are skipped, so no story gets one tag twice.
async function ensureTags(db: Db, names: string[], taken: Set<string>): Promise<TagRef[]> {
  const wanted = [...new Map(names.map((name) => [toSlug(name), name])).entries()].filter(([slug]) => slug && !taken.has(slug));
  wanted.forEach(([slug]) => taken.add(slug));
  const slugs = wanted.map(([slug]) => slug);
  const existing = new Set((await db.tag.findMany({ where: { slug: { in: slugs } }, select: { slug: true } })).map((t) => t.slug));
  const missing = wanted.filter(([slug]) => !existing.has(slug)).map(([slug, name]) => ({ slug, name }));
  if (missing.length) await db.tag.createMany({ data: missing });
  const rows = await db.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true, name: true, slug: true } });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return slugs.map((slug) => ({ id: bySlug.get(slug)!.id, name: bySlug.get(slug)!.name }));
}

async function ensureProfiles(db: Db, section: { name: string; slug: string }, index: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < PROFILES_PER_SECTION; i++) {
    const name = personName(1000 + index * PROFILES_PER_SECTION + i);
    const data = { name, slug: toSlug(name), jobTitle: `${section.name} reporter`, bio: `${name} reports on ${section.name.toLowerCase()} for Pressbox Sport.` };
    ids.push((await db.bylineProfile.upsert({ where: { slug: data.slug }, create: data, update: {} })).id);
  }
  return ids;
}

async function buildSections(db: Db, taken: Set<string>): Promise<SectionPool[]> {
  const rows = await db.section.findMany({ select: { id: true, slug: true, name: true } });
  const pools: SectionPool[] = [];
  for (const [index, section] of DEMO_SECTIONS.entries()) {
    const sport = SPORTS[section.slug];
    const people = sectionPeople(index);
    const teams = sectionTeams(section.slug);
    const tags = await ensureTags(db, [...sport.topics, ...teams, ...people.slice(0, PEOPLE_TAGS_PER_SECTION)], taken);
    const profileIds = await ensureProfiles(db, section, index);
    pools.push({ id: rows.find((row) => row.slug === section.slug)!.id, slug: section.slug, sport, people, teams, profileIds, tags });
  }
  return pools;
}

function photoSpec(index: number): PhotoSpec {
  const section = DEMO_SECTIONS[index % DEMO_SECTIONS.length];
  const sport = SPORTS[section.slug];
  const isStaff = index % 5 === 4;
  return {
    seed: `bench-photo-${index}`,
    palette: PALETTES[index % PALETTES.length],
    photographer: isStaff ? undefined : DEMO_PHOTOGRAPHERS[index % DEMO_PHOTOGRAPHERS.length].name,
    creditOverride: isStaff ? "Pressbox staff" : undefined,
    altText: `A ${sport.roles[index % sport.roles.length]} in action during a ${sport.events[index % sport.events.length]} in ${PLACES[index % PLACES.length]}.`,
    caption: `${personName(index * 7)} during the ${sport.events[(index + 1) % sport.events.length]}.`,
  };
}

// The demo's own story photos count towards the pool; byline portraits do not.
async function buildMediaPool(db: Db, images: number, log: (line: string) => void): Promise<string[]> {
  const existing = await db.media.findMany({ where: { bylinePhotoOf: { none: {} } }, select: { id: true }, orderBy: { createdAt: "asc" } });
  const extra = Math.max(0, images - existing.length);
  if (extra) log(`bench seed: drawing and uploading ${extra} more photos through createMedia`);
  const registry = await createDemoRegistry(db);
  const specs = Array.from({ length: extra }, (_, i) => photoSpec(i));
  const ids = await mapLimited(specs, PHOTO_CONCURRENCY, (spec) => createDemoPhoto(db, spec, registry));
  return [...existing.map((row) => row.id), ...ids];
}

async function seedWithApp(db: Db, options: BaseOptions): Promise<BaseData> {
  if ((await db.section.count()) > 0) throw new Error("The bench seed needs a fresh database: this one already has sections.");
  await seedDemoNewsroom(db, options.log);
  await ensureAccounts(db, {}, options.log);
  const taken = new Set<string>();
  const sections = await buildSections(db, taken);
  const generalTags = await ensureTags(db, [...GENERAL_TOPICS], taken);
  const mediaIds = await buildMediaPool(db, options.images, options.log);
  const editor = await db.user.findUniqueOrThrow({ where: { email: EDITOR.email }, select: { id: true, email: true } });
  const allProfileIds = (await db.bylineProfile.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } })).map((p) => p.id);
  const articles = await db.article.findMany({ select: { id: true, slug: true, status: true } });
  return {
    editor: { ...editor, password: EDITOR.password },
    sections,
    pools: { allProfileIds, generalTags, mediaIds },
    demoPublishedIds: articles.filter((a) => a.status === "PUBLISHED").map((a) => a.id),
    slugs: new Set(articles.map((a) => a.slug)),
  };
}

export async function seedBase(options: BaseOptions): Promise<BaseData> {
  if (databaseProvider(options.databaseUrl) !== "sqlite") throw new Error("The bench seed writes SQLite files only (DATABASE_URL must start with file:).");
  return withEnv({ DATABASE_URL: options.databaseUrl, MEDIA_DIR: options.mediaDir }, async () => {
    await deployMigrations(options.databaseUrl);
    const db = createDb(options.databaseUrl);
    try {
      return await seedWithApp(db, options);
    } finally {
      await db.$disconnect();
    }
  });
}
