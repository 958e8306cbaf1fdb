import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePreviewToken, readPreviewToken } from "./preview";

const saved = process.env.NEXTAUTH_SECRET;
beforeAll(() => {
  process.env.NEXTAUTH_SECRET = "test-secret-for-preview-tokens";
});
afterAll(() => {
  process.env.NEXTAUTH_SECRET = saved;
});

describe("preview tokens", () => {
  const id = "cabc123def456ghi789jkl012";
  const future = Date.now() + 60_000;

  it("names the link it was made for until it expires", () => {
    const token = makePreviewToken(id, future);
    expect(readPreviewToken(token)).toBe(id);
    expect(readPreviewToken(token, future + 1)).toBeNull();
  });

  it("refuses a token for another link or a later expiry made without the secret", () => {
    const [, expiry, signature] = makePreviewToken(id, future).split(".");
    expect(readPreviewToken(`cother0000000000000000000.${expiry}.${signature}`)).toBeNull();
    expect(readPreviewToken(`${id}.${future + 10_000_000}.${signature}`)).toBeNull();
    expect(readPreviewToken("garbage")).toBeNull();
    expect(readPreviewToken(`${id}.${future}.`)).toBeNull();
  });
});
