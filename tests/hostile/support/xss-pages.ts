// Which public pages to open for a written XSS plan, and the text each must show: every value a
// person typed must be on the page as text (or as the attribute value it was written to), exactly,
// up to runs of whitespace. No database access: built from the plan and the ids the writer returned.
import { formatCredit } from "../../../lib/credits/format";
import { toSlug } from "../../../lib/slug";
import type { MediaPlan, StoryPlan, XssPlan } from "./xss-plan";
import { nastySafeHref } from "./xss-corpus";
import type { Written } from "./xss-write";

// selector: every element it matches is a candidate; attr: compare that attribute instead of the
// text; exact false: the candidate need only contain the text.
export type TextCheck = { selector: string; text: string; attr?: string; exact?: boolean };
export type JsonLdCheck = { key: "headline" | "description" | "articleSection" | "author" | "keywords"; text: string };
export type PageCheck = { path: string; texts: TextCheck[]; jsonLd: JsonLdCheck[]; waitFor?: string };

const exact = (selector: string, text: string, attr?: string): TextCheck => ({ selector, text, attr });

function creditOf(plan: XssPlan, media: MediaPlan) {
  const agency = media.agency === null ? null : plan.agencies[media.agency];
  return formatCredit({
    creditOverride: media.creditOverride?.text ?? null,
    photographer: media.photographer === null ? null : { name: plan.photographers[media.photographer].text },
    agency: agency && { name: agency.name.text, shortCredit: agency.shortCredit.text, distributor: agency.distributor.text, creditFormat: "{photographer}/{agency} via {distributor}" },
  })!;
}

function pictureChecks(plan: XssPlan, media: MediaPlan, scope: string, caption: string): TextCheck[] {
  const credit = creditOf(plan, media);
  return [exact(`${scope} img`, media.altText.text, "alt"), exact(`${scope} figcaption .caption`, caption), exact(`${scope} .credit-full`, credit.full), exact(`${scope} .credit-short`, credit.short)];
}

function bodyChecks(story: StoryPlan, plan: XssPlan): TextCheck[] {
  const body = ".article-body";
  return [
    ...[...story.paragraphs, ...story.sidebar.paragraphs].map((p) => exact(`${body} p`, p.text)),
    ...story.headings.map((h) => exact(`${body} h2`, h.text)),
    ...story.listItems.map((item) => exact(`${body} li`, item.text)),
    ...story.bold.map((b) => exact(`${body} strong`, b.text)),
    ...story.italic.map((i) => exact(`${body} em`, i.text)),
    ...story.linkTexts.map((t) => exact(`${body} a`, t.text)),
    ...story.linkTexts.map((_, k) => exact(`${body} a`, nastySafeHref(story.index, k), "href")),
    ...story.quotes.flatMap((q) => [
      exact(".pull-quote > p", q.text.text),
      exact(".quote-speaker", q.speaker.text),
      exact(".quote-speaker-description", `, ${q.speakerDescription.text}`),
      exact(".quote-context", `, ${q.context.text}`),
    ]),
    exact(".story-sidebar h2", story.sidebar.heading.text),
    ...story.teasers.flatMap((t) => [exact(".related-teaser-label", t.label.text), exact(".related-teaser-headline", plan.stories[t.target].headline.text)]),
    ...pictureChecks(plan, plan.media[story.figureMedia], `${body} figure`, story.figureCaption.text),
  ];
}

function articlePage(story: StoryPlan, plan: XssPlan, path: string): PageCheck {
  const section = plan.sections[story.section].name.text;
  const bylines = story.bylines.map((k) => plan.profiles[k].name.text);
  const texts = [
    exact("h1.headline", story.headline.text),
    { selector: "title", text: story.headline.text, exact: false },
    exact('meta[property="og:title"]', story.headline.text, "content"),
    exact('meta[name="description"]', story.standfirst.text, "content"),
    exact(".article-header .kicker", story.kicker.text),
    exact(".article-header .standfirst", story.standfirst.text),
    exact(".agency-line", story.agencyLine.text),
    exact(".article-section a", section),
    exact(".section-nav a", section),
    ...story.tags.map((t) => exact(".article-tags a", t.text)),
    ...bylines.map((name) => exact("a.byline", name)),
    ...pictureChecks(plan, plan.media[story.heroMedia], ".article > figure", story.heroCaption.text),
    ...bodyChecks(story, plan),
  ];
  const jsonLd: JsonLdCheck[] = [
    { key: "headline", text: story.headline.text },
    { key: "description", text: story.standfirst.text },
    { key: "articleSection", text: section },
    ...bylines.map((text) => ({ key: "author" as const, text })),
    ...story.tags.map((t) => ({ key: "keywords" as const, text: t.text })),
  ];
  return { path, texts, jsonLd };
}

// A story's card on a listing page: kicker, headline, standfirst, picture alt text and short credit.
function cardChecks(story: StoryPlan, plan: XssPlan): TextCheck[] {
  const media = plan.media[story.heroMedia];
  return [
    exact(".story-card-headline a", story.headline.text),
    exact(".story-card .kicker", story.kicker.text),
    exact(".story-card .standfirst", story.standfirst.text),
    exact(".story-card-image img", media.altText.text, "alt"),
    exact(".story-card-image .credit", creditOf(plan, media).short),
  ];
}

function listingPage(path: string, title: string, extra: TextCheck[], stories: StoryPlan[], plan: XssPlan): PageCheck {
  return { path, texts: [exact("h1.listing-title", title), ...extra, ...stories.flatMap((s) => cardChecks(s, plan))], jsonLd: [] };
}

export function publicPages(plan: XssPlan, written: Written): PageCheck[] {
  const storiesIn = (test: (story: StoryPlan) => boolean) => plan.stories.filter(test);
  const front: PageCheck = {
    path: "/",
    texts: [...plan.sections.map((s) => exact(".section-nav a", s.name.text)), ...plan.stories.flatMap((s) => cardChecks(s, plan))],
    jsonLd: [],
  };
  const sections = plan.sample.sections.map((i) => {
    const s = plan.sections[i];
    return listingPage(
      `/${s.slug}`,
      s.name.text,
      s.description ? [exact(".listing-description", s.description.text)] : [],
      storiesIn((story) => story.section === i),
      plan,
    );
  });
  const tags = plan.sample.tags.map((name) =>
    listingPage(
      `/tag/${toSlug(name)}`,
      name,
      [],
      storiesIn((story) => story.tags.some((t) => t.text === name)),
      plan,
    ),
  );
  const authors = plan.sample.profiles.map((k) => {
    const p = plan.profiles[k];
    const intro = [...(p.bio ? [exact(".author-bio", p.bio.text)] : []), ...(p.jobTitle ? [exact(".listing-description", p.jobTitle.text)] : [])];
    return listingPage(
      `/author/${p.slug}`,
      p.name.text,
      intro,
      storiesIn((story) => story.bylines.includes(k)),
      plan,
    );
  });
  // Search snippets mark the words found, around hostile text.
  const searches = ["script", "onerror"].map((q) => ({ path: `/search?q=${q}`, texts: [{ selector: ".search-hit-snippet mark", text: q, exact: false }], jsonLd: [] }));
  const articles = plan.stories.map((story, i) => articlePage(story, plan, written.stories[i].path));
  return [front, ...sections, ...tags, ...authors, ...searches, ...articles];
}

// Feeds fetched as text: the site's, and one section's and one author's.
export function feedPaths(plan: XssPlan): string[] {
  return ["/feed.xml", `/${plan.sections[plan.sample.sections[0]].slug}/feed.xml`, `/author/${plan.profiles[plan.sample.profiles[0]].slug}/feed.xml`];
}
