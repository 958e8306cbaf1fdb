import { describe, expect, it } from "vitest";
import { fileCreditLine, matchCredit } from "./prefill";

const photographers = [
  { id: "p1", name: "Douwe Bijlsma", agencyId: "a1" },
  { id: "p2", name: "Mara  Lindqvist", agencyId: null },
];
const agencies = [
  { id: "a1", name: "BSR Agency", shortCredit: "Getty" },
  { id: "a2", name: "Associated Press", shortCredit: "AP" },
  { id: "a3", name: "Getty Images", shortCredit: "Getty Images" },
];

describe("matchCredit", () => {
  it("matches the by-line to a photographer and the credit to an agency, ignoring case and spacing", () => {
    expect(matchCredit({ byline: "douwe  BIJLSMA", credit: "BSR Agency/Getty Images" }, photographers, agencies)).toEqual({ photographerId: "p1", agencyId: "a1" });
    expect(matchCredit({ byline: "Mara Lindqvist" }, photographers, agencies)).toEqual({ photographerId: "p2", agencyId: undefined });
  });

  it("matches an agency by its short credit, or by the source when the credit names nobody known", () => {
    expect(matchCredit({ credit: "AP" }, photographers, agencies).agencyId).toBe("a2");
    expect(matchCredit({ credit: "Club Media", source: "Associated Press" }, photographers, agencies).agencyId).toBe("a2");
  });

  it("leaves a matched photographer's own agency alone rather than take the distributor for the agency", () => {
    expect(matchCredit({ byline: "Douwe Bijlsma", credit: "Unknown Wire/Getty Images" }, photographers, agencies)).toEqual({ photographerId: "p1", agencyId: undefined });
    expect(matchCredit({ byline: "Mara Lindqvist", credit: "Unknown Wire/Getty Images" }, photographers, agencies)).toEqual({ photographerId: "p2", agencyId: "a3" });
    expect(matchCredit({ byline: "Douwe Bijlsma", credit: "Associated Press/Getty Images" }, photographers, agencies)).toEqual({ photographerId: "p1", agencyId: "a2" });
  });

  it("matches nothing for strangers", () => {
    expect(matchCredit({ byline: "Jane Unknown", credit: "Nowhere Photos" }, photographers, agencies)).toEqual({ photographerId: undefined, agencyId: undefined });
  });
});

describe("fileCreditLine", () => {
  it.each([
    [{ byline: "Jane Roe", credit: "Reuters" }, "Jane Roe/Reuters"],
    [{ byline: "Jane Roe", credit: "Jane Roe/Reuters" }, "Jane Roe/Reuters"],
    [{ source: "Club Media" }, "Club Media"],
    [{ byline: "Jane Roe" }, "Photo by Jane Roe"],
    [{ caption: "no credit here" }, null],
  ])("%j → %j", (embedded, line) => {
    expect(fileCreditLine(embedded)).toBe(line);
  });
});
