import { describe, expect, it } from "vitest";
import { mediaUrl, pickDefaultRendition, renditionUrl, srcSet } from "./urls";

const renditions = [
  { format: "webp", width: 960, height: 600, storageKey: "r/abc-960.webp" },
  { format: "jpeg", width: 1600, height: 1000, storageKey: "r/abc-1600.jpg" },
  { format: "webp", width: 480, height: 300, storageKey: "r/abc-480.webp" },
  { format: "jpeg", width: 480, height: 300, storageKey: "r/abc-480.jpg" },
  { format: "jpeg", width: 960, height: 600, storageKey: "r/abc-960.jpg" },
];

describe("media URLs", () => {
  it("puts a storage key under /media/", () => {
    expect(mediaUrl("r/abc-480.webp")).toBe("/media/r/abc-480.webp");
  });

  it("lists one format's renditions narrowest first as a srcset, or nothing", () => {
    expect(srcSet(renditions, "webp")).toBe("/media/r/abc-480.webp 480w, /media/r/abc-960.webp 960w");
    expect(srcSet(renditions, "avif")).toBe("");
  });

  it("picks the narrowest JPEG at least 960 wide as the default src, else the widest there is", () => {
    expect(pickDefaultRendition(renditions)?.storageKey).toBe("r/abc-960.jpg");
  });

  it("puts renditions under a public base when one is given, and never an original", () => {
    const base = "https://media.example.com";
    expect(renditionUrl("r/abc-480.webp", base)).toBe("https://media.example.com/r/abc-480.webp");
    expect(renditionUrl("r/abc-480.webp", null)).toBe("/media/r/abc-480.webp");
    expect(renditionUrl("o/abc.jpg", base)).toBe("/media/o/abc.jpg");
    expect(srcSet(renditions, "webp", base)).toBe("https://media.example.com/r/abc-480.webp 480w, https://media.example.com/r/abc-960.webp 960w");
  });
});
