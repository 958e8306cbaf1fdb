// Plausible sports copy for bench stories, from a seeded generator so a run is repeatable: each
// story gets a cast (people, teams, place, event) and its sentences are drawn from templates.
// Every story also carries one made-up place name found in no other story (its "distinctive
// word", for searches that must find exactly one story) and, rarely, one of the RARE_WORDS.
import { DAYS, FIRST_NAMES, LAST_NAMES, PLACES, SYLLABLES, type SportWords } from "./vocabulary";

export type Rng = () => number;

// mulberry32: small, fast, good enough for copy.
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const between = (rng: Rng, low: number, high: number): number => low + Math.floor(rng() * (high - low + 1));

export function personName(index: number): string {
  return `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]}`;
}

export function teamName(sport: SportWords, placeIndex: number, suffixIndex = placeIndex): string {
  return `${PLACES[placeIndex % PLACES.length]} ${sport.teamSuffixes[suffixIndex % sport.teamSuffixes.length]}`.trim();
}

// A word made of five syllables that encode `index`: unique per story up to 16^5 stories.
export function distinctiveWord(index: number): string {
  let word = "";
  for (let digit = 0, rest = index; digit < 5; digit++, rest = Math.floor(rest / SYLLABLES.length)) word += SYLLABLES[rest % SYLLABLES.length];
  return word;
}

const capitalise = (word: string) => word[0].toUpperCase() + word.slice(1);

export type Cast = {
  sport: SportWords;
  people: string[];
  teams: string[];
  place: string;
  event: string;
  day: string;
  word: string;
  rare: string | null;
};

export function castFor(rng: Rng, sport: SportWords, people: readonly string[], teams: readonly string[], word: string, rare: string | null): Cast {
  const shuffledTeams = [pick(rng, teams), pick(rng, teams), pick(rng, teams)];
  if (shuffledTeams[1] === shuffledTeams[0]) shuffledTeams[1] = teams[(teams.indexOf(shuffledTeams[0]) + 1) % teams.length];
  return {
    sport,
    people: [pick(rng, people), pick(rng, people), pick(rng, people), pick(rng, people)],
    teams: shuffledTeams,
    place: pick(rng, PLACES),
    event: pick(rng, sport.events),
    day: pick(rng, DAYS),
    word: capitalise(word),
    rare,
  };
}

type Template = (rng: Rng, c: Cast) => string;

const act = (rng: Rng, c: Cast) => pick(rng, c.sport.actions);
const thing = (rng: Rng, c: Cast) => pick(rng, c.sport.things);

const SENTENCES: Template[] = [
  (r, c) => `${c.people[0]} ${act(r, c)} as ${c.teams[0]} beat ${c.teams[1]} in the ${c.event} on ${c.day}.`,
  (r, c) => `The ${pick(r, c.sport.roles)} said the ${thing(r, c)} had changed everything, and the crowd of ${between(r, 4, 60)},000 agreed.`,
  (r, c) => `${c.teams[0]} have now won ${between(r, 2, 9)} of their last ${between(r, 10, 14)} outings this season.`,
  (r, c) => `It was the first time since ${between(r, 1968, 2019)} that ${c.teams[0]} had reached this stage.`,
  (r, c) => `${c.people[1]}, the ${pick(r, c.sport.roles)}, ${act(r, c)} before some fans had even found their seats.`,
  (r, c) => `The coach admitted it had been a difficult week, but praised the ${thing(r, c)} that turned it.`,
  (_, c) => `Rain delayed the start in ${c.place} by almost an hour.`,
  (r, c) => `Nobody in ${c.place} will forget the ${thing(r, c)} that settled it.`,
  (r, c) => `The result leaves ${c.teams[1]} ${between(r, 2, 12)} points behind with ${between(r, 3, 9)} rounds of the season to go.`,
  (r, c) => `${c.people[2]} ${act(r, c)} too, a reminder of how much depth the squad has.`,
  (r, c) => `The fans stayed long after the end, singing about the ${thing(r, c)}.`,
  (_, c) => `Their coach, ${c.people[3]}, refused to talk about the title.`,
  (r, c) => `${c.teams[1]} had started brightly, and ${c.people[1]} ${act(r, c)} within minutes.`,
  () => `Few in the crowd expected it after the way the season began.`,
];

export function sentence(rng: Rng, cast: Cast): string {
  return pick(rng, SENTENCES)(rng, cast);
}

export function sentences(rng: Rng, cast: Cast, count: number): string {
  return Array.from({ length: count }, () => sentence(rng, cast)).join(" ");
}

export const distinctiveSentence = (cast: Cast) => `Supporters had travelled from ${cast.word} to watch.`;
export const rareSentence = (rare: string) => `Many will remember the ${rare} as much as the result.`;

export function headline(rng: Rng, c: Cast): string {
  const verb = pick(rng, ["beat", "edge past", "stun", "hold off", "sweep aside"]);
  return pick(rng, [
    `${c.people[0]} ${act(rng, c)} as ${c.teams[0]} ${verb} ${c.teams[1]}`,
    `${c.teams[0]} ${verb} ${c.teams[1]} in ${c.place} ${c.event}`,
    `${c.people[0]}'s ${thing(rng, c)} lifts ${c.teams[0]} in the ${c.event}`,
  ]);
}

export const standfirst = (rng: Rng, c: Cast) => `${c.people[0]} ${act(rng, c)} in the ${c.event} in ${c.place}, and ${c.teams[1]} were left to wonder what might have been.`;

export function quoteText(rng: Rng, c: Cast): string {
  return pick(rng, [
    `We knew the ${thing(rng, c)} would decide it, and we were ready for it.`,
    `I can't think straight about the ${c.event} yet. It's too soon to talk about it.`,
    `This ${c.teams[0]} team never gives up, whatever the score says.`,
    `The fans in ${c.place} carried us through the last part of the season.`,
    `Nobody gave us a chance against ${c.teams[1]}, and that was fine by us.`,
  ]);
}

export const captionText = (rng: Rng, c: Cast) => pick(rng, [`${pick(rng, c.people)} during the ${c.event} in ${c.place}.`, `${pick(rng, c.people)} after the ${c.event} against ${c.teams[1]}.`]);

export const sidebarHeading = (rng: Rng, c: Cast) => `Meanwhile, ${c.teams[2]} ${act(rng, c)}`;

export const kicker = (rng: Rng, c: Cast) => pick(rng, c.sport.kickers);
