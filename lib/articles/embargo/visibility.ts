// What readers may see of a story, as query filters: published, and past its embargo (or without
// one). Every public reader (article page, story cards, related stories, feeds, sitemaps, search)
// builds its WHERE from here, so a story published by mistake before its embargo still shows
// nowhere until the time (defence in depth behind the refusals in workflow.ts).
import "server-only";
import { isPostgres } from "../../db";
import { Prisma } from "../../generated/sqlite/client";
import { column } from "../../sql-json";

// "Not embargoed at `now`", for the article row `alias` names.
export function releasedSql(alias: string, now: Date = new Date()): Prisma.Sql {
  const embargo = column(alias, "embargoUntil");
  // SQLite keeps DateTime as ISO text; julianday compares it whatever its offset notation.
  const passed = isPostgres() ? Prisma.sql`${embargo} <= ${now}` : Prisma.sql`julianday(${embargo}) <= julianday(${now.toISOString()})`;
  return Prisma.sql`(${embargo} IS NULL OR ${passed})`;
}

// A story readers may see: published and released.
export function publicArticleSql(alias: string, now: Date = new Date()): Prisma.Sql {
  return Prisma.sql`${column(alias, "status")} = 'PUBLISHED' AND ${releasedSql(alias, now)}`;
}

// The same for Prisma's query builder (in an AND, so it never clashes with a caller's own OR).
export function publicArticleWhere(now: Date = new Date()) {
  return { status: "PUBLISHED" as const, AND: [{ OR: [{ embargoUntil: null }, { embargoUntil: { lte: now } }] }] };
}
