// ninjs documents are checked against IPTC's own JSON Schemas (lib/wire/schemas, MIT/CC BY 4.0,
// from iptc/newsinjson). 1.6 is written in draft-07 (ajv's default class), 2.2 and 3.1 in draft
// 2020-12 (Ajv2020). The schemas forbid unknown properties; an agency's extra fields are not a
// reason to refuse its copy, so they are listed as skipped, removed, and the rest is checked again.
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import schema1 from "./schemas/ninjs-schema_1.6.json";
import schema2 from "./schemas/ninjs-schema_2.2.json";
import schema3 from "./schemas/ninjs-schema_3.1.json";
import { wireRefusal } from "./types";

export type NinjsMajor = 1 | 2 | 3;

const validators = new Map<NinjsMajor, ValidateFunction>();

// 2.x and 3.x point a place's geometry at the GeoJSON schema on geojson.org. Nothing is fetched:
// a stand-in accepts any object there (Pressbox does not read geometry).
const GEOJSON_STAND_IN = { $id: "https://geojson.org/schema/GeoJSON.json", type: "object" };

function validatorFor(major: NinjsMajor): ValidateFunction {
  const known = validators.get(major);
  if (known) return known;
  const options = { allErrors: true, strict: false };
  const ajv = major === 1 ? new Ajv(options) : new Ajv2020(options);
  addFormats(ajv);
  if (major !== 1) ajv.addSchema(GEOJSON_STAND_IN);
  const compiled = ajv.compile(major === 1 ? schema1 : major === 2 ? schema2 : schema3);
  validators.set(major, compiled);
  return compiled;
}

function unknownProperty(error: ErrorObject): string | null {
  if (error.keyword === "additionalProperties") return String(error.params.additionalProperty);
  if (error.keyword === "unevaluatedProperties") return String(error.params.unevaluatedProperty);
  return null;
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

// "/associations/0/renditions" + "foo" → "associations[0].renditions.foo"
export function readablePath(pointer: string, property?: string): string {
  const segments = [...pointerSegments(pointer), ...(property === undefined ? [] : [property])];
  const path = segments.map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : `${index ? "." : ""}${segment}`)).join("");
  return path || "the document";
}

function removeAt(document: unknown, pointer: string, property: string): void {
  let target = document as Record<string, unknown> | undefined;
  for (const segment of pointerSegments(pointer)) target = target?.[segment] as Record<string, unknown> | undefined;
  if (target && typeof target === "object") delete target[property];
}

function describe(error: ErrorObject): string {
  return `${readablePath(error.instancePath)} ${error.message ?? "is not valid"}${error.keyword === "enum" ? ` (${(error.params.allowedValues as unknown[]).join(", ")})` : ""}`;
}

// Returns the document without the properties the schema does not know, and their paths; throws a
// refusal naming every other problem.
export function checkNinjs(document: unknown, major: NinjsMajor): { document: Record<string, unknown>; skipped: string[] } {
  const validate = validatorFor(major);
  const copy = structuredClone(document) as Record<string, unknown>;
  const skipped: string[] = [];
  for (let round = 0; round < 4; round++) {
    if (validate(copy)) return { document: copy, skipped };
    const errors = validate.errors ?? [];
    const unknown = errors.filter((error) => unknownProperty(error) !== null);
    if (unknown.length === 0) break;
    for (const error of unknown) {
      const property = unknownProperty(error)!;
      skipped.push(readablePath(error.instancePath, property));
      removeAt(copy, error.instancePath, property);
    }
  }
  const problems = (validate.errors ?? []).filter((error) => unknownProperty(error) === null).map(describe);
  const first = (validate.errors ?? [])[0];
  if (problems.length === 0 && first) problems.push(describe(first));
  throw wireRefusal(`ninjs ${major}.x:`, `does not match the IPTC schema: ${[...new Set(problems)].slice(0, 8).join("; ")}`, problems);
}
