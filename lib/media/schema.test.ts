import { describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { parseMediaInput, parseOrRefuse, UpdateMediaInput } from "./schema";

const bytes = new Uint8Array([1, 2, 3]);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID") return error.message;
    throw error;
  }
  throw new Error("accepted");
}

describe("MediaInput file names", () => {
  it("keeps only the last part of a browser's path", () => {
    expect(parseMediaInput({ bytes, originalName: "C:\\fakepath\\final.jpg" }).originalName).toBe("final.jpg");
    expect(parseMediaInput({ bytes, originalName: "  team photo.jpg " }).originalName).toBe("team photo.jpg");
  });

  it.each([
    "../../etc/passwd.jpg",
    "..\\..\\boot.ini",
    "photos/../x.png",
    "/etc/x.jpg",
    "\\\\server\\share\\x.jpg",
    "a\u0000.jpg.html",
    "line\nbreak.jpg",
    "c1\u0085.jpg",
    "x\u202egpj.html",
    "  ",
    "x".repeat(300),
  ])("refuses %j", (originalName) => {
    expect(refusal(() => parseMediaInput({ bytes, originalName }))).toMatch(/originalName/);
  });
});

describe("rights expiry dates", () => {
  it("reads a calendar day as the start of that day, a timestamp as it is, and empty as none", () => {
    expect(parseMediaInput({ bytes, originalName: "a.jpg", rightsExpireAt: "2026-12-01" }).rightsExpireAt?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parseMediaInput({ bytes, originalName: "a.jpg", rightsExpireAt: "2026-12-01T15:30:00Z" }).rightsExpireAt?.toISOString()).toBe("2026-12-01T15:30:00.000Z");
    expect(parseMediaInput({ bytes, originalName: "a.jpg", rightsExpireAt: "" }).rightsExpireAt).toBeNull();
  });

  it.each(["next tuesday", "2026-02-30", "01/12/2026"])("refuses %j", (rightsExpireAt) => {
    expect(refusal(() => parseMediaInput({ bytes, originalName: "a.jpg", rightsExpireAt }))).toMatch(/rightsExpireAt: is not a date/);
  });
});

describe("UpdateMediaInput", () => {
  const form = { id: "c".repeat(25), version: "3", altText: " Skater ", photographerId: "", agencyId: "a".repeat(25), creditOverride: " ", focalX: "0.25", focalY: "1" };

  it("turns a form's strings into clean values: empty picks are none, numbers are numbers", () => {
    expect(parseOrRefuse(UpdateMediaInput, form, "")).toMatchObject({ version: 3, altText: "Skater", photographerId: null, agencyId: "a".repeat(25), creditOverride: null, focalX: 0.25, focalY: 1 });
  });

  it("refuses a focal point outside the picture and a missing version", () => {
    expect(refusal(() => parseOrRefuse(UpdateMediaInput, { ...form, focalX: "1.5" }, "Please fix:"))).toMatch(/focalX: must be between 0 and 1/);
    expect(refusal(() => parseOrRefuse(UpdateMediaInput, { ...form, version: "" }, "Please fix:"))).toMatch(/version: is missing/);
  });
});
