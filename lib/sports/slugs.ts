// Reader addresses of teams, athletes and competitions (/teams/<slug>, …): made from the name when
// the record is created, with "-2", "-3"… when another record of that kind has it already. A slug
// never changes afterwards, so links to the page keep working when the name is corrected.
import "server-only";
import type { Tx } from "../db";
import { toSlug } from "../slug";

export type SluggedKind = "team" | "athlete" | "competition";

async function taken(tx: Tx, kind: SluggedKind, slug: string): Promise<boolean> {
  const where = { slug };
  const select = { id: true };
  const row = kind === "team" ? await tx.team.findUnique({ where, select }) : kind === "athlete" ? await tx.athlete.findUnique({ where, select }) : await tx.competition.findUnique({ where, select });
  return row !== null;
}

export async function newSportsSlug(tx: Tx, kind: SluggedKind, name: string): Promise<string> {
  const base = toSlug(name) || kind;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(tx, kind, slug))) return slug;
  }
}
