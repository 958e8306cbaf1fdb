// ninjs 1.x and 2.x say the same things as 3.x in other words: 1.x keys objects by name
// (associations, renditions) and spreads headlines and bodies over "headline_x"/"body_x" fields;
// 2.x uses arrays but lower-case names. Each is rewritten to the 3.x shape so one mapper reads all.
type Json = Record<string, unknown>;

const LOWER_TO_3: Record<string, string> = {
  versioncreated: "versionCreated",
  firstcreated: "firstCreated",
  contentcreated: "contentCreated",
  pubstatus: "pubStatus",
  copyrightholder: "copyrightHolder",
  copyrightnotice: "copyrightNotice",
  usageterms: "usageTerms",
  ednote: "edNote",
  infosources: "infoSources",
  contenttype: "contentType",
  sizeinbytes: "sizeInBytes",
  embargoed: "embargoedUntil",
  representationtype: "representationType",
  trustindicators: "trustIndicators",
  altids: "altIds",
  rightsinfo: "rightsInfo",
  digitalsourcetype: "digitalSourceType",
  mimetype: "contentType",
};
const ONE_TO_2: Record<string, string> = {
  person: "people",
  place: "places",
  organisation: "organisations",
  subject: "subjects",
  event: "events",
  object: "objects",
  genre: "genres",
  infosource: "infosources",
  byline: "by",
  trustindicator: "trustindicators",
  $standard: "standard",
};

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function renameKeys(value: unknown, names: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, names));
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [names[key] ?? key, renameKeys(item, names)]));
}

const MARKUP_SUFFIX = /html|xml|rich/i;

function textParts(document: Json, prefix: string): { role: string; contenttype?: string; value: unknown }[] {
  return Object.entries(document)
    .filter(([key]) => key.startsWith(`${prefix}_`))
    .map(([key, value]) => {
      const role = key.slice(prefix.length + 1);
      return { role, ...(MARKUP_SUFFIX.test(role) ? { contenttype: "application/xhtml+xml" } : {}), value };
    });
}

function namedList(value: unknown, upgradeItem: (item: unknown) => unknown = (item) => item): unknown {
  if (!isObject(value)) return value;
  return Object.entries(value).map(([name, item]) => {
    const upgraded = upgradeItem(item);
    return { name, ...(isObject(upgraded) ? upgraded : {}) };
  });
}

function oneToTwo(document: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(document)) {
    if (/^(headline|body|description)_/.test(key)) continue;
    if (key === "headline") continue;
    if (key === "associations") out.associations = namedList(value, (item) => (isObject(item) ? oneToTwo(item) : item));
    else if (key === "renditions") out.renditions = namedList(value);
    else out[ONE_TO_2[key] ?? key] = renameKeys(value, ONE_TO_2);
  }
  const headlines = [...(typeof document.headline === "string" ? [{ role: "main", value: document.headline }] : []), ...textParts(document, "headline")];
  if (headlines.length) out.headlines = headlines;
  const bodies = textParts(document, "body");
  if (bodies.length) out.bodies = bodies;
  const descriptions = textParts(document, "description");
  if (descriptions.length) out.descriptions = descriptions;
  return out;
}

// A schema-checked document of major version `major`, in the 3.x shape.
export function toNinjs3(document: Json, major: 1 | 2 | 3): Json {
  if (major === 3) return document;
  return renameKeys(major === 1 ? oneToTwo(document) : document, LOWER_TO_3) as Json;
}
