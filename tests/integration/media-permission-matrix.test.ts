// The media library's server actions and upload route, called as anonymous, contributor, editor
// and admin: allowed calls succeed; the others get 401/403 and leave the database as it was.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db";
import { createMedia } from "../../lib/media/commands";
import { signInAs, TEST_AUTH_SECRET, type FakeRequest } from "../fixtures/accounts";
import { CALLERS, itChecksEveryCaller, noCallers, signUpCallers } from "../support/permission-matrix";
import { ensureDemoNewsroom } from "../fixtures/ensure-demo-newsroom";
import { makeImage } from "../fixtures/images";
import * as mediaActions from "../../app/(newsroom)/newsroom/media/actions";
import { POST as uploadRoute } from "../../app/api/media/uploads/route";

const request = vi.hoisted((): FakeRequest => ({ cookies: [], headers: new Headers({ "x-forwarded-for": "198.51.100.25" }) }));
vi.mock("next/headers", async () => (await import("../fixtures/accounts")).nextHeadersMock(request));

const callers = noCallers();
let seed = 0;

async function freshMedia() {
  const bytes = await makeImage({ seed: `matrix-${Date.now()}-${seed++}`, width: 320, height: 200, format: "jpeg" });
  return createMedia(db, { bytes, originalName: "matrix.jpg", altText: "Alt", defaultCaption: "Caption" }, { actor: null });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const snapshot = () => Promise.all([db.media.findMany({ orderBy: { id: "asc" } }), db.mediaRendition.count(), db.auditEntry.count()]);

type Media = { id: string; version: number };

const DESK = ["EDITOR", "ADMIN"] as const;
const CASES = {
  update: {
    allowed: DESK,
    prepare: freshMedia,
    call: (m: Media) => mediaActions.updateMediaAction(null, form({ id: m.id, version: String(m.version), altText: "New alt text", defaultCaption: "New caption" })),
  },
  delete: { allowed: DESK, prepare: freshMedia, call: (m: Media) => mediaActions.deleteMediaAction(null, form({ id: m.id, version: String(m.version) })) },
};

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  await ensureDemoNewsroom();
  await signUpCallers(callers);
});

describe("the media library's permission matrix", () => {
  itChecksEveryCaller(CASES, { request, callers, snapshot });

  for (const caller of CALLERS) {
    it(`upload as ${caller.toLowerCase()} ${caller === "ANONYMOUS" ? "is refused with 401 and stores nothing" : "is accepted"}`, async () => {
      await signInAs(request, callers[caller]);
      const body = new FormData();
      const bytes = await makeImage({ seed: `upload-${caller}-${Date.now()}`, width: 300, height: 200, format: "png" });
      body.set("file", new File([new Uint8Array(bytes)], `${caller}.png`, { type: "image/png" }));
      const before = await snapshot();
      const response = await uploadRoute(new Request("http://localhost/api/media/uploads", { method: "POST", body }));
      if (caller === "ANONYMOUS") {
        expect(response.status).toBe(401);
        expect(await snapshot()).toEqual(before);
      } else expect(response.status).toBe(201);
    });
  }
});
