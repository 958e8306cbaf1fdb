import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeCallbackUrl("/newsroom/admin/audit?action=user.")).toBe("/newsroom/admin/audit?action=user.");
  });

  it("accepts an absolute URL only on the request's own host", () => {
    expect(safeCallbackUrl("http://localhost:3000/newsroom/stories", "localhost:3000")).toBe("/newsroom/stories");
    expect(safeCallbackUrl("https://evil.example/newsroom", "localhost:3000")).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("refuses other sites, protocol-relative and backslash tricks, and sign-in loops", () => {
    for (const hostile of ["//evil.example", "/\\evil.example", "javascript:alert(1)", "evil.example", "/sign-in?callbackUrl=/x", "/sign-out", "/api/auth/signout", "", undefined, 42]) {
      expect(safeCallbackUrl(hostile, "localhost:3000")).toBe(DEFAULT_AFTER_SIGN_IN);
    }
  });
});
