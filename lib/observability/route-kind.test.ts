import { describe, expect, it } from "vitest";
import { finalRouteKind, routeKind, statusClass } from "./route-kind";

const get = (url: string, headers: Record<string, string> = {}) => routeKind({ method: "GET", url, headers });

describe("route kinds", () => {
  it("name each kind of request by its address and method, never by the story", () => {
    expect(get("/")).toBe("page-render");
    expect(get("/olympics/skater-wins?utm=x")).toBe("page-render");
    expect(get("/newsroom/stories")).toBe("newsroom");
    expect(get("/api/newsroom/sports/records")).toBe("api");
    expect(get("/media/originals/a.jpg")).toBe("media");
    expect(get("/live/final-day/events")).toBe("live-stream");
    expect(get("/_next/static/chunks/app.js")).toBe("other");
    expect(get("/healthz")).toBe("operations");
    expect(get("/metrics?x")).toBe("operations");
    expect(routeKind({ method: "POST", url: "/newsroom/stories/1", headers: { "next-action": "abc" } })).toBe("server-action");
    expect(routeKind({ method: "POST", url: "/olympics", headers: {} })).toBe("other");
  });

  it("count a page served from the page cache as a hit, not a render", () => {
    expect(finalRouteKind("page-render", "hit")).toBe("page-cache-hit");
    expect(finalRouteKind("page-render", "miss")).toBe("page-render");
    expect(finalRouteKind("newsroom", "hit")).toBe("newsroom");
  });

  it("group statuses by class", () => {
    expect([200, 304, 404, 503, 499, 42].map(statusClass)).toEqual(["2xx", "3xx", "4xx", "5xx", "4xx", "other"]);
  });
});
