import { describe, expect, it } from "vitest";
import { navItemsFor } from "./nav-items";

const labels = (role: "CONTRIBUTOR" | "EDITOR" | "ADMIN") => navItemsFor({ id: "u", name: "U", role }).map((item) => item.label);

describe("newsroom navigation", () => {
  it("shows contributors the story desk, media and wire, and editors sports data and newsletters too", () => {
    expect(labels("CONTRIBUTOR")).toEqual(["Stories", "Media", "Wire"]);
    expect(labels("EDITOR")).toEqual(["Stories", "Media", "Wire", "Sports data", "Newsletters"]);
  });

  it("shows admins every screen", () => {
    expect(labels("ADMIN")).toEqual(["Stories", "Media", "Wire", "Sports data", "Newsletters", "Users", "Bylines", "Agencies & photographers", "Sections & tags", "Audit log"]);
  });
});
