import { afterEach, describe, expect, it } from "vitest";
import { toMediaView, type MediaRecord } from "./views";

const now = new Date("2026-12-07T12:00:00Z");
const picture: MediaRecord = {
  id: "m1",
  altText: "The final lap",
  defaultCaption: "",
  width: 1600,
  height: 1000,
  storageKey: "o/abc.jpg",
  rightsExpireAt: null,
  creditOverride: null,
  photographer: null,
  agency: null,
  renditions: [
    { format: "jpeg", width: 960, height: 600, storageKey: "r/abc-960.jpg" },
    { format: "webp", width: 960, height: 600, storageKey: "r/abc-960.webp" },
  ],
};

const saved = process.env.MEDIA_PUBLIC_BASE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.MEDIA_PUBLIC_BASE_URL;
  else process.env.MEDIA_PUBLIC_BASE_URL = saved;
});

describe("toMediaView addresses", () => {
  it("uses Pressbox's /media/ route when no public base is set", () => {
    delete process.env.MEDIA_PUBLIC_BASE_URL;
    const view = toMediaView(picture, now);
    expect(view.src).toBe("/media/r/abc-960.jpg");
    expect(view.srcSetWebp).toBe("/media/r/abc-960.webp 960w");
  });

  it("loads renditions from MEDIA_PUBLIC_BASE_URL when it is set", () => {
    process.env.MEDIA_PUBLIC_BASE_URL = "https://media.example.com/";
    const view = toMediaView(picture, now);
    expect(view.src).toBe("https://media.example.com/r/abc-960.jpg");
    expect(view.srcSetWebp).toBe("https://media.example.com/r/abc-960.webp 960w");
    expect(view.srcSetJpeg).toBe("https://media.example.com/r/abc-960.jpg 960w");
  });

  it("keeps the permission-checked route for a withdrawn or still embargoed picture", () => {
    process.env.MEDIA_PUBLIC_BASE_URL = "https://media.example.com";
    const withdrawn = toMediaView({ ...picture, rightsExpireAt: new Date("2026-12-01T00:00:00Z") }, now);
    expect(withdrawn.isWithdrawn).toBe(true);
    expect(withdrawn.src).toBe("/media/r/abc-960.jpg");
    const embargoed = toMediaView({ ...picture, embargoUntil: new Date("2026-12-08T00:00:00Z") }, now);
    expect([embargoed.src, embargoed.srcSetWebp]).toEqual(["/media/r/abc-960.jpg", "/media/r/abc-960.webp 960w"]);
    expect(toMediaView({ ...picture, embargoUntil: new Date("2026-12-06T00:00:00Z") }, now).src).toBe("https://media.example.com/r/abc-960.jpg");
  });

  it("never gives an original a public address, even with no rendition to show", () => {
    process.env.MEDIA_PUBLIC_BASE_URL = "https://media.example.com";
    expect(toMediaView({ ...picture, renditions: [] }, now).src).toBe("/media/o/abc.jpg");
  });
});
