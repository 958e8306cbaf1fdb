// One bench story, built in memory exactly as the editor would send it and the save path would
// store it: fields, ordered bylines, tags, a hero photo with this story's caption, and a body
// with 3 photos (caption records), 2 pull quotes (quote records), 5 related-story teasers (link
// records), a sidebar (its record) and a newsletter sign-up.
import { newRecordId } from "../../lib/editor/record-id";
import { bodyToPlainText } from "../../lib/editor/references";
import type { BodyDoc, BodyNode } from "../../lib/editor/types";
import { slugify } from "../../lib/articles/slugify";
import { AGENCY_LINES, HEADINGS, QUOTE_CONTEXTS, RARE_WORDS, RELATED_LABELS, type SportWords } from "./vocabulary";
import * as prose from "./prose";
import { bold, doc, figure, heading, italic, link, newsletterSignup, paragraph, pullQuote, relatedStory, sidebar } from "./body";
import { cuid } from "./ids";

type Rng = prose.Rng;
export type TagRef = { id: string; name: string };
export type BylineRole = "REPORTER" | "PHOTOGRAPHER" | "CONTRIBUTOR" | "EDITOR";

// What a section's stories are made from.
export type SectionPool = {
  id: string;
  slug: string;
  sport: SportWords;
  people: string[];
  teams: string[];
  profileIds: string[];
  tags: TagRef[];
};

export type StoryPools = { allProfileIds: string[]; generalTags: TagRef[]; mediaIds: string[] };

export type StoryRows = {
  id: string;
  slug: string;
  sectionId: string;
  kicker: string;
  headline: string;
  standfirst: string;
  agencyLine: string;
  hero: { captionId: string; mediaId: string; caption: string };
  body: BodyDoc;
  bodyText: string;
  bylines: { id: string; profileId: string; role: BylineRole }[];
  tags: TagRef[];
  captions: { id: string; mediaId: string; text: string }[];
  quotes: { id: string; text: string; speaker: string; speakerDescription: string; context: string }[];
  sidebar: { id: string; heading: string; body: BodyDoc };
  related: { toArticleId: string; label: string }[];
  word: string;
  rare: string | null;
};

// Distinct items, `count` of them; earlier items of `list` are likelier when `skew` > 1.
function pickDistinct<T>(rng: Rng, list: readonly T[], count: number, skew = 1): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(list[Math.floor(list.length * rng() ** skew)]);
  return [...chosen];
}

function chooseBylines(rng: Rng, section: SectionPool, pools: StoryPools): StoryRows["bylines"] {
  const first = prose.pick(rng, section.profileIds);
  let second = prose.pick(rng, pools.allProfileIds);
  if (second === first) second = pools.allProfileIds[(pools.allProfileIds.indexOf(first) + 1) % pools.allProfileIds.length];
  const role = prose.pick<BylineRole>(rng, ["REPORTER", "REPORTER", "CONTRIBUTOR", "PHOTOGRAPHER", "EDITOR"]);
  return [
    { id: cuid(), profileId: first, role: "REPORTER" },
    { id: cuid(), profileId: second, role },
  ];
}

type Records = Pick<StoryRows, "captions" | "quotes" | "sidebar" | "related">;

function buildRecords(rng: Rng, cast: prose.Cast, media: string[], relatedIds: readonly string[]): Records {
  const quote = (speaker: string) => ({
    id: newRecordId(),
    text: prose.quoteText(rng, cast),
    speaker,
    speakerDescription: `${cast.teams[0]} ${prose.pick(rng, cast.sport.roles)}`,
    context: prose.pick(rng, QUOTE_CONTEXTS),
  });
  const sidebarBody = doc([paragraph(prose.sentences(rng, cast, 2)), paragraph(prose.sentences(rng, cast, 2))]);
  return {
    captions: media.map((mediaId) => ({ id: newRecordId(), mediaId, text: prose.captionText(rng, cast) })),
    quotes: [quote(cast.people[0]), quote(cast.people[3])],
    sidebar: { id: newRecordId(), heading: prose.sidebarHeading(rng, cast), body: sidebarBody },
    related: relatedIds.map((toArticleId) => ({ toArticleId, label: prose.pick(rng, RELATED_LABELS) })),
  };
}

function buildBody(rng: Rng, cast: prose.Cast, records: Records, sectionSlug: string): BodyDoc {
  const text = (count: number) => prose.sentences(rng, cast, count);
  const [c1, c2, c3] = records.captions;
  const teaser = (index: number) => relatedStory(records.related[index].toArticleId, records.related[index].label);
  const lead = `${prose.pick(rng, cast.sport.actions)} as ${cast.teams[0]} beat ${cast.teams[1]} in the ${cast.event} on ${cast.day}. ${text(2)}`;
  const nodes: BodyNode[] = [
    paragraph(bold(cast.people[0]), ` ${lead}`),
    paragraph(`${text(1)} ${prose.distinctiveSentence(cast)} ${text(1)}`),
    figure(c1.mediaId, c1.id),
    paragraph(`${text(1)} It was, in the words of one supporter, `, italic("the best night in years"), `. ${text(1)}`),
    pullQuote(records.quotes[0].id),
    paragraph(text(3)),
    teaser(0),
    heading(prose.pick(rng, HEADINGS)),
    paragraph(cast.rare ? `${text(2)} ${prose.rareSentence(cast.rare)}` : text(3)),
    paragraph(`${text(2)} Full results are on the `, link("competition website", `https://results.example.org/${sectionSlug}/${slugify(cast.event)}`), "."),
    figure(c2.mediaId, c2.id),
    teaser(1),
    paragraph(text(3)),
    pullQuote(records.quotes[1].id),
    paragraph(text(3)),
    sidebar(records.sidebar.id),
    teaser(2),
    paragraph(text(3)),
    figure(c3.mediaId, c3.id),
    paragraph(text(2)),
    teaser(3),
    newsletterSignup(),
    paragraph(text(3)),
    teaser(4),
  ];
  return doc(nodes);
}

export type StoryInput = { index: number; seed: number; section: SectionPool; relatedIds: readonly string[]; uniqueSlug: (base: string) => string };

export function buildStory(input: StoryInput, pools: StoryPools): StoryRows {
  const rng = prose.createRng(input.seed);
  const { section } = input;
  const rare = rng() < RARE_WORDS.length / 400 ? prose.pick(rng, RARE_WORDS) : null;
  const word = prose.distinctiveWord(input.index);
  const cast = prose.castFor(rng, section.sport, section.people, section.teams, word, rare);
  const [heroMedia, ...figureMedia] = pickDistinct(rng, pools.mediaIds, 4);
  const records = buildRecords(rng, cast, figureMedia, input.relatedIds);
  const body = buildBody(rng, cast, records, section.slug);
  const headline = prose.headline(rng, cast);
  return {
    id: cuid(),
    slug: input.uniqueSlug(slugify(headline)),
    sectionId: section.id,
    kicker: prose.kicker(rng, cast),
    headline,
    standfirst: prose.standfirst(rng, cast),
    agencyLine: prose.pick(rng, AGENCY_LINES),
    hero: { captionId: cuid(), mediaId: heroMedia, caption: prose.captionText(rng, cast) },
    body,
    bodyText: bodyToPlainText(body),
    bylines: chooseBylines(rng, section, pools),
    tags: [...pickDistinct(rng, section.tags, 4, 2), prose.pick(rng, pools.generalTags)],
    ...records,
    word,
    rare,
  };
}
