import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JsonLdScript } from "./json-ld-script";

describe("JsonLdScript", () => {
  it("escapes < so a name cannot close the script element", () => {
    const html = renderToStaticMarkup(<JsonLdScript data={{ name: "</script><script>alert(1)</script>" }} />);
    expect(html).not.toContain("</script><script>");
    expect(html).toContain("\\u003c/script>");
    expect(JSON.parse(html.replace(/^<script[^>]*>|<\/script>$/g, ""))).toEqual({ name: "</script><script>alert(1)</script>" });
  });
});
