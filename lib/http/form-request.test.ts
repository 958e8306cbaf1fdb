import { describe, expect, it } from "vitest";
import { field, readFormRequest } from "./form-request";

const request = (body: BodyInit, type: string) => new Request("http://localhost/x", { method: "POST", body, headers: type ? { "content-type": type } : {} });
const both = { json: true, multipart: true };

describe("reading a reader's small form", () => {
  it("reads URL-encoded fields, keeping repeated ones as a list", async () => {
    const body = await readFormRequest(request("email=a%40b.org&n=1&n=2", "application/x-www-form-urlencoded; charset=UTF-8"), 1024, both);
    expect(body).toEqual({ kind: "form", fields: { email: "a@b.org", n: ["1", "2"] } });
    expect(field((body as { fields: Record<string, string | string[]> }).fields, "n")).toBe("1");
  });

  it("reads multipart forms (RFC 8058 allows them) and JSON objects of text, dropping other values", async () => {
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    expect(await readFormRequest(new Request("http://localhost/x", { method: "POST", body: form }), 1024, both)).toEqual({ kind: "form", fields: { "List-Unsubscribe": "One-Click" } });
    expect(await readFormRequest(request(JSON.stringify({ email: "a@b.org", n: 1, x: { $ne: 1 } }), "application/json"), 1024, both)).toEqual({ kind: "json", fields: { email: "a@b.org" } });
  });

  it("refuses other types (415), bodies over the cap (413), and JSON that is not an object (400)", async () => {
    expect(await readFormRequest(request("x", "text/plain"), 1024, both)).toMatchObject({ status: 415 });
    expect(await readFormRequest(request("{}", "application/json"), 1024, { json: false, multipart: false })).toMatchObject({ status: 415 });
    expect(await readFormRequest(request("a=" + "x".repeat(2000), "application/x-www-form-urlencoded"), 1024, both)).toMatchObject({ status: 413 });
    expect(await readFormRequest(request("[1]", "application/json"), 1024, both)).toMatchObject({ status: 400 });
    expect(await readFormRequest(request("{", "application/json"), 1024, both)).toMatchObject({ status: 400 });
  });
});
