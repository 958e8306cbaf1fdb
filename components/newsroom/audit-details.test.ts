import { describe, expect, it } from "vitest";
import { auditRecordName, describeAuditDetails } from "./audit-details";

describe("audit details", () => {
  it("reads role changes and renames as from → to, leaving out what did not change", () => {
    expect(describeAuditDetails({ email: "sam@pressbox.test", from: "CONTRIBUTOR", to: "EDITOR" })).toBe("email: sam@pressbox.test; change: CONTRIBUTOR → EDITOR");
    expect(describeAuditDetails({ name: { from: "Footy", to: "Football" }, slug: { from: "footy", to: "footy" } })).toBe("name: Footy → Football");
  });

  it("lists only the fields an update changed", () => {
    const details = { before: { name: "BSR", creditFormat: "{agency}", distributor: null }, after: { name: "BSR", creditFormat: "{photographer}/{agency}", distributor: null } };
    expect(describeAuditDetails(details)).toBe("creditFormat: {agency} → {photographer}/{agency}");
  });

  it("names the record from its details when it can", () => {
    expect(auditRecordName({ email: "a@b.c", role: "ADMIN" })).toBe("a@b.c");
    expect(auditRecordName({ name: { from: "Old", to: "New" } })).toBe("New");
    expect(auditRecordName({ before: {}, after: { name: "Reuters" } })).toBe("Reuters");
    expect(auditRecordName(null)).toBeNull();
  });
});
