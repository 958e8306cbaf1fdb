import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeImage, makeJpegWithMetadata } from "../../../tests/fixtures/images";
import { readEmbeddedMetadata } from "./embedded-metadata";
import { readExif } from "./exif";
import { readIptc } from "./iptc";
import { readXmp } from "./xmp";

const iim = (...datasets: [number, number, Buffer][]) => Buffer.concat(datasets.flatMap(([record, dataset, value]) => [Buffer.from([0x1c, record, dataset, value.length >> 8, value.length & 0xff]), value]));

describe("readEmbeddedMetadata on a real agency JPEG", () => {
  it("reads by-line, credit, source, copyright and caption from IPTC, XMP and EXIF", async () => {
    const bytes = await makeJpegWithMetadata({
      seed: "agency",
      width: 400,
      height: 300,
      byline: "Douwe Bijlsma",
      credit: "BSR Agency/Getty Images",
      source: "Getty Images",
      copyright: "BSR Agency 2026",
      caption: "Team pursuit final",
      gps: { latitude: 39.91, longitude: 116.39 },
    });
    expect(readEmbeddedMetadata(await sharp(bytes).metadata())).toEqual({
      byline: "Douwe Bijlsma",
      credit: "BSR Agency/Getty Images",
      source: "Getty Images",
      copyright: "BSR Agency 2026",
      caption: "Team pursuit final",
    });
  });

  it("falls back to EXIF when a camera wrote no IPTC or XMP", async () => {
    const bytes = await sharp(await makeImage({ seed: "camera", width: 200, height: 100 }))
      .withExif({ IFD0: { Artist: "Mara Lindqvist", Copyright: "Mara Lindqvist", ImageDescription: "Warm-up lap" } })
      .jpeg()
      .toBuffer();
    expect(readEmbeddedMetadata(await sharp(bytes).metadata())).toEqual({ byline: "Mara Lindqvist", copyright: "Mara Lindqvist", caption: "Warm-up lap" });
  });

  it("finds nothing in a file without metadata", async () => {
    expect(readEmbeddedMetadata(await sharp(await makeImage({ seed: "plain", width: 100, height: 100 })).metadata())).toEqual({});
  });

  it("cleans control characters and white space, and caps long values", () => {
    const iptc = iim([2, 80, Buffer.from("  Jane\u0007 \n Doe ")], [2, 120, Buffer.from("x".repeat(5000))]);
    const metadata = readEmbeddedMetadata({ iptc });
    expect(metadata.byline).toBe("Jane Doe");
    expect(metadata.caption).toHaveLength(2000);
  });
});

describe("readIptc", () => {
  it("reads UTF-8 and Latin-1 text", () => {
    expect(readIptc(iim([1, 90, Buffer.from([0x1b, 0x25, 0x47])], [2, 80, Buffer.from("Łukasz Żak", "utf8")])).byline).toBe("Łukasz Żak");
    expect(readIptc(iim([2, 110, Buffer.from("Jörg Müller/ANP", "latin1")])).credit).toBe("Jörg Müller/ANP");
  });

  it("keeps the first of repeated by-lines and reads a Photoshop resource block", () => {
    const record = iim([2, 80, Buffer.from("First")], [2, 80, Buffer.from("Second")], [2, 103, Buffer.from("JOB-42")]);
    const size = Buffer.alloc(4);
    size.writeUInt32BE(record.length);
    const block = Buffer.concat([Buffer.from("Photoshop 3.0\0", "latin1"), Buffer.from("8BIM"), Buffer.from([4, 4, 0, 0]), size, record]);
    expect(readIptc(block)).toEqual({ byline: "First", reference: "JOB-42" });
  });

  it.each([
    ["random bytes", Buffer.from("not an iptc record at all")],
    ["a dataset longer than the buffer", Buffer.from([0x1c, 2, 80, 0x7f, 0xff, 65, 66])],
    ["a huge extended length", Buffer.from([0x1c, 2, 80, 0x80, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])],
    ["a resource block cut short", Buffer.from("Photoshop 3.0\u00008BIM\u0004\u0004\u0000", "latin1")],
  ])("never throws on %s", (_, buffer) => {
    expect(() => readIptc(buffer)).not.toThrow();
  });
});

describe("readXmp", () => {
  it("reads properties written as attributes or as elements, lists included, and decodes entities", () => {
    const xmp = `<x:xmpmeta><rdf:RDF><rdf:Description photoshop:Source='Reuters' photoshop:TransmissionReference="RTX-1">
      <photoshop:Credit>Reuters &amp; Partners</photoshop:Credit>
      <dc:creator><rdf:Seq><rdf:li>Ann Lee</rdf:li><rdf:li>Bo Kim</rdf:li></rdf:Seq></dc:creator>
      <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">&#169; Reuters</rdf:li></rdf:Alt></dc:rights>
      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Final &lt;lap&gt;</rdf:li></rdf:Alt></dc:description>
      <xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">Editorial use only</rdf:li></rdf:Alt></xmpRights:UsageTerms>
    </rdf:Description></rdf:RDF></x:xmpmeta>`;
    expect(readXmp(xmp)).toEqual({
      byline: "Ann Lee",
      credit: "Reuters & Partners",
      source: "Reuters",
      copyright: "© Reuters",
      caption: "Final <lap>",
      instructions: "Editorial use only",
      reference: "RTX-1",
    });
  });

  it("ignores nested markup it does not understand and bad entities", () => {
    expect(readXmp("<dc:creator><foo><bar/></foo></dc:creator>").byline).toBeUndefined();
    expect(readXmp(`<rdf:Description photoshop:Credit="A&#99999999;B">`).credit).toBe("AB");
  });
});

describe("readExif", () => {
  it("reads a big-endian directory, stopping the copyright at its editor part", () => {
    const tiff = Buffer.alloc(64);
    tiff.write("MM", 0, "latin1");
    tiff.writeUInt16BE(42, 2);
    tiff.writeUInt32BE(8, 4);
    tiff.writeUInt16BE(2, 8); // two entries
    tiff.writeUInt16BE(0x013b, 10);
    tiff.writeUInt16BE(2, 12);
    tiff.writeUInt32BE(4, 14);
    tiff.write("Ann\0", 18, "latin1");
    tiff.writeUInt16BE(0x8298, 22);
    tiff.writeUInt16BE(2, 24);
    tiff.writeUInt32BE(12, 26);
    tiff.writeUInt32BE(40, 30);
    tiff.write("Ann Lee\0Ed\0", 40, "latin1");
    expect(readExif(Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]))).toEqual({ byline: "Ann", copyright: "Ann Lee" });
  });

  it("never throws on offsets outside the buffer", () => {
    const tiff = Buffer.from("II*\0\xff\xff\xff\x7f", "latin1");
    expect(readExif(tiff)).toEqual({});
    expect(readExif(Buffer.from("Exif\0\0XX", "latin1"))).toEqual({});
  });
});
