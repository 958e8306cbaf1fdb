// NewsML-G2 newsItem and packageItem. Text comes from contentMeta and an inlineXML body (XHTML or
// NITF); a picture item's renditions from remoteContent; a package's members from its itemRefs.
import { childNamed, childrenNamed, elementsOf, parseXml, textOf, type MarkupElement, type MarkupNode } from "./xml";
import { clean, emptyPicture, emptyWireItem, parseVersion, parseWireDate, unique, wireRefusal, type WireBody, type WireItem, type WirePicture, type WireStatus } from "./types";

const KNOWN_ITEM_CHILDREN = new Set([
  "catalogRef",
  "catalog",
  "rightsInfo",
  "itemMeta",
  "contentMeta",
  "contentSet",
  "groupSet",
  "hopHistory",
  "pubHistory",
  "partMeta",
  "assert",
  "inlineRef",
  "derivedFrom",
  "derivedFromValue",
  "signature",
]);
const KNOWN_ITEM_META = new Set([
  "itemClass",
  "provider",
  "versionCreated",
  "firstCreated",
  "embargoed",
  "pubStatus",
  "service",
  "edNote",
  "signal",
  "link",
  "title",
  "fileName",
  "profile",
  "role",
  "generator",
  "memberOf",
  "instanceOf",
  "altRep",
  "deliverableOf",
  "hash",
  "expires",
  "incomingFeedId",
  "itemMetaExtProperty",
  "userInteraction",
  "urgency",
]);
const KNOWN_CONTENT_META = new Set([
  "contentCreated",
  "contentModified",
  "located",
  "creator",
  "contributor",
  "infoSource",
  "subject",
  "genre",
  "slugline",
  "headline",
  "description",
  "dateline",
  "by",
  "creditline",
  "keyword",
  "language",
  "altId",
  "urgency",
  "audience",
  "exclAudience",
  "icon",
  "action",
  "rating",
  "userInteraction",
  "mode",
  "sentiment",
  "contentMetaExtProperty",
  "signal",
  "memberOf",
]);

// "stat:usable" → "usable"; "nprov:REUTERS" → "REUTERS"
const codeOf = (qcode: string | undefined): string => (qcode ?? "").replace(/^[^:]*:/, "");

function nameOf(element: MarkupElement | undefined): string {
  const name = childNamed(element, "name");
  return name ? textOf(name) : codeOf(element?.attrs.qcode || element?.attrs.literal);
}

function listUnknown(parent: MarkupElement | undefined, known: Set<string>, path: string, skipped: string[]): void {
  for (const child of elementsOf(parent?.children)) if (!known.has(child.tag)) skipped.push(`${path}.${child.tag}`);
}

function statusOf(itemMeta: MarkupElement | undefined): WireStatus {
  const code = codeOf(childNamed(itemMeta, "pubStatus")?.attrs.qcode) || "usable";
  if (code !== "usable" && code !== "withheld" && code !== "canceled") throw wireRefusal("itemMeta.pubStatus", `is "${code}"; expected stat:usable, stat:withheld or stat:canceled`);
  return code;
}

// Berlin › Berlin › Germany → "Berlin, Germany" (each name once, most specific first).
function locatedOf(contentMeta: MarkupElement | undefined): string {
  const located = childNamed(contentMeta, "located");
  if (!located) return "";
  return unique([nameOf(located), ...childrenNamed(located, "broader").map(nameOf)]).join(", ");
}

function descriptionsOf(contentMeta: MarkupElement | undefined, roles: RegExp): string {
  return textOf(childrenNamed(contentMeta, "description").find((d) => roles.test(d.attrs.role ?? "")));
}

function bodyOf(contentSet: MarkupElement | undefined): { body: WireBody | null; nitfHead: MarkupElement | undefined } {
  const inline = childNamed(contentSet, "inlineXML");
  if (inline) {
    const nitf = childNamed(inline, "nitf");
    if (nitf) {
      const body = childNamed(nitf, "body");
      return { body: { kind: "markup", nodes: childNamed(body, "body.content")?.children ?? [] }, nitfHead: childNamed(body, "body.head") };
    }
    const html = childNamed(inline, "html");
    const content: MarkupNode[] = html ? (childNamed(html, "body")?.children ?? []) : inline.children;
    return { body: elementsOf(content).length || textOf({ tag: "div", attrs: {}, children: content }) ? { kind: "markup", nodes: content } : null, nitfHead: undefined };
  }
  const text = childNamed(contentSet, "inlineData");
  return { body: text && textOf(text) ? { kind: "text", text: text.children.filter((c) => typeof c === "string").join("") } : null, nitfHead: undefined };
}

function renditionsOf(contentSet: MarkupElement | undefined): WirePicture["renditions"] {
  const number = (value: string | undefined) => (value && /^\d+$/.test(value.trim()) ? Number(value) : null);
  return childrenNamed(contentSet, "remoteContent").map((remote) => ({
    name: codeOf(remote.attrs.rendition) || "original",
    href: remote.attrs.href?.trim() || remote.attrs.residref?.trim() || null,
    mimeType: remote.attrs.contenttype || null,
    width: number(remote.attrs.width),
    height: number(remote.attrs.height),
    sizeBytes: number(remote.attrs.size),
  }));
}

function rightsOf(root: MarkupElement) {
  const rights = childNamed(root, "rightsInfo");
  return { copyrightHolder: nameOf(childNamed(rights, "copyrightHolder")), copyrightNotice: textOf(childNamed(rights, "copyrightNotice")), usageTerms: textOf(childNamed(rights, "usageTerms")) };
}

function creatorsOf(contentMeta: MarkupElement | undefined): string[] {
  return unique([...childrenNamed(contentMeta, "by").map(textOf), ...childrenNamed(contentMeta, "creator").map(nameOf)]);
}

function pictureItem(root: MarkupElement, item: WireItem, contentMeta: MarkupElement | undefined): WirePicture {
  const picture = emptyPicture(item.guid);
  picture.headline = item.headline;
  picture.caption = descriptionsOf(contentMeta, /caption|summary|^$/) || item.headline;
  picture.description = descriptionsOf(contentMeta, /caption|alt|^$/);
  picture.creditLine = textOf(childNamed(contentMeta, "creditline"));
  picture.byline = creatorsOf(contentMeta)[0] ?? "";
  Object.assign(picture, rightsOf(root));
  picture.renditions = renditionsOf(childNamed(root, "contentSet"));
  return picture;
}

// A package's members: text items become paragraphs, picture items pictures to fetch later.
function packageMembers(root: MarkupElement, item: WireItem): MarkupNode[] {
  const nodes: MarkupNode[] = [];
  const refs = elementsOf(childNamed(root, "groupSet")?.children).flatMap((group) => childrenNamed(group, "itemRef"));
  for (const ref of refs) {
    const kind = codeOf(childNamed(ref, "itemClass")?.attrs.qcode);
    const title = textOf(childNamed(ref, "title"));
    const description = textOf(childNamed(ref, "description"));
    if (kind === "picture" || kind === "graphic") {
      const picture = emptyPicture(ref.attrs.residref || ref.attrs.href || title);
      Object.assign(picture, { headline: title, caption: description || title, description, creditLine: nameOf(childNamed(ref, "provider")) });
      picture.renditions = ref.attrs.href ? [{ name: "ref", href: ref.attrs.href, mimeType: null, width: null, height: null, sizeBytes: null }] : [];
      item.pictures.push(picture);
    } else {
      if (title) nodes.push({ tag: "h3", attrs: {}, children: [title] });
      if (description) nodes.push({ tag: "p", attrs: {}, children: [description] });
    }
  }
  return nodes;
}

export function parseNewsmlDocument(text: string): WireItem {
  const root = elementsOf(parseXml(text, "the document"))[0];
  if (!root || (root.tag !== "newsItem" && root.tag !== "packageItem")) {
    throw wireRefusal("the document", `is not a NewsML-G2 newsItem or packageItem (its root element is ${root ? `<${root.tag}>` : "missing"})`);
  }
  if (!root.attrs.guid?.trim()) throw wireRefusal(`${root.tag}@guid`, "is missing; every NewsML-G2 item needs one");
  const itemMeta = childNamed(root, "itemMeta");
  const contentMeta = childNamed(root, "contentMeta");
  const item = emptyWireItem("newsml-g2", root.attrs.guid.trim());
  listUnknown(root, KNOWN_ITEM_CHILDREN, root.tag, item.skipped);
  listUnknown(itemMeta, KNOWN_ITEM_META, "itemMeta", item.skipped);
  listUnknown(contentMeta, KNOWN_CONTENT_META, "contentMeta", item.skipped);
  item.version = parseVersion(root.attrs.version, `${root.tag}@version`);
  item.status = statusOf(itemMeta);
  const urgency = Number(textOf(childNamed(contentMeta, "urgency") ?? childNamed(itemMeta, "urgency")));
  item.urgency = Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : null;
  item.genres = unique(childrenNamed(contentMeta, "genre").map(nameOf));
  item.headline = textOf(childNamed(contentMeta, "headline")) || textOf(childNamed(itemMeta, "title"));
  item.located = locatedOf(contentMeta);
  item.dateline = textOf(childNamed(contentMeta, "dateline"));
  item.provider = nameOf(childNamed(itemMeta, "provider"));
  Object.assign(item, rightsOf(root));
  item.keywords = unique(childrenNamed(contentMeta, "keyword").map(textOf));
  item.subjects = unique(childrenNamed(contentMeta, "subject").map((subject) => textOf(childNamed(subject, "name"))));
  item.edNote = clean(childrenNamed(itemMeta, "edNote").map(textOf).join(" "));
  item.embargoedUntil = parseWireDate(textOf(childNamed(itemMeta, "embargoed")), "itemMeta.embargoed");
  item.versionCreated = parseWireDate(textOf(childNamed(itemMeta, "versionCreated")), "itemMeta.versionCreated");
  const itemClass = codeOf(childNamed(itemMeta, "itemClass")?.attrs.qcode);
  const { body, nitfHead } = bodyOf(childNamed(root, "contentSet"));
  item.body = body;
  item.bylines = unique([...creatorsOf(contentMeta).slice(itemClass === "picture" ? 1 : 0), ...childrenNamed(childNamed(nitfHead, "byline"), "byttl").map(textOf)]);
  item.abstract = descriptionsOf(contentMeta, /summary|abstract/) || textOf(childNamed(nitfHead, "abstract"));
  if (itemClass === "picture" || itemClass === "graphic") item.pictures.push(pictureItem(root, item, contentMeta));
  if (root.tag === "packageItem") item.body = { kind: "markup", nodes: packageMembers(root, item) };
  return item;
}
