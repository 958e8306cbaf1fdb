// Agencies and photographers: a changed credit format shows on every page using the agency at
// once (the write drops the cached pages), and bad formats are refused.
import { beforeAll, describe, expect, it } from "vitest";
import { createAgency, updateAgency } from "../../lib/agencies/commands";
import { getPublishedArticle } from "../support/published-article";
import { db } from "../../lib/db";
import { createPhotographer, updatePhotographer } from "../../lib/photographers/commands";
import { createTestUser, uniqueSuffix, type TestUser } from "../fixtures/accounts";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { MODEL_STORY_SLUG } from "../fixtures/model-story";

let admin: TestUser;

beforeAll(async () => {
  await ensureDemoNewsroom();
  admin = await createTestUser("ADMIN", { name: "Credits Admin" });
});

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: { code?: string; message: string }) => error,
  );
}

describe("updateAgency", () => {
  it("changes the credit of every picture using the agency, including cached pages", async () => {
    const before = await getPublishedArticle(MODEL_STORY_SLUG);
    expect(before?.hero?.media.credit).toEqual({ short: "Image: Getty", full: "Photo by Douwe Bijlsma/BSR Agency/Getty Images" });
    const agency = await db.agency.findUniqueOrThrow({ where: { name: "BSR Agency" } });
    const fields = { name: agency.name, shortCredit: agency.shortCredit, creditFormat: agency.creditFormat, distributor: agency.distributor };
    await updateAgency(admin, { id: agency.id, version: agency.version, ...fields, shortCredit: "BSR", creditFormat: "{photographer} ({agency}) via {distributor}" });
    try {
      const after = await getPublishedArticle(MODEL_STORY_SLUG);
      expect(after?.hero?.media.credit).toEqual({ short: "Image: BSR", full: "Douwe Bijlsma (BSR Agency) via Getty Images" });
      const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "agency.update", entityId: agency.id }, orderBy: { createdAt: "desc" } });
      expect(entry).toMatchObject({ actorId: admin.id, details: { before: { creditFormat: agency.creditFormat } } });
    } finally {
      await updateAgency(admin, { id: agency.id, version: agency.version + 1, ...fields });
    }
    expect((await getPublishedArticle(MODEL_STORY_SLUG))?.hero?.media.credit?.full).toBe("Photo by Douwe Bijlsma/BSR Agency/Getty Images");
  });

  it("refuses unknown placeholders and empty credits, and changes nothing", async () => {
    const { id } = await createAgency(admin, { name: `Format Agency ${uniqueSuffix()}`, shortCredit: "FA", creditFormat: "Photo by {photographer}" });
    const error = await errorOf(updateAgency(admin, { id, version: 1, name: "Renamed", shortCredit: "", creditFormat: "Photo by {photog}" }));
    expect(error).toMatchObject({ name: "ZodError", message: expect.stringContaining("unknown placeholder {photog}") });
    expect(await db.agency.findUniqueOrThrow({ where: { id } })).toMatchObject({ shortCredit: "FA", creditFormat: "Photo by {photographer}", version: 1 });
  });

  it("refuses a second agency with the same name, and a stale version", async () => {
    const name = `Unique Agency ${uniqueSuffix()}`;
    const { id } = await createAgency(admin, { name, shortCredit: "UA", creditFormat: "{agency}" });
    expect(await errorOf(createAgency(admin, { name, shortCredit: "UA", creditFormat: "{agency}" }))).toMatchObject({ code: "CONFLICT" });
    await updateAgency(admin, { id, version: 1, name, shortCredit: "UA2", creditFormat: "{agency}" });
    const stale = await errorOf(updateAgency(admin, { id, version: 1, name, shortCredit: "UA3", creditFormat: "{agency}" }));
    expect(stale).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Credits Admin changed this agency") });
  });
});

describe("photographers", () => {
  it("are created with their agency and renamed; an unknown agency is refused", async () => {
    const agency = await db.agency.findUniqueOrThrow({ where: { name: "Reuters" } });
    const { id } = await createPhotographer(admin, { name: "Nadia Petrova", agencyId: agency.id });
    await updatePhotographer(admin, { id, version: 1, name: "Nadia Petrova-Hale", agencyId: "" });
    expect(await db.photographer.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Nadia Petrova-Hale", agencyId: null, version: 2 });
    expect(await errorOf(createPhotographer(admin, { name: "Ghost", agencyId: "cmnotarealagency000000000" }))).toMatchObject({ code: "INVALID" });
  });
});
