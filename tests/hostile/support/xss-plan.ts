// Where each payload goes: every payload into every text field class, in as few stories and
// records as the field limits allow. A field with room for several payloads gets several, joined
// by a space (packed) up to its length limit; a payload longer than the limit is cut to it.
// Short single-value fields (section and tag names, byline names, speakers, labels) take one payload
// each, spread over the stories; section and tag names end in " s<n>" / " t<n>", because names must
// be unique and a tag's address is made from its name. Each field starts the corpus at its own
// offset, so a story's fields carry different payloads. Nothing here touches the database.
import type { Payload } from "./xss-corpus";

// A value to write and the payloads it carries.
export type Placed = { text: string; payloadIds: string[] };

export const LIMITS = {
  headline: 200,
  kicker: 120,
  standfirst: 600,
  agencyLine: 200,
  caption: 1000,
  altText: 1000,
  creditOverride: 300,
  quote: 2000,
  speaker: 120,
  speakerDescription: 200,
  quoteContext: 200,
  sidebarHeading: 200,
  label: 120,
  tag: 60,
  section: 60,
  sectionDescription: 300,
  bylineName: 120,
  bio: 2000,
  jobTitle: 120,
  photographer: 120,
  agencyName: 120,
  shortCredit: 60,
  distributor: 120,
} as const;
export type FieldName = keyof typeof LIMITS | "paragraph" | "heading" | "listItem" | "bold" | "italic" | "linkText" | "sidebarParagraph";

// Pages opened for fields only a listing page shows (bio, job title, section description, tag page).
const LISTING_SAMPLE = 3;
const AGENCY_CREDITED_MEDIA = 12;

export type QuotePlan = { text: Placed; speaker: Placed; speakerDescription: Placed; context: Placed };
export type StoryPlan = {
  index: number;
  slug: string;
  section: number;
  headline: Placed;
  kicker: Placed;
  standfirst: Placed;
  agencyLine: Placed;
  heroMedia: number;
  heroCaption: Placed;
  figureMedia: number;
  figureCaption: Placed;
  tags: Placed[];
  bylines: number[];
  paragraphs: Placed[];
  headings: Placed[];
  listItems: Placed[];
  bold: Placed[];
  italic: Placed[];
  linkTexts: Placed[];
  quotes: QuotePlan[];
  sidebar: { heading: Placed; paragraphs: Placed[] };
  teasers: { target: number; label: Placed }[];
};
export type MediaPlan = { altText: Placed; creditOverride: Placed | null; photographer: number | null; agency: number | null };
export type XssPlan = {
  sections: { name: Placed; slug: string; description: Placed | null }[];
  profiles: { name: Placed; slug: string; bio: Placed | null; jobTitle: Placed | null }[];
  photographers: Placed[];
  agencies: { name: Placed; shortCredit: Placed; distributor: Placed }[];
  media: MediaPlan[];
  stories: StoryPlan[];
  sample: { sections: number[]; tags: string[]; profiles: number[] };
  // Field class → how many payload placements it received, and how many distinct payloads.
  placements: Map<FieldName, { placed: number; distinct: Set<string> }>;
};

const cut = (text: string, limit: number) => text.trim().slice(0, limit).trim();

function rotate<T>(list: T[], by: number): T[] {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

// First-fit decreasing: the longest payloads first, each into the first value with room left, so
// the fewest values (and so stories) carry them all.
function pack(payloads: Payload[], limit: number): Placed[] {
  const packs: Placed[] = [];
  const longestFirst = payloads.map((payload) => ({ id: payload.id, text: cut(payload.text, limit) })).sort((a, b) => b.text.length - a.text.length || a.id.localeCompare(b.id));
  for (const { id, text } of longestFirst) {
    const room = packs.find((value) => value.text.length + 1 + text.length <= limit);
    if (room) {
      room.text += ` ${text}`;
      room.payloadIds.push(id);
    } else packs.push({ text, payloadIds: [id] });
  }
  return packs;
}

const singles = (payloads: Payload[], limit: number, suffix = (_: number) => ""): Placed[] =>
  payloads.map((payload, index) => ({ text: `${cut(payload.text, limit - suffix(index).length)}${suffix(index)}`, payloadIds: [payload.id] }));

// Spreads values over `count` holders: holder i gets values i, i + count, i + 2·count…
const spread = <T>(values: T[], count: number, holder: number): T[] => values.filter((_, index) => index % count === holder);

// Hands each field class its values, drawn from the corpus starting at the class's own offset,
// and counts what each class received.
function dealer(corpus: Payload[], placements: XssPlan["placements"]) {
  let offset = 0;
  return (name: FieldName, make: (payloads: Payload[]) => Placed[]): Placed[] => {
    const values = make(rotate(corpus, (offset += 17)));
    const entry = placements.get(name) ?? { placed: 0, distinct: new Set<string>() };
    for (const value of values) {
      for (const id of value.payloadIds) {
        entry.placed++;
        entry.distinct.add(id);
      }
    }
    placements.set(name, entry);
    return values;
  };
}
type Deal = ReturnType<typeof dealer>;

// Byline profiles carry the bios (and so the author pages opened), sections the descriptions.
function peoplePlan(field: Deal) {
  const sections = field("section", (p) => singles(p, LIMITS.section, (i) => ` s${i}`)).map((name, index) => ({ name, slug: `xss-section-${index}`, description: null as Placed | null }));
  field("sectionDescription", (p) => pack(p, LIMITS.sectionDescription).slice(0, LISTING_SAMPLE)).forEach((d, i) => (sections[i].description = d));
  const profiles = field("bylineName", (p) => singles(p, LIMITS.bylineName)).map((name, index) => ({ name, slug: `xss-author-${index}`, bio: null as Placed | null, jobTitle: null as Placed | null }));
  field("bio", (p) => pack(p, LIMITS.bio)).forEach((bio, i) => (profiles[i].bio = bio));
  const withBio = profiles.map((_, i) => i).filter((i) => profiles[i].bio);
  field("jobTitle", (p) => singles(p.slice(0, withBio.length), LIMITS.jobTitle)).forEach((title, i) => (profiles[i].jobTitle = title));
  return { sections, profiles, withBio };
}

// Pictures credited by an override (the free-text credit), and a few through a photographer and agency.
function mediaPlan(field: Deal) {
  const overrides = field("creditOverride", (p) => pack(p, LIMITS.creditOverride));
  const some = (name: FieldName, limit: number) => field(name, (p) => singles(p.slice(0, AGENCY_CREDITED_MEDIA), limit));
  const photographers = some("photographer", LIMITS.photographer);
  const [names, shortCredits, distributors] = [some("agencyName", LIMITS.agencyName), some("shortCredit", LIMITS.shortCredit), some("distributor", LIMITS.distributor)];
  const agencies = names.map((name, i) => ({ name, shortCredit: shortCredits[i], distributor: distributors[i] }));
  const count = overrides.length + agencies.length;
  const alts = field("altText", (p) => pack(p, LIMITS.altText));
  if (alts.length > count) throw new Error(`xss plan: ${alts.length} alt texts for ${count} pictures`);
  const media: MediaPlan[] = Array.from({ length: count }, (_, i) => {
    const agency = i < overrides.length ? null : i - overrides.length;
    return { altText: alts[i % alts.length], creditOverride: agency === null ? overrides[i] : null, photographer: agency, agency };
  });
  return { photographers, agencies, media };
}

function storiesPlan(field: Deal, kickers: Placed[], counts: { sections: number; profiles: number; media: number }): StoryPlan[] {
  const storyCount = kickers.length;
  if (counts.media > storyCount) throw new Error(`xss plan: ${counts.media} pictures for ${storyCount} stories`);
  const every = (name: FieldName, limit: number, make = pack) => field(name, (p) => make(p, limit));
  const one = (values: Placed[], i: number) => {
    if (values.length > storyCount) throw new Error(`xss plan: ${values.length} values for ${storyCount} stories`);
    return values[i % values.length];
  };
  const [headlines, standfirsts, agencyLines] = [every("headline", LIMITS.headline), every("standfirst", LIMITS.standfirst), every("agencyLine", LIMITS.agencyLine)];
  const [heroCaptions, figureCaptions, sidebarHeadings] = [every("caption", LIMITS.caption), every("caption", LIMITS.caption), every("sidebarHeading", LIMITS.sidebarHeading)];
  const [paragraphs, headings, listItems, bold, italic, linkTexts, sidebarParagraphs] = (["paragraph", "heading", "listItem", "bold", "italic", "linkText", "sidebarParagraph"] as const).map((name) =>
    every(name, 10_000, singles),
  );
  const tags = every("tag", LIMITS.tag, (p, limit) => singles(p, limit, (i) => ` t${i}`));
  const quoteParts = (["quote", "speaker", "speakerDescription", "quoteContext"] as const).map((name) => every(name, LIMITS[name], singles));
  const labels = every("label", LIMITS.label, singles);
  const spreadOver = <T>(values: T[], i: number) => spread(values, storyCount, i);
  return Array.from({ length: storyCount }, (_, i) => ({
    index: i,
    slug: `xss-story-${i}`,
    section: i % counts.sections,
    headline: one(headlines, i),
    kicker: kickers[i],
    standfirst: one(standfirsts, i),
    agencyLine: one(agencyLines, i),
    heroMedia: i % counts.media,
    heroCaption: one(heroCaptions, i),
    figureMedia: (i + 7) % counts.media,
    figureCaption: one(figureCaptions, i),
    tags: spreadOver(tags, i),
    bylines: spreadOver(
      Array.from({ length: counts.profiles }, (_, k) => k),
      i,
    ),
    paragraphs: spreadOver(paragraphs, i),
    headings: spreadOver(headings, i),
    listItems: spreadOver(listItems, i),
    bold: spreadOver(bold, i),
    italic: spreadOver(italic, i),
    linkTexts: spreadOver(linkTexts, i),
    quotes: spreadOver(
      quoteParts[0].map((_, k) => k),
      i,
    ).map((k) => ({ text: quoteParts[0][k], speaker: quoteParts[1][k], speakerDescription: quoteParts[2][k], context: quoteParts[3][k] })),
    sidebar: { heading: one(sidebarHeadings, i), paragraphs: spreadOver(sidebarParagraphs, i) },
    // Teasers point at stories published before this one (stories are published in order).
    teasers: i === 0 ? [] : spread(labels, storyCount - 1, i - 1).map((label, k) => ({ target: Math.max(0, i - 1 - k), label })),
  }));
}

// The kicker, one per story and the shortest field packed, decides how many stories there are.
export function buildXssPlan(corpus: Payload[]): XssPlan {
  const placements: XssPlan["placements"] = new Map();
  const field = dealer(corpus, placements);
  const kickers = field("kicker", (p) => pack(p, LIMITS.kicker));
  const { sections, profiles, withBio } = peoplePlan(field);
  const { photographers, agencies, media } = mediaPlan(field);
  const stories = storiesPlan(field, kickers, { sections: sections.length, profiles: profiles.length, media: media.length });
  assertCoverage(placements, corpus.length, stories);
  return { sections, profiles, photographers, agencies, media, stories, sample: samples(sections.length, stories, withBio), placements };
}

function samples(sectionCount: number, stories: StoryPlan[], profiles: number[]): XssPlan["sample"] {
  const tags = stories
    .flatMap((story) => story.tags)
    .slice(0, LISTING_SAMPLE)
    .map((t) => t.text);
  return { sections: Array.from({ length: Math.min(LISTING_SAMPLE, sectionCount) }, (_, i) => i), tags, profiles };
}

// The plan itself must put every payload everywhere it says it does; a mistake here would make
// the test prove less than it claims.
function assertCoverage(placements: XssPlan["placements"], n: number, stories: StoryPlan[]): void {
  const sampled = new Set<FieldName>(["sectionDescription", "jobTitle", "photographer", "agencyName", "shortCredit", "distributor"]);
  for (const [name, { distinct }] of placements) {
    if (!sampled.has(name) && distinct.size !== n) throw new Error(`xss plan: field ${name} carries ${distinct.size} of ${n} payloads`);
  }
  if (stories.some((story) => story.teasers.some((teaser) => teaser.target >= story.index))) throw new Error("xss plan: a teaser links to a later story");
}
