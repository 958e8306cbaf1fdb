// `npm run wire:import` (lib/wire/cli.ts) against a real database: what it prints per file, with
// and without --json, and its exit code when a file is refused.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "../../lib/db";
import { runWireImport } from "../../lib/wire/cli";
import { uniqueSuffix } from "../fixtures/accounts";
import { createStaff } from "../fixtures/staff";
import { readNewsmlSample, readNinjsSample } from "../fixtures/wire-samples";
import { startPictureServer, type PictureServer } from "../fixtures/wire-picture-server";

const run = uniqueSuffix();
const AGENCY = `CLI Wire Agency ${run}`;
const dir = mkdtempSync(path.join(tmpdir(), "wire-cli-"));
let email: string;
let server: PictureServer;

beforeAll(async () => {
  const editor = await createStaff("EDITOR", "CLI Editor");
  email = (await db.user.findUniqueOrThrow({ where: { id: editor.id } })).email;
  server = await startPictureServer();
  process.env.WIRE_PRIVATE_FETCH_AGENCIES = AGENCY;
});

afterAll(async () => {
  delete process.env.WIRE_PRIVATE_FETCH_AGENCIES;
  await server.close();
});

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

async function cli(...argv: string[]) {
  const out: string[] = [],
    err: string[] = [];
  const code = await runWireImport(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe("npm run wire:import", () => {
  test("--json prints one object per file: story id, headline, agency, version, embargo, pictures with credits, skipped", async () => {
    const photo = readNinjsSample("2.2-006_photo_only.json");
    photo.uri = `${String(photo.uri)}?cli=${run}`;
    (photo as { xPriority?: number }).xPriority = 1;
    const photoFile = file("photo.json", JSON.stringify(photo).replace(/http:\/\/hosted\.ap\.org\/photos\/2\//g, `${server.origin}/cli-${run}-`));
    const newsFile = file("news.xml", readNewsmlSample("LISTING_1_A_NewsML-G2_News_Item.xml").replace(/guid="([^"]+)"/, `guid="$1:cli:${run}"`));
    const { code, out, err } = await cli(photoFile, newsFile, "--json", "--agency", AGENCY, "--as", email);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const [first, second] = out.map((line) => JSON.parse(line));
    expect(first).toMatchObject({ file: photoFile, outcome: "created", headline: "Costa Concordia cruise ship", agency: AGENCY, version: 1, embargo: null, skipped: ["xPriority"] });
    expect(first.pictures).toEqual([expect.objectContaining({ status: "imported", credit: `Paulo Santalucia/${AGENCY}`, caption: expect.stringMatching(/^The Costa Concordia/) })]);
    expect(await db.article.findUnique({ where: { id: first.storyId }, select: { headline: true } })).toEqual({ headline: "Costa Concordia cruise ship" });
    expect(second).toMatchObject({ outcome: "created", agency: AGENCY, version: 11, embargo: "2018-10-23T12:00:00.000Z", pictures: [] });
  });

  test("without --json: one readable line per file; the same file again is left unchanged and says so", async () => {
    const source = file("again.json", JSON.stringify({ uri: `urn:cli:${run}:again`, version: "2", headlines: [{ value: "Again" }] }));
    const first = await cli(source, "--as", email, "--agency", AGENCY);
    expect(first.out[0]).toMatch(new RegExp(`^created .*again\\.json: story \\w+ “Again” \\(${AGENCY}, version 2\\)`));
    const second = await cli(source, "--as", email);
    expect(second.code).toBe(0);
    expect(second.out[0]).toMatch(/^unchanged .*Nothing changed: urn:cli:\S+ version 2 is not newer than version 2, already imported\./);
  });

  test("a refused file exits 1 with its reason; the other files are still imported", async () => {
    const bad = file("bad.xml", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><newsItem guid="g">&e;</newsItem>');
    const big = file("big.json", Buffer.alloc(6 * 1024 * 1024, 32));
    const good = file("good.txt", `Plain headline ${run}\n\nLONDON (PA) -- Copy.`);
    const before = await db.wireItem.count();
    const { code, out, err } = await cli(bad, big, good, path.join(dir, "missing.json"), "--json", "--as", email);
    expect(code).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(/^refused .*bad\.xml: .*has a DOCTYPE or ENTITY declaration/),
      expect.stringMatching(/^refused .*big\.json: The file is 6 MB; the limit is 5 MB\./),
      expect.stringMatching(/^refused .*missing\.json: the file cannot be read \(ENOENT\)/),
    ]);
    expect(out.map((line) => JSON.parse(line).outcome)).toEqual(["refused", "refused", "created", "refused"]);
    expect(JSON.parse(out[2])).toMatchObject({ headline: `Plain headline ${run}`, agency: "PA Media" });
    expect(await db.wireItem.count()).toBe(before + 1);
  });

  test.each([
    [[], /no files given/],
    [["x.json", "--bogus"], /unknown option --bogus/],
    [["x.json", "--agency"], /--agency needs a value/],
    [["x.json", "--as", "nobody@pressbox.test"], /no staff member has the email nobody@pressbox.test/],
  ])("usage errors exit 2: %j", async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err[0]).toMatch(message);
  });
});
