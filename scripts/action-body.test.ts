import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { MAX_REQUEST_JSON_DEPTH } from "../lib/input-depth";
import { jsonPartsOf, readBody, refuseNestedBody, replayRequest } from "./action-body";

const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const TEXT = "text/plain;charset=UTF-8";

async function multipart(fields: Record<string, string>): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const request = new Request("http://x/", { method: "POST", body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

describe("refuseNestedBody", () => {
  it("refuses a JSON body nested past the limit with 422 and says the limit", () => {
    const refusal = refuseNestedBody(Buffer.from(deep(10_000)), TEXT);
    expect(refusal).toMatchObject({ status: 422 });
    expect(refusal?.message).toContain(String(MAX_REQUEST_JSON_DEPTH));
    expect(refuseNestedBody(Buffer.from(deep(MAX_REQUEST_JSON_DEPTH)), TEXT)).toBeNull();
  });

  it("reads a multipart form's JSON parts (numbered) and leaves its text fields alone", async () => {
    const prose = await multipart({ "0": '["$undefined","$K1"]', _1_bio: "[".repeat(5_000) });
    expect(jsonPartsOf(prose.body, prose.contentType)).toEqual(['["$undefined","$K1"]']);
    expect(refuseNestedBody(prose.body, prose.contentType)).toBeNull();
    const hostile = await multipart({ "1": deep(5_000), "0": '["$undefined","$@1"]' });
    expect(refuseNestedBody(hostile.body, hostile.contentType)?.status).toBe(422);
  });
});

describe("replayRequest", () => {
  it("hands on the same method, address, headers and bytes", async () => {
    const original = Object.assign(Readable.from([Buffer.from("[1,"), Buffer.from("2]")]), { method: "POST", url: "/x", headers: { "next-action": "a" }, rawHeaders: [], socket: null });
    const body = await readBody(original as never);
    const replay = replayRequest(original as never, body);
    expect([replay.method, replay.url, replay.headers]).toEqual(["POST", "/x", { "next-action": "a" }]);
    expect((await readBody(replay)).toString()).toBe("[1,2]");
  });
});
