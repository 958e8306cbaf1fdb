import { describe, expect, it } from "vitest";
import { auditActionLabel, auditRecordLabel, auditRecordName, describeAuditDetails } from "./audit-details";

describe("audit details", () => {
  it("reads role changes and renames as from → to, leaving out what did not change", () => {
    expect(describeAuditDetails({ email: "sam@pressbox.test", from: "CONTRIBUTOR", to: "EDITOR" })).toBe("email: sam@pressbox.test; change: contributor → editor");
    expect(describeAuditDetails({ email: "sam@pressbox.test", from: "CONTRIBUTOR", to: "EDITOR" }, { action: "user.role-change" })).toBe("email: sam@pressbox.test; role: contributor → editor");
    expect(describeAuditDetails({ name: { from: "Footy", to: "Football" }, slug: { from: "footy", to: "footy" } })).toBe("name: Footy → Football");
  });

  it("lists only the fields an update changed", () => {
    const details = { before: { name: "BSR", creditFormat: "{agency}", distributor: null }, after: { name: "BSR", creditFormat: "{photographer}/{agency}", distributor: null } };
    expect(describeAuditDetails(details)).toBe("credit format: {agency} → {photographer}/{agency}");
  });

  it("names the record from its details when it can", () => {
    expect(auditRecordName({ email: "a@b.c", role: "ADMIN" })).toBe("a@b.c");
    expect(auditRecordName({ name: { from: "Old", to: "New" } })).toBe("New");
    expect(auditRecordName({ before: {}, after: { name: "Reuters" } })).toBe("Reuters");
    expect(auditRecordName(null)).toBeNull();
  });

  it("writes names for the ids in details, and never an id", () => {
    const names = { "Agency:a1": "Reuters", "Photographer:p1": "Priya Raman", "Section:s1": "Olympics", "Section:s2": "Football", "BylineProfile:b1": "Aiko Mori" };
    expect(describeAuditDetails({ before: { name: "Priya", agencyId: null }, after: { name: "Priya", agencyId: "a1" } }, { names })).toBe("agency: (none) → Reuters");
    expect(describeAuditDetails({ changes: { photographerId: { before: null, after: "p1" }, altText: { before: "Skater", after: "A skater falls" } } }, { names })).toBe(
      "photographer: (none) → Priya Raman; alt text: Skater → A skater falls",
    );
    const changes = { headline: { from: "Old", to: "New" }, sectionId: { from: "s1", to: "s2" }, profileIds: { from: [], to: ["b1"] }, bodyWords: { from: 120, to: 180 } };
    expect(describeAuditDetails({ version: 4 }, { names, changes })).toBe("headline: Old → New; section: Olympics → Football; bylines: (none) → Aiko Mori; body (words): 120 → 180");
    expect(describeAuditDetails({ sectionId: "gone1" }, { names })).toBe("section: (a section no longer there)");
  });

  it("reads lists, nested records, dates and statuses as text, not JSON", () => {
    const withdrawn = describeAuditDetails(
      {
        originalName: "skater.jpg",
        rightsExpireAt: "2026-03-01T00:00:00.000Z",
        withdrawnFrom: [
          { id: "x1", headline: "Gold" },
          { id: "x2", headline: "Silver" },
        ],
      },
      { recordName: "skater.jpg" },
    );
    expect(withdrawn).toBe("rights expire: 1 March 2026 at 00:00 UTC; withdrawn from: “Gold”, “Silver”");
    const uploaded = describeAuditDetails({ originalName: "a.jpg", sha256: "ab12", bytes: 2_097_152, renditions: 9, embedded: { byline: "Jo Bloggs", credit: "AP" } }, { recordName: "a.jpg" });
    expect(uploaded).toBe("size: 2.0 MB; renditions: 9; the file said: byline: Jo Bloggs, credit: AP");
    expect(describeAuditDetails({ from: "IN_REVIEW", to: "PUBLISHED" }, { action: "article.publish" })).toBe("status: in review → published");
    expect(describeAuditDetails({ originalName: "b.jpg", bytes: 48_000, embedded: {} }, { recordName: "b.jpg" })).toBe("size: 47 KB");
    for (const text of [withdrawn, uploaded]) expect(text).not.toMatch(/[{}[\]"]/);
  });

  it("says what was done in words", () => {
    expect(auditActionLabel("article.trash")).toBe("moved to the trash");
    expect(auditActionLabel("section.rename")).toBe("renamed");
    expect(auditActionLabel("auth.sign-in")).toBe("signed in");
  });

  it("keeps a story's headline once the story is deleted for good", () => {
    const entry = { entityType: "Article", entityId: "gone", details: { headline: "Ski jump", status: "DRAFT" } };
    expect(auditRecordLabel(entry, {})).toEqual({ type: "story", name: "“Ski jump”", plain: "Ski jump", isGone: true });
    expect(auditRecordLabel({ ...entry, entityId: "here" }, { "Article:here": "Ski jump final" })).toMatchObject({ name: "“Ski jump final”", isGone: false });
  });
});
