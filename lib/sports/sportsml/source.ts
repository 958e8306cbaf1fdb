// One reading interface over SportsML's two forms, so a single normaliser serves both: the XML
// (elements and attributes, kebab-case) and the SportsJS JSON (objects, camelCase, lists named in
// the plural: `team` → `teams`, `sub-score` → `subScores`, `sports-property` → `sportsProperties`).
import { childrenNamed, textOf, type MarkupElement } from "../../wire/xml";

export type NamePart = { role: string; part: string; text: string };

export interface SourceNode {
  // Where the node is, as a reader of this form would write it: "sports-event[1]/team[2]" in XML,
  // "sportsEvents[0].teams[1]" in JSON.
  readonly path: string;
  attr(name: string): string | undefined;
  // Where an attribute is, for messages: "…/team-stats@score" or "….teamStats[0].score".
  attrPath(name: string): string;
  children(tag: string): SourceNode[];
  names(): NamePart[];
}

export class XmlNode implements SourceNode {
  constructor(
    private readonly element: MarkupElement,
    readonly path: string,
  ) {}

  attr(name: string): string | undefined {
    const value = this.element.attrs[name];
    return value === undefined ? undefined : value.trim();
  }

  attrPath(name: string): string {
    return `${this.path}@${name}`;
  }

  children(tag: string): SourceNode[] {
    return childrenNamed(this.element, tag).map((child, index) => new XmlNode(child, `${this.path}/${tag}[${index + 1}]`));
  }

  names(): NamePart[] {
    return childrenNamed(this.element, "name").map((name) => ({ role: name.attrs.role ?? "", part: name.attrs.part ?? "", text: textOf(name) }));
  }
}

export type JsonObject = { [key: string]: unknown };

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

const camel = (kebab: string) => kebab.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
const plural = (name: string) => (name.endsWith("s") ? name : name.endsWith("y") ? `${name.slice(0, -1)}ies` : `${name}s`);

// SportsJS writes a name as one key naming its role ({ "full": "Aston Villa" }, { "given": "Viktor" })
// or as { "name": …, "part": … }; both read as XML's role/part/text.
const JSON_NAME_ROLES: Record<string, string> = { full: "nrol:full", given: "nprt:given", family: "nprt:family", first: "nrol:first", last: "nrol:last" };
const JSON_NAME_PARTS: Record<string, string> = { alternate: "nprt:common", nickname: "nprt:nickname", common: "nprt:common" };

function jsonName(value: unknown): NamePart | null {
  if (typeof value === "string") return { role: "", part: "", text: value.trim() };
  if (!isJsonObject(value)) return null;
  if (typeof value.name === "string") return { role: typeof value.role === "string" ? value.role : "", part: typeof value.part === "string" ? value.part : "", text: value.name.trim() };
  for (const [key, text] of Object.entries(value)) {
    if (typeof text !== "string") continue;
    return { role: JSON_NAME_ROLES[key] ?? "", part: JSON_NAME_PARTS[key] ?? "", text: text.trim() };
  }
  return null;
}

export class JsonNode implements SourceNode {
  constructor(
    private readonly value: JsonObject,
    readonly path: string,
  ) {}

  attr(name: string): string | undefined {
    const value = this.value[camel(name)];
    return typeof value === "string" ? value.trim() : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  }

  attrPath(name: string): string {
    return `${this.path}.${camel(name)}`;
  }

  children(tag: string): SourceNode[] {
    const key = [camel(tag), plural(camel(tag))].find((candidate) => candidate in this.value);
    if (key === undefined) return [];
    const value = this.value[key];
    const prefix = this.path ? `${this.path}.` : "";
    if (Array.isArray(value)) return value.flatMap((item, index) => (isJsonObject(item) ? [new JsonNode(item, `${prefix}${key}[${index}]`)] : []));
    return isJsonObject(value) ? [new JsonNode(value, `${prefix}${key}`)] : [];
  }

  names(): NamePart[] {
    const names = this.value.names ?? this.value.name;
    return (Array.isArray(names) ? names : [names]).map(jsonName).filter((name): name is NamePart => name !== null && name.text !== "");
  }
}

export function firstChild(node: SourceNode | undefined, tag: string): SourceNode | undefined {
  return node?.children(tag)[0];
}
