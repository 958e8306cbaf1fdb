import { afterEach, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { renderStoryBody } from "./story-body";
import type { BodyRecords, EmbedView } from "@/lib/editor/body-records";
import type { MediaView } from "@/lib/media/views";
import { emptySportsRecords } from "@/lib/sports/blocks/views";

const ids = {
  media: "cmedia000000000000000001",
  caption: "ccaption0000000000000001",
  quote: "cquote000000000000000001",
  sidebar: "csidebar0000000000000001",
  story: "cstory000000000000000001",
  gone: "cgone0000000000000000001",
};

const media: MediaView = {
  id: ids.media,
  altText: "Skater on the ice",
  defaultCaption: "Default caption",
  width: 960,
  height: 540,
  src: "/media/r/abc-960.jpg",
  srcSetWebp: "/media/r/abc-960.webp 960w",
  srcSetJpeg: "/media/r/abc-960.jpg 960w",
  credit: { short: "Image: Getty", full: "Photo by Douwe Bijlsma/BSR Agency/Getty Images" },
  isWithdrawn: false,
};

function records(overrides: Partial<BodyRecords> = {}): BodyRecords {
  return {
    media: new Map([[ids.media, media]]),
    captions: new Map([[ids.caption, "Story caption"]]),
    quotes: new Map([[ids.quote, { id: ids.quote, text: "It was hard.", speaker: "Nana Takagi", speakerDescription: "Japanese skater", context: "said through an interpreter" }]]),
    sidebars: new Map([[ids.sidebar, { id: ids.sidebar, heading: "Norway wins gold", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Sidebar text." }] }] } }]]),
    articles: new Map([[ids.story, { id: ids.story, headline: "Current headline", kicker: "", href: "/olympics/other" }]]),
    embeds: new Map(),
    sports: emptySportsRecords(),
    newsletters: { byId: new Map(), main: { id: "cnewsletter0000000000001", name: "Morning briefing", description: "", consentText: "I agree to get the morning briefing." }, sourceArticleId: ids.story },
    ...overrides,
  };
}

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

function render(content: unknown[], recs = records()): string {
  return renderToStaticMarkup(<>{renderStoryBody({ type: "doc", content }, recs, "test")}</>);
}

afterEach(() => vi.restoreAllMocks());

describe("renderStoryBody", () => {
  it("renders every story node from the records it refers to", () => {
    const html = render([
      paragraph("Opening."),
      { type: "figure", attrs: { mediaId: ids.media, captionId: ids.caption } },
      { type: "pullQuote", attrs: { quoteId: ids.quote } },
      { type: "relatedStory", attrs: { articleId: ids.story, label: "'INSANE':" } },
      { type: "sidebar", attrs: { sidebarId: ids.sidebar } },
      { type: "newsletterSignup" },
    ]);
    expect(html).toContain("<p>Opening.</p>");
    expect(html).toMatch(/<figure class="story-figure">.*<img[^>]*alt="Skater on the ice".*<span class="caption">Story caption<\/span>.*Photo by Douwe Bijlsma\/BSR Agency\/Getty Images/);
    expect(html).toMatch(/<blockquote class="pull-quote"><p>It was hard\.<\/p><footer><cite class="quote-speaker">Nana Takagi<\/cite>/);
    expect(html).toContain("said through an interpreter");
    expect(html).toMatch(/<a href="\/olympics\/other"><span class="related-teaser-label">&#x27;INSANE&#x27;:<\/span> <span class="related-teaser-headline">Current headline<\/span><\/a>/);
    expect(html).toMatch(/<aside class="story-sidebar"[^>]*><h2[^>]*>Norway wins gold<\/h2><p>Sidebar text\.<\/p><\/aside>/);
    expect(html).toContain('class="newsletter-signup"');
  });

  it("renders the sign-up block as a form that posts without JavaScript, with nothing per reader in it", () => {
    const html = render([{ type: "newsletterSignup" }]);
    expect(html).toMatch(/<form[^>]*action="\/api\/newsletter\/subscribe"[^>]*method="post"/);
    expect(html).toContain('name="newsletterId" value="cnewsletter0000000000001"');
    expect(html).toContain(`name="sourceArticleId" value="${ids.story}"`);
    expect(html).toContain("I agree to get the morning briefing.");
    // The bot trap: hidden from assistive tech and out of the tab order.
    expect(html).toMatch(/<div class="newsletter-trap" aria-hidden="true">.*<input[^>]*tabindex="-1"[^>]*name="website"/);
  });

  it("leaves the sign-up block out when its newsletter is not offered (archived, or no main one)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const none = { byId: new Map(), main: null, sourceArticleId: null };
    expect(render([{ type: "newsletterSignup" }], records({ newsletters: none }))).not.toContain("newsletter-signup");
    expect(render([{ type: "newsletterSignup", attrs: { newsletterId: "cgone0000000000000000001" } }])).not.toContain("newsletter-signup");
    warn.mockRestore();
  });

  it("uses the media's default caption when the story has none", () => {
    expect(render([{ type: "figure", attrs: { mediaId: ids.media, captionId: null } }])).toContain("Default caption");
  });

  it("renders everything else and logs when the body has an unknown node", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const html = render([paragraph("Before."), { type: "pollWidget", attrs: { id: 1 } }, paragraph("After.")]);
    expect(html).toBe("<p>Before.</p><p>After.</p>");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('dropped unknown node "pollWidget"'));
  });

  it("leaves out references whose records are gone, and unpublished related stories", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const html = render([{ type: "figure", attrs: { mediaId: ids.gone } }, { type: "relatedStory", attrs: { articleId: ids.gone, label: "" } }, paragraph("Still here.")]);
    expect(html).toBe("<p>Still here.</p>");
  });

  it("never renders an unsafe link target", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const html = render([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "bad", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
          { type: "text", text: " good", marks: [{ type: "link", attrs: { href: "https://example.com/a" } }] },
        ],
      },
    ]);
    expect(html).not.toContain("javascript:");
    expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer"> good</a>');
    expect(html).toContain("bad");
  });

  it("shows a neutral placeholder with no credit when the photo's rights have expired", () => {
    const withdrawn = records({ media: new Map([[ids.media, { ...media, isWithdrawn: true }]]) });
    const html = render([{ type: "figure", attrs: { mediaId: ids.media, captionId: ids.caption } }], withdrawn);
    expect(html).toContain("media-placeholder");
    expect(html).not.toContain("Getty");
    expect(html).not.toContain("<img");
  });

  it("escapes text instead of interpreting it as markup", () => {
    const html = render([paragraph('<img src=x onerror="alert(1)">')]);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});

describe("an embed", () => {
  const embedId = "cembed000000000000000001";
  const url = "https://x.com/club/status/1234567890";
  const snapshot: EmbedView = {
    id: embedId,
    url,
    provider: "X",
    title: "",
    authorName: "Club FC",
    authorUrl: "https://x.com/club",
    text: "What a goal!\nFull time: 2–1",
    playerUrl: "https://platform.twitter.com/embed/Tweet.html?id=1234567890",
    thumbnail: media,
    isLinkCard: false,
  };
  const block = { type: "embed", attrs: { embedId, url } };
  const withEmbed = (embed: EmbedView) => records({ embeds: new Map([[embedId, embed]]) });

  it("shows the snapshot's words, a local thumbnail and a link, and loads nothing from the provider", () => {
    const html = render([block], withEmbed(snapshot));
    expect(html).toContain("<p>What a goal!</p><p>Full time: 2–1</p>");
    expect(html).toContain(`<img class="story-embed-thumbnail" src="${media.src}"`);
    expect(html).toContain(`<a class="story-embed-source" href="${url}" rel="noopener noreferrer nofollow">View on X</a>`);
    expect(html).toContain('<button type="button" class="story-embed-load">Load content from X</button>');
    expect(html).not.toMatch(/<(iframe|script)/);
    expect(html.match(/(?:src|srcset)="[^"]*"/gi)?.every((attr) => attr.includes('"/media/'))).toBe(true);
  });

  it("is a link card when the provider could not be reached, or its snapshot is missing", () => {
    const card = `<a href="${url}" rel="noopener noreferrer nofollow">${url}</a>`;
    expect(render([block], withEmbed({ ...snapshot, isLinkCard: true, text: "", thumbnail: null }))).toContain(card);
    expect(render([block])).toMatch(new RegExp(`<p class="story-embed story-embed--link"><span class="story-embed-provider">X</span> ${card.replace(/[?.]/g, "\\$&")}</p>`));
  });

  it("renders nothing unsafe from a hostile snapshot", () => {
    const hostile = { ...snapshot, text: '<script>alert(1)</script><img src=x onerror="alert(2)">', title: "<b>bold</b>", authorUrl: "javascript:alert(3)", playerUrl: "javascript:alert(4)" };
    const html = render([block], withEmbed(hostile));
    expect(html).not.toMatch(/<script|<img src=x|<b>|javascript:/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("Load content from");
    expect(render([{ type: "embed", attrs: { embedId, url: "javascript:alert(1)" } }])).toBe("");
  });
});
