import { describe, expect, test } from "vitest";
import { markupToText } from "./plain-text";

describe("an oEmbed answer's markup as plain text", () => {
  test("keeps the words and line breaks of a post", () => {
    const html =
      '<blockquote class="twitter-tweet"><p lang="en">What a goal! &amp; what a night&#x1F3C6;<br>Full time: 2&ndash;1</p>&mdash; Club (@club) <a href="https://x.com/club/status/1">June 1</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js"></script>';
    expect(markupToText(html, 500)).toBe("What a goal! & what a night🏆\nFull time: 2–1\n— Club (@club) June 1");
  });

  test("drops scripts, styles, frames and handlers entirely", () => {
    const html = '<script>alert(1)</script><style>body{}</style><iframe src="javascript:alert(2)">x</iframe><img src=x onerror=alert(3)><p onclick="alert(4)">Safe words</p><script>never closed';
    expect(markupToText(html, 500)).toBe("Safe words");
  });

  test("is capped at the length given", () => {
    expect(markupToText(`<p>${"a".repeat(10_000)}</p>`, 100)).toHaveLength(100);
  });
});
