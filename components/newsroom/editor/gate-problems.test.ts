import { describe, expect, it } from "vitest";
import type { PickerMedia } from "@/lib/articles/editor-queries";
import type { PublishProblem } from "@/lib/articles/publish/publish-problems";
import { withFreshMedia, type EditorRecords } from "./editor-records";
import { failureNotice } from "./gate-problems";

const PROBLEMS: PublishProblem[] = [
  { message: "The headline is missing.", target: { kind: "field", field: "headline" } },
  { message: 'Photo "a.jpg" has no alt text.', target: { kind: "photo", mediaId: "c".repeat(25), detail: "altText" } },
];

describe("failureNotice", () => {
  it("shows a publish refusal as an error listing each problem once, not the message that repeats them", () => {
    const notice = failureNotice({
      message: `This story cannot be published yet: ${PROBLEMS.map((p) => p.message).join(" ")}`,
      details: { problems: PROBLEMS.map((p) => p.message), publishProblems: PROBLEMS },
    });
    expect(notice).toEqual({ isError: true, text: "This story cannot be published yet. Fix these, then try again:", problems: PROBLEMS });
  });

  it("shows any other refusal as an error with its own message", () => {
    expect(failureNotice({ message: "Your role (contributor) does not allow publish on this story.", details: undefined })).toEqual({
      isError: true,
      text: "Your role (contributor) does not allow publish on this story.",
    });
    expect(failureNotice({ message: "Please fix: slug: is too long", details: { problems: ["slug: is too long"] } })).toEqual({ isError: true, text: "Please fix: slug: is too long" });
  });
});

const photo = (fields: Partial<PickerMedia> = {}): PickerMedia => ({
  id: "m".repeat(25),
  version: 1,
  src: "/media/r/x.jpg",
  originalName: "x.jpg",
  altText: "",
  defaultCaption: "",
  photographerId: null,
  agencyId: null,
  creditOverride: null,
  credit: null,
  problems: ["No alt text", "No credit"],
  hasProblems: true,
  ...fields,
});
const records = (media: PickerMedia[]): EditorRecords => ({ quotes: {}, captions: {}, sidebars: {}, stories: {}, media: Object.fromEntries(media.map((m) => [m.id, m])) });

describe("withFreshMedia", () => {
  it("replaces the photos that changed", () => {
    const fixed = photo({ version: 2, altText: "A goal", creditOverride: "Club", credit: "Club", problems: [], hasProblems: false });
    expect(withFreshMedia(records([photo()]), [fixed]).media).toEqual({ [fixed.id]: fixed });
  });

  it("returns the same records when nothing changed, so nothing re-renders", () => {
    const current = records([photo()]);
    expect(withFreshMedia(current, [photo()])).toBe(current);
    expect(withFreshMedia(current, [])).toBe(current);
  });
});
