import { describe, expect, test } from "vitest";
import { fillCreditFormat, findCreditFormatProblems, formatCredit, type CreditSource } from "./format";

const BSR = { name: "BSR Agency", shortCredit: "BSR", creditFormat: "Photo by {photographer}/{agency}/{distributor}", distributor: "Getty Images" };
const photographer = { name: "Douwe Bijlsma" };

describe("formatCredit", () => {
  test("fills the agency's format with photographer, agency and distributor", () => {
    expect(formatCredit({ photographer, agency: BSR })).toEqual({
      short: "Image: BSR",
      full: "Photo by Douwe Bijlsma/BSR Agency/Getty Images",
    });
  });

  test.each([
    ["{photographer} ({agency})", "Douwe Bijlsma (BSR Agency)"],
    ["© {agency}", "© BSR Agency"],
    ["Photo: {photographer}, {distributor}", "Photo: Douwe Bijlsma, Getty Images"],
  ])("follows the agency format %j", (creditFormat, full) => {
    expect(formatCredit({ photographer, agency: { ...BSR, creditFormat } })?.full).toBe(full);
  });

  test("uses the agency as distributor when it distributes its own pictures", () => {
    expect(formatCredit({ photographer, agency: { ...BSR, distributor: null } })?.full).toBe("Photo by Douwe Bijlsma/BSR Agency/BSR Agency");
  });

  test("puts the agency in the photographer's place when the photographer is unknown", () => {
    expect(formatCredit({ photographer: null, agency: { ...BSR, creditFormat: "Photo by {photographer}" } })?.full).toBe("Photo by BSR Agency");
    expect(formatCredit({ photographer: { name: "  " }, agency: { ...BSR, creditFormat: "Photo by {photographer}" } })?.full).toBe("Photo by BSR Agency");
  });

  test("credits a photographer without an agency by name", () => {
    expect(formatCredit({ photographer })).toEqual({ short: "Image: Douwe Bijlsma", full: "Photo by Douwe Bijlsma" });
  });

  test("an override replaces the full credit and keeps the agency's short credit", () => {
    expect(formatCredit({ creditOverride: " Photo by Club Media ", photographer, agency: BSR })).toEqual({ short: "Image: BSR", full: "Photo by Club Media" });
  });

  test("an override without an agency is also the short credit", () => {
    expect(formatCredit({ creditOverride: "Club Media", photographer })).toEqual({ short: "Image: Club Media", full: "Club Media" });
  });

  test("a blank override is ignored", () => {
    expect(formatCredit({ creditOverride: "   ", photographer })?.full).toBe("Photo by Douwe Bijlsma");
  });

  test.each<CreditSource>([{}, { photographer: null, agency: null }, { photographer: { name: " " } }, { creditOverride: "" }])("is null without any credit: %j", (media) => {
    expect(formatCredit(media)).toBeNull();
  });
});

describe("fillCreditFormat", () => {
  test("collapses the gaps empty values leave", () => {
    expect(fillCreditFormat("{photographer}  {agency} {distributor}", { photographer: "", agency: "BSR", distributor: "" })).toBe("BSR");
  });

  test("leaves text that is not a placeholder alone", () => {
    expect(fillCreditFormat("Photo {by} {agency}", { photographer: "", agency: "BSR", distributor: "" })).toBe("Photo {by} BSR");
  });
});

describe("findCreditFormatProblems", () => {
  test("accepts formats made of known placeholders", () => {
    expect(findCreditFormatProblems("Photo by {photographer}/{agency}/{distributor}")).toEqual([]);
    expect(findCreditFormatProblems("Pro Shots")).toEqual([]);
  });

  test("reports every unknown placeholder by name", () => {
    expect(findCreditFormatProblems("{fotograaf}/{agency}/{Agency}/{ distributor }")).toEqual([
      "unknown placeholder {fotograaf}: use {photographer}, {agency} or {distributor}",
      "unknown placeholder {Agency}: use {photographer}, {agency} or {distributor}",
      "unknown placeholder { distributor }: use {photographer}, {agency} or {distributor}",
    ]);
  });

  test("reports an empty placeholder", () => {
    expect(findCreditFormatProblems("Photo by {}")).toEqual(["unknown placeholder {}: use {photographer}, {agency} or {distributor}"]);
  });

  test.each(["", "   "])("reports an empty format %j", (format) => {
    expect(findCreditFormatProblems(format)).toEqual(["the credit format is empty"]);
  });
});
