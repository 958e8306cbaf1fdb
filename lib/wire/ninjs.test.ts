import { describe, expect, test } from "vitest";
import { NINJS_SAMPLES, readNinjsSample } from "@/tests/fixtures/wire-samples";
import { parseNinjsDocument } from "./ninjs";
import { parseWireDocument } from "./detect";
import type { WireItem } from "./types";

const majorOf = (name: string) => Number(name[0]);
const paragraphs = (item: WireItem) => (item.body?.kind === "markup" ? item.body.nodes.filter((n) => typeof n !== "string" && n.tag === "p").length : -1);

describe("ninjs samples", () => {
  test.each(NINJS_SAMPLES)("%s: version detected from the document and every field read", (name) => {
    const item = parseNinjsDocument(readNinjsSample(name));
    expect(item.format).toBe(`ninjs-${majorOf(name)}`);
    expect(item.skipped).toEqual([]);
    expect(item.guid).toMatch(/^http:\/\//);
    expect(item.headline.length).toBeGreaterThan(10);
    if (name.includes("simple_text") || name.includes("complex_text")) {
      expect(item.headline).toBe("Captain of wrecked cruise ship on trial in Italy");
      expect(item.bylines).toEqual(["Paulo Santalucia and Frances d'Emilio"]);
      expect(paragraphs(item)).toBe(4);
    }
    if (name.includes("complex_text")) {
      expect(item.located).toBe("Grossetto, Italy");
      expect(item.copyrightNotice).toBe("Copyright 2013 The News Agency, www.tna.org - all rights reserved.");
      expect(item.keywords).toEqual(expect.arrayContaining(["Francesco Schettino", "Costa Crociere SpA"]));
    }
    if (name.includes("associations")) {
      // Only the picture association (the logo is a graphic: kept too, both are pictures to fetch).
      expect(item.pictures.map((p) => p.ref)).toEqual(["http://mms.businesswire.com/media/newsItemId/en/221373/3/dell_blue_rgb.jpg", "http://mms.businesswire.com/media/newsItemId/en/369394/3/0025lf.jpg"]);
    }
    if (name.includes("photo_only")) {
      const [picture] = item.pictures;
      expect(picture.byline).toBe("Paulo Santalucia");
      expect(picture.caption).toMatch(/^The Costa Concordia cruise ship lies on its side/);
      expect(picture.description).toBe(picture.caption);
      expect(picture.renditions[0]).toMatchObject({ name: "main", href: "http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg", width: 429, height: 281 });
    }
  });
});

describe("ninjs variants", () => {
  const v1 = {
    uri: "urn:agency:1",
    version: "3",
    type: "text",
    pubstatus: "withheld",
    urgency: 2,
    embargoed: "2030-01-02T10:00:00Z",
    headline: "Ajax win the derby",
    byline: "Jan Jansen",
    located: "Amsterdam",
    ednote: "Corrects score",
    usageterms: "No archive",
    copyrightholder: "ANP",
    body_xhtml: "<p>AMSTERDAM (ANP) -- Ajax won.</p><p>Second.</p>",
    subject: [{ name: "football" }],
    genre: [{ name: "Match report" }],
    associations: {
      pic1: {
        uri: "urn:agency:pic1",
        type: "picture",
        byline: "Piet Fotograaf",
        description_text: "Players celebrate",
        renditions: { big: { href: "https://img.example/pic1.jpg", mimetype: "image/jpeg", width: 800, height: 600, sizeinbytes: 1234 } },
      },
    },
  };

  test("1.x: associations as an object keyed by name, renditions likewise", () => {
    const item = parseNinjsDocument(v1);
    expect(item).toMatchObject({
      format: "ninjs-1",
      version: 3,
      status: "withheld",
      urgency: 2,
      embargoedUntil: "2030-01-02T10:00:00.000Z",
      headline: "Ajax win the derby",
      bylines: ["Jan Jansen"],
      located: "Amsterdam",
      edNote: "Corrects score",
      usageTerms: "No archive",
      copyrightHolder: "ANP",
      provider: "ANP",
      subjects: ["football"],
      genres: ["Match report"],
    });
    expect(item.pictures).toEqual([
      expect.objectContaining({
        ref: "urn:agency:pic1",
        byline: "Piet Fotograaf",
        caption: "Players celebrate",
        renditions: [{ name: "big", href: "https://img.example/pic1.jpg", mimeType: "image/jpeg", width: 800, height: 600, sizeBytes: 1234 }],
      }),
    ]);
  });

  test("2.x: associations as an array, lower-case names", () => {
    const item = parseNinjsDocument({
      uri: "urn:agency:2",
      embargoed: "2030-01-02T10:00:00Z",
      pubstatus: "canceled",
      headlines: [{ value: "Two" }],
      associations: [{ name: "pic", uri: "urn:agency:pic2", type: "picture", by: "A. Photographer", renditions: [{ name: "web", href: "https://img.example/2.jpg", contenttype: "image/jpeg" }] }],
    });
    expect(item).toMatchObject({ format: "ninjs-2", status: "canceled", embargoedUntil: "2030-01-02T10:00:00.000Z", headline: "Two" });
    expect(item.pictures[0]).toMatchObject({ byline: "A. Photographer", renditions: [{ href: "https://img.example/2.jpg", mimeType: "image/jpeg" }] });
  });

  test("3.x: embargoedUntil, edNote and camelCase names", () => {
    const item = parseNinjsDocument({ uri: "urn:agency:3", embargoedUntil: "2030-05-01T08:00:00+02:00", edNote: "Hold", pubStatus: "usable", headlines: [{ value: "Three" }] });
    expect(item).toMatchObject({ format: "ninjs-3", embargoedUntil: "2030-05-01T06:00:00.000Z", edNote: "Hold" });
  });

  test("a document with only the required uri imports with empty optional fields", () => {
    const item = parseNinjsDocument({ uri: "urn:agency:bare" });
    expect(item).toMatchObject({ guid: "urn:agency:bare", version: 1, status: "usable", headline: "", body: null, pictures: [], embargoedUntil: null, skipped: [] });
  });

  test("unknown fields import and are listed as skipped, nested ones by path", () => {
    const item = parseNinjsDocument({ uri: "urn:agency:x", pubStatus: "usable", headlines: [{ value: "H", mood: "sunny" }], xAgencyScore: 7 });
    expect(item.headline).toBe("H");
    expect(item.skipped.sort()).toEqual(["headlines[0].mood", "xAgencyScore"]);
  });

  test.each([
    [{ headline: "no uri" }, /uri/],
    [{ uri: "urn:a", urgency: "high" }, /urgency must be/],
    [{ uri: "urn:a", pubStatus: "maybe", headlines: [] }, /pubStatus must be equal to one of the allowed values \(usable, withheld, canceled\)/],
    [{ uri: "urn:a", embargoedUntil: "next tuesday", pubStatus: "usable" }, /embargoedUntil must match format "date-time"/],
    [{ uri: "urn:a", version: "two", type: "text" }, /version is not a version number/],
  ])("a schema-invalid document is refused whole, naming the path and reason (%j)", (document, message) => {
    expect(() => parseNinjsDocument(document)).toThrow(message);
  });

  test("malformed JSON is refused with the parser's reason", () => {
    expect(() => parseWireDocument('{"uri": "urn:a",')).toThrow(/the document is not valid JSON/);
  });

  test("a rich-text body with a DOCTYPE is refused, naming the field", () => {
    expect(() => parseNinjsDocument({ uri: "urn:a", body_xhtml: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>' })).toThrow(/bodies\[0\]\.value has a DOCTYPE or ENTITY declaration/);
  });

  test("script and event-handler markup stays in the parsed tree only as elements for the body mapper to drop", () => {
    const item = parseNinjsDocument({ uri: "urn:a", body_xhtml: '<p onclick="alert(1)">Hi</p><script>alert(2)</script>' });
    expect(item.body).toEqual({
      kind: "markup",
      nodes: [
        { tag: "p", attrs: { onclick: "alert(1)" }, children: ["Hi"] },
        { tag: "script", attrs: {}, children: ["alert(2)"] },
      ],
    });
  });
});
