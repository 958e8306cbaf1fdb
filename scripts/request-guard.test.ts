import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, refuseRequest } from "./request-guard";

const get = (url: string) => ({ method: "GET", url, headers: {} });
const action = (length?: string) => ({ method: "POST", url: "/newsroom/stories/a", headers: { "next-action": "abc", ...(length === undefined ? {} : { "content-length": length }) } });

describe("refuseRequest", () => {
  it.each(["/%FF", "/tag/%ED%A0%80", "/football/%FF", "/preview/%FF", "/media/r/%FF", "/tag/%"])("refuses the undecodable address %s with 400", (url) => {
    expect(refuseRequest(get(url))?.status).toBe(400);
  });

  it("lets well-encoded addresses through, whatever their query", () => {
    expect(refuseRequest(get("/tag/caf%C3%A9?page=2"))).toBeNull();
    expect(refuseRequest(get("/search?q=%FF"))).toBeNull();
  });

  it.each(["/search?q=%00", "/search?q=goal%00", "/newsroom/stories?q=a%00b", "/feed.xml?x=%00"])("refuses a NUL in the query of %s with 400", (url) => {
    expect(refuseRequest(get(url))).toMatchObject({ status: 400, message: expect.stringMatching(/NUL/) });
  });

  it("refuses next-auth's credentials callback fetched with GET with 405, and lets its POST through", () => {
    expect(refuseRequest(get("/api/auth/callback/credentials"))).toMatchObject({ status: 405, allow: "POST" });
    expect(refuseRequest(get("/api/auth/callback/credentials?x=1"))?.status).toBe(405);
    expect(refuseRequest({ method: "POST", url: "/api/auth/callback/credentials", headers: {} })).toBeNull();
  });

  it("refuses a server-action body over the limit with 413, and one without a length with 411", () => {
    expect(refuseRequest(action(String(ACTION_BODY_LIMIT + 1)))?.status).toBe(413);
    expect(refuseRequest(action()))?.toMatchObject({ status: 411 });
    expect(refuseRequest(action(String(ACTION_BODY_LIMIT)))).toBeNull();
  });
});
