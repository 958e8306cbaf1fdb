import { describe, expect, test } from "vitest";
import { NEWSML_SAMPLES, readNewsmlSample, wrapContentMeta } from "@/tests/fixtures/wire-samples";
import { parseNewsmlDocument } from "./newsml-g2";
import { parseWireDocument } from "./detect";
import { textOf, type MarkupNode } from "./xml";

const paragraphsOf = (nodes: MarkupNode[]) => nodes.filter((n) => typeof n !== "string" && n.tag === "p").map(textOf);

describe("NewsML-G2 samples", () => {
  test("every sample is read or refused with a reason (none is silently skipped)", () => {
    expect(NEWSML_SAMPLES).toHaveLength(5);
    for (const name of NEWSML_SAMPLES) {
      const text = readNewsmlSample(name);
      if (name.startsWith("LISTING_28")) expect(() => parseWireDocument(text)).toThrow(/its root element is <contentMeta>/);
      else expect(parseWireDocument(text).format).toBe("newsml-g2");
    }
  });

  test("LISTING_1: text item with embargo, rights, located, edNote and provider", () => {
    const item = parseNewsmlDocument(readNewsmlSample("LISTING_1_A_NewsML-G2_News_Item.xml"));
    expect(item).toMatchObject({
      guid: "urn:newsml:acmenews.com:20161018:US-FINANCE-FED",
      version: 11,
      status: "usable",
      headline: 'Fed to halt QE to avert "bubble"',
      embargoedUntil: "2018-10-23T12:00:00.000Z",
      located: "Berlin, Germany",
      provider: "REUTERS",
      bylines: ["Meredith Jameson"],
      copyrightHolder: "Example Enews LLP",
      usageTerms: "Not for use outside the United States",
      genres: ["Interview"],
      subjects: ["economy, business and finance", "labour market"],
      skipped: [],
    });
    expect(item.edNote).toMatch(/^Note to editors: STRICTLY EMBARGOED/);
  });

  test("LISTING_22: sports story with an NITF body, abstract and located from qcodes", () => {
    const item = parseNewsmlDocument(readNewsmlSample("LISTING_22_Sports_story_in_NewsML-G2NITF.xml"));
    expect(item.headline).toBe("Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.");
    expect(item.abstract).toMatch(/^A pair of teams coming off big weekend sweeps will square off tonight/);
    expect(item.located).toBe("Philadelphia, Pennsylvania, USA");
    expect(item.provider).toBe("www.xmlteam.com");
    expect(item.subjects).toContain("Philadelphia Phillies");
    expect(item.body?.kind).toBe("markup");
    const paragraphs = item.body?.kind === "markup" ? paragraphsOf(item.body.nodes) : [];
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0]).toMatch(/^\(Sports Network\) - A pair of teams/);
  });

  test("LISTING_3: photo item with credit line, photographer, caption, rights and renditions", () => {
    const item = parseNewsmlDocument(readNewsmlSample("LISTING_3_Photo_in_NewsML-G2.xml"));
    expect(item.pictures).toHaveLength(1);
    const [picture] = item.pictures;
    expect(picture).toMatchObject({ creditLine: "Getty Images", byline: "Spencer Platt", copyrightHolder: "Getty Images North America" });
    expect(picture.caption).toMatch(/^A general view of part of downtown.*\(Photo by Spencer Platt\/Getty Images\)$/);
    expect(picture.usageTerms).toMatch(/^Contact your local office/);
    expect(picture.renditions.map((r) => [r.name, r.href, r.mimeType, r.width, r.sizeBytes])).toEqual([
      ["highRes", "./GYI0062134533.jpg", "image/jpeg", 1500, 346071],
      ["web", "file:///./ GYI0062134533-web.jpg", "image/jpeg", 480, 28972],
      ["thumb", "file:///./GYI0062134533-thumb.gif", "image/gif", 80, 6381],
    ]);
    expect(item.keywords).toEqual(["business", "economic", "economy", "finance", "poor", "poverty", "gamble"]);
  });

  test("LISTING_28 (a contentMeta fragment) inside a newsItem: dateline and located", () => {
    const item = parseNewsmlDocument(wrapContentMeta(readNewsmlSample("LISTING_28_Illustrating_Located_Subject_and_Dateline.xml")));
    expect(item.dateline).toBe("MOSCOW, Monday (Reuters)");
    expect(item.located).toBe("Moscow, Russia");
    expect(item.provider).toBe("Reuters");
    expect(item.bylines).toEqual(["Thomson Reuters"]);
  });

  test("LISTING_6: a package becomes its headline, the text members' titles and summaries, and the picture member", () => {
    const item = parseNewsmlDocument(readNewsmlSample("LISTING_6_Simple_NewsML-G2_Package.xml"));
    expect(item).toMatchObject({ headline: "UK", provider: "AcmeNews", edNote: "Updates the previous version" });
    const nodes = item.body?.kind === "markup" ? item.body.nodes : [];
    expect(nodes.map(textOf)[0]).toBe("Obama annonce son équipe");
    expect(item.pictures).toEqual([expect.objectContaining({ headline: "Barack Obama arrive à Washington", creditLine: "AcmeNews", renditions: [] })]);
  });
});

const item = (inner: string, attrs = 'guid="urn:x" version="2"') => `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" ${attrs}>${inner}</newsItem>`;

describe("NewsML-G2 variants", () => {
  test("withheld and canceled statuses, urgency, XHTML body, and unknown elements listed as skipped", () => {
    const parsed = parseNewsmlDocument(
      item(
        `<itemMeta><pubStatus qcode="stat:canceled"/><agencyMood>calm</agencyMood></itemMeta><contentMeta><urgency>3</urgency><headline>H</headline></contentMeta><contentSet><inlineXML><html><body><p>One</p><p>Two &amp; three</p></body></html></inlineXML></contentSet>`,
      ),
    );
    expect(parsed).toMatchObject({ status: "canceled", urgency: 3, version: 2, skipped: ["itemMeta.agencyMood"] });
    expect(parsed.body?.kind === "markup" && paragraphsOf(parsed.body.nodes)).toEqual(["One", "Two & three"]);
    expect(parseNewsmlDocument(item(`<itemMeta><pubStatus qcode="stat:withheld"/></itemMeta>`)).status).toBe("withheld");
  });

  test("missing optional parts import empty", () => {
    expect(parseNewsmlDocument(item(""))).toMatchObject({ headline: "", body: null, pictures: [], embargoedUntil: null, provider: "" });
  });

  test.each([
    ["no guid", item("", 'version="1"'), /newsItem@guid is missing/],
    ["bad version", item("", 'guid="g" version="eleven"'), /newsItem@version is not a version number/],
    ["bad embargo", item("<itemMeta><embargoed>soon</embargoed></itemMeta>"), /itemMeta\.embargoed is not a date and time/],
    ["unknown status", item('<itemMeta><pubStatus qcode="stat:pending"/></itemMeta>'), /itemMeta\.pubStatus is "pending"/],
    ["not well-formed", '<newsItem guid="g"><itemMeta></newsItem>', /is not well-formed XML: .*line 1/],
    ["billion laughs", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><newsItem guid="g">&lol2;</newsItem>', /has a DOCTYPE or ENTITY declaration/],
    [
      "external entity",
      '<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><newsItem guid="g"><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>',
      /has a DOCTYPE or ENTITY declaration/,
    ],
    ["lower-case doctype", '<!doctype html><newsItem guid="g"/>', /has a DOCTYPE or ENTITY declaration/],
  ])("refused whole: %s", (_, text, message) => {
    expect(() => parseWireDocument(text)).toThrow(message);
  });

  test("an undeclared entity is kept as text, never expanded", () => {
    const parsed = parseNewsmlDocument(item("<contentMeta><headline>A &unknown; B &#65; &lt;i&gt;</headline></contentMeta>"));
    expect(parsed.headline).toBe("A &unknown; B A <i>");
  });

  test("script and event-handler markup in an NITF body are only parsed elements (the body mapper drops them)", () => {
    const parsed = parseNewsmlDocument(item(`<contentSet><inlineXML><nitf><body><body.content><p onmouseover="x()">Safe</p><script>bad()</script></body.content></body></nitf></inlineXML></contentSet>`));
    expect(parsed.body).toEqual({
      kind: "markup",
      nodes: [
        { tag: "p", attrs: { onmouseover: "x()" }, children: ["Safe"] },
        { tag: "script", attrs: {}, children: ["bad()"] },
      ],
    });
  });
});
