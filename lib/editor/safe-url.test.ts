import { describe, expect, test } from "vitest";
import { isSafeHref } from "./safe-url";

describe("isSafeHref", () => {
  test.each(["https://example.com/match-report", "http://example.com", "HTTPS://EXAMPLE.COM/", "mailto:sports@example.com", "/football/ajax-win-the-derby", "/search?q=ajax#results", "#standings"])(
    "accepts %j",
    (href) => {
      expect(isSafeHref(href)).toBe(true);
    },
  );

  test.each([
    ["javascript:alert(1)", "script scheme"],
    ["JaVaScRiPt:alert(1)", "mixed-case script scheme"],
    ["java\nscript:alert(1)", "newline inside the scheme"],
    ["java\tscript:alert(1)", "tab inside the scheme"],
    ["java\u0000script:alert(1)", "NUL inside the scheme"],
    [" javascript:alert(1)", "leading space"],
    ["\u0001javascript:alert(1)", "leading control character"],
    ["javascript:alert(1)\u2028", "line separator"],
    ["vbscript:msgbox(1)", "vbscript"],
    ["data:text/html,<script>alert(1)</script>", "data URL"],
    ["file:///etc/passwd", "file URL"],
    ["ftp://example.com/file", "ftp"],
    ["//evil.com", "protocol-relative URL"],
    ["/\\evil.com", "backslash host trick"],
    ["evil.com", "bare host (no scheme, not site-relative)"],
    ["", "empty"],
    [`https://example.com/${"a".repeat(2048)}`, "longer than 2048 characters"],
  ])("refuses %j (%s)", (href) => {
    expect(isSafeHref(href)).toBe(false);
  });

  test.each([undefined, null, 42, { href: "https://example.com" }])("refuses the non-string %j", (href) => {
    expect(isSafeHref(href)).toBe(false);
  });
});
