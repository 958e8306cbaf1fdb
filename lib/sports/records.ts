// The sports, competitions, teams and athletes one SportsML import refers to: found by the data
// provider's key, else by name (case-insensitively) within the sport, else created. Each is looked
// up once per import and counted once, however many events name it.
import "server-only";
import type { Tx } from "../db";
import { newSportsSlug } from "./slugs";

export type Tally = { created: number; matched: number };
type Person = { key: string | null; name: string | null };
type Found = { id: string; key: string | null };
type Finder = {
  byKey: (key: string) => Promise<Found | null>;
  byName: (nameKey: string) => Promise<Found | null>;
  setKey: (id: string, key: string) => Promise<unknown>;
};

const nameKeyOf = (name: string) => name.trim().toLowerCase();

export class SportsRecords {
  readonly teams: Tally = { created: 0, matched: 0 };
  readonly athletes: Tally = { created: 0, matched: 0 };
  private readonly ids = new Map<string, string | null>();

  constructor(private readonly tx: Tx) {}

  private async once(cacheKey: string, find: () => Promise<string | null>): Promise<string | null> {
    if (!this.ids.has(cacheKey)) this.ids.set(cacheKey, await find());
    return this.ids.get(cacheKey)!;
  }

  async sport(name: string | null): Promise<string | null> {
    if (!name) return null;
    const nameKey = nameKeyOf(name);
    return this.once(`sport:${nameKey}`, async () => {
      const sport = await this.tx.sport.upsert({ where: { nameKey }, create: { name, nameKey }, update: {} });
      return sport.id;
    });
  }

  // The season of a named competition; an empty season name when the document names none.
  async season(sportId: string | null, competition: string | null, season: string | null): Promise<string | null> {
    if (!competition) return null;
    const nameKey = nameKeyOf(competition);
    const competitionId = await this.once(`competition:${sportId}:${nameKey}`, async () => {
      const found = await this.tx.competition.findFirst({ where: { sportId, nameKey }, orderBy: { createdAt: "asc" } });
      return (found ?? (await this.tx.competition.create({ data: { sportId, name: competition, nameKey, slug: await newSportsSlug(this.tx, "competition", competition) } }))).id;
    });
    const name = season ?? "";
    return this.once(`season:${competitionId}:${name}`, async () => {
      const row = await this.tx.competitionSeason.upsert({ where: { competitionId_name: { competitionId: competitionId!, name } }, create: { competitionId: competitionId!, name }, update: {} });
      return row.id;
    });
  }

  // Null when the document names the team by key alone and Pressbox does not know that key.
  async team(team: Person, sportId: string | null): Promise<string | null> {
    return this.once(team.key ? `team-key:${team.key}` : `team:${sportId}:${nameKeyOf(team.name ?? "")}`, async () => {
      const found = await this.findByKeyOrName("team", team, sportId);
      if (found) return found;
      if (!team.name) return null;
      this.teams.created++;
      const row = await this.tx.team.create({ data: { key: team.key, name: team.name, nameKey: nameKeyOf(team.name), slug: await newSportsSlug(this.tx, "team", team.name), sportId } });
      return row.id;
    });
  }

  async athlete(athlete: Person, sportId: string | null, teamId: string | null): Promise<string | null> {
    return this.once(athlete.key ? `athlete-key:${athlete.key}` : `athlete:${sportId}:${nameKeyOf(athlete.name ?? "")}`, async () => {
      const found = await this.findByKeyOrName("athlete", athlete, sportId);
      if (found) return found;
      if (!athlete.name) return null;
      this.athletes.created++;
      const row = await this.tx.athlete.create({ data: { key: athlete.key, name: athlete.name, nameKey: nameKeyOf(athlete.name), slug: await newSportsSlug(this.tx, "athlete", athlete.name), sportId, teamId } });
      return row.id;
    });
  }

  // A record found by name that has no key yet takes the document's key, so the next import finds
  // it by key.
  private async findByKeyOrName(kind: "team" | "athlete", person: Person, sportId: string | null): Promise<string | null> {
    const finder = this.finder(kind, sportId);
    const byKey = person.key ? await finder.byKey(person.key) : null;
    const byName = !byKey && person.name ? await finder.byName(nameKeyOf(person.name)) : null;
    const found = byKey ?? byName;
    if (!found) return null;
    (kind === "team" ? this.teams : this.athletes).matched++;
    if (byName && !byName.key && person.key) await finder.setKey(byName.id, person.key);
    return found.id;
  }

  private finder(kind: "team" | "athlete", sportId: string | null): Finder {
    const select = { id: true, key: true };
    const orderBy = { createdAt: "asc" } as const;
    if (kind === "team") {
      return {
        byKey: (key) => this.tx.team.findUnique({ where: { key }, select }),
        byName: (nameKey) => this.tx.team.findFirst({ where: { sportId, nameKey }, orderBy, select }),
        setKey: (id, key) => this.tx.team.update({ where: { id }, data: { key } }),
      };
    }
    return {
      byKey: (key) => this.tx.athlete.findUnique({ where: { key }, select }),
      byName: (nameKey) => this.tx.athlete.findFirst({ where: { sportId, nameKey }, orderBy, select }),
      setKey: (id, key) => this.tx.athlete.update({ where: { id }, data: { key } }),
    };
  }
}
