// ninjs 1.x, 2.x and 3.x. The version comes from the document: its own "$standard"/"standard"
// or "$schema" when it says, else the schema it matches with the fewest unknown fields (1.x keys
// associations by name, 2.x uses arrays, 3.x camelCase names).
import { AppError } from "../errors";
import { checkNinjs, type NinjsMajor } from "./ninjs-schema";
import { toNinjs3 } from "./ninjs-upgrade";
import { parseXhtmlFragment } from "./xml";
import { clean, emptyPicture, emptyWireItem, parseVersion, parseWireDate, unique, wireRefusal, type WireBody, type WireItem, type WirePicture, type WireStatus } from "./types";

type Json = Record<string, unknown>;
type TextPart = { role?: string; contentType?: string; value?: string };

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === "string" ? value : "");
const parts = (value: unknown): TextPart[] => (Array.isArray(value) ? (value.filter(isObject) as TextPart[]) : []);
const names = (value: unknown): string[] => (Array.isArray(value) ? value.filter(isObject).map((item) => str(item.name)) : []);

function declaredMajor(document: Json): NinjsMajor | null {
  const standard = (isObject(document.standard) ? document.standard : isObject(document.$standard) ? document.$standard : {}) as Json;
  const declared = `${str(standard.version)} ${str(standard.schema)} ${str(document.$schema)}`;
  const match = /(?:^|[^\d.])([123])\.\d+/.exec(declared) ?? /ninjs-schema_([123])/.exec(declared);
  return match ? (Number(match[1]) as NinjsMajor) : null;
}

// Names only one major version uses. The shape decides; only a document with no telling name
// (say, a bare uri and headlines) is tried against each schema, the one needing the fewest
// skipped fields winning. Trying first would let a wrong version "skip" a field that is invalid
// in the right one (a 3.x pubStatus of "maybe" is simply unknown to 1.x).
const ONLY_IN_3 = new Set([
  "versionCreated",
  "firstCreated",
  "contentCreated",
  "pubStatus",
  "embargoedUntil",
  "copyrightHolder",
  "copyrightNotice",
  "usageTerms",
  "edNote",
  "infoSources",
  "contentType",
  "sizeInBytes",
  "representationType",
  "altIds",
  "trustIndicators",
  "rightsInfo",
  "digitalSourceType",
]);
const ONLY_IN_2 = new Set([...ONLY_IN_3].map((name) => name.toLowerCase()));
const ONLY_IN_1 = new Set(["headline", "byline", "person", "place", "organisation", "subject", "genre", "infosource", "event", "object", "$standard", "mimetype", "trustindicator"]);

function countMarkers(value: unknown, counts: Record<NinjsMajor, number>): void {
  if (Array.isArray(value)) return value.forEach((item) => countMarkers(item, counts));
  if (!isObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (ONLY_IN_3.has(key)) counts[3]++;
    else if (ONLY_IN_2.has(key) && !ONLY_IN_1.has(key)) counts[2]++;
    if (ONLY_IN_1.has(key) || /^(headline|body|description)_/.test(key)) counts[1]++;
    if ((key === "associations" || key === "renditions") && isObject(item)) counts[1]++;
    if ((key === "associations" || key === "renditions") && !isObject(item)) continue;
    countMarkers(item, counts);
  }
  if (Array.isArray(value.associations)) countMarkers(value.associations, counts);
  if (Array.isArray(value.renditions)) countMarkers(value.renditions, counts);
}

function majorByShape(document: Json): NinjsMajor | null {
  const counts: Record<NinjsMajor, number> = { 1: 0, 2: 0, 3: 0 };
  countMarkers(document, counts);
  const ranked = ([3, 2, 1] as const).filter((major) => counts[major] > 0).sort((a, b) => counts[b] - counts[a]);
  if (ranked.length === 0 || (ranked.length > 1 && counts[ranked[0]] === counts[ranked[1]])) return null;
  return ranked[0];
}

function detectAndCheck(document: Json): { major: NinjsMajor; checked: Json; skipped: string[] } {
  const decided = declaredMajor(document) ?? majorByShape(document);
  if (decided) return { major: decided, ...toResult(checkNinjs(document, decided)) };
  const attempts = ([3, 2, 1] as const).map((major) => {
    try {
      return { major, ...toResult(checkNinjs(document, major)) };
    } catch (error) {
      return { major, error: error as AppError };
    }
  });
  const fits = attempts.filter((attempt): attempt is { major: NinjsMajor; checked: Json; skipped: string[] } => "checked" in attempt);
  if (fits.length) return fits.reduce((best, next) => (next.skipped.length < best.skipped.length ? next : best));
  throw attempts[0].error!;
}

const toResult = ({ document, skipped }: { document: Json; skipped: string[] }) => ({ checked: document, skipped });

const MARKUP_TYPE = /html|xml|rich/i;

function bodyOf(bodies: TextPart[], path: string): WireBody | null {
  const markupIndex = bodies.findIndex((body) => MARKUP_TYPE.test(`${str(body.contentType)} ${str(body.role)}`));
  if (markupIndex >= 0) {
    return { kind: "markup", nodes: parseXhtmlFragment(str(bodies[markupIndex].value), `${path}[${markupIndex}].value`) };
  }
  const plain = bodies.find((body) => str(body.value).trim());
  return plain ? { kind: "text", text: str(plain.value) } : null;
}

function pickText(list: TextPart[], preferredRoles: string[]): string {
  for (const role of preferredRoles) {
    const found = list.find((item) => str(item.role).toLowerCase() === role && !MARKUP_TYPE.test(str(item.contentType)));
    if (found) return clean(str(found.value));
  }
  return clean(str(list.find((item) => !MARKUP_TYPE.test(`${str(item.contentType)} ${str(item.role)}`))?.value ?? list[0]?.value));
}

function pictureOf(association: Json, index: number): WirePicture {
  const descriptions = parts(association.descriptions);
  const picture = emptyPicture(str(association.uri) || str(association.name) || `associations[${index}]`);
  picture.headline = pickText(parts(association.headlines), ["main"]);
  picture.description = pickText(descriptions, ["text", "alt", "caption", "summary"]);
  picture.caption = pickText(descriptions, ["caption", "text", "summary"]) || picture.headline;
  picture.byline = clean(str(association.by));
  picture.creditLine = clean(names(association.infoSources)[0]) || clean(str(association.copyrightHolder));
  picture.copyrightHolder = clean(str(association.copyrightHolder));
  picture.copyrightNotice = clean(str(association.copyrightNotice));
  picture.usageTerms = clean(str(association.usageTerms));
  picture.renditions = (Array.isArray(association.renditions) ? association.renditions.filter(isObject) : []).map((rendition) => ({
    name: str(rendition.name),
    href: str(rendition.href) || null,
    mimeType: str(rendition.contentType) || null,
    width: typeof rendition.width === "number" ? rendition.width : null,
    height: typeof rendition.height === "number" ? rendition.height : null,
    sizeBytes: typeof rendition.sizeInBytes === "number" ? rendition.sizeInBytes : null,
  }));
  return picture;
}

const isPictureType = (type: unknown) => type === "picture" || type === "graphic";

export function parseNinjsDocument(document: unknown): WireItem {
  if (!isObject(document)) throw wireRefusal("the document", "is not a JSON object");
  const { major, checked, skipped } = detectAndCheck(document);
  const doc = toNinjs3(checked, major);
  const item = emptyWireItem(`ninjs-${major}`, str(doc.uri));
  item.version = parseVersion(doc.version, "version");
  item.status = (str(doc.pubStatus) || "usable") as WireStatus;
  item.urgency = typeof doc.urgency === "number" ? doc.urgency : null;
  item.genres = unique(names(doc.genres));
  item.headline = pickText(parts(doc.headlines), ["main", "simple"]);
  const descriptions = parts(doc.descriptions);
  item.abstract = pickText(
    descriptions.filter((d) => /summary|abstract|standfirst|lead/i.test(str(d.role))),
    ["summary"],
  );
  item.body = bodyOf(parts(doc.bodies), "bodies");
  item.located = clean(str(doc.located));
  item.bylines = unique([str(doc.by)]);
  item.provider = clean(names(doc.infoSources)[0]) || clean(str(doc.copyrightHolder));
  item.copyrightHolder = clean(str(doc.copyrightHolder));
  item.copyrightNotice = clean(str(doc.copyrightNotice));
  item.usageTerms = clean(str(doc.usageTerms));
  item.subjects = unique([...names(doc.subjects)]);
  item.keywords = unique([...names(doc.events), ...names(doc.organisations), ...names(doc.people)]);
  item.edNote = clean(str(doc.edNote));
  item.embargoedUntil = parseWireDate(str(doc.embargoedUntil), "embargoedUntil");
  item.versionCreated = parseWireDate(str(doc.versionCreated), "versionCreated");
  const associations = Array.isArray(doc.associations) ? doc.associations.filter(isObject) : [];
  item.pictures = associations.map(pictureOf).filter((_, index) => isPictureType(associations[index].type));
  // A picture sent on its own is the item's one picture; its headline is the story's too.
  if (isPictureType(doc.type)) item.pictures.unshift(pictureOf({ ...doc, associations: undefined }, 0));
  item.skipped = skipped;
  return item;
}
