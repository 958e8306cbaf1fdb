// Server-side validation of a story or sidebar body against the editor's own schema.
// Refuses (with every problem named) unknown nodes and marks, unknown or malformed attributes,
// unsafe link targets, broken structure and oversized documents.
import { Node as PmNode, type Schema } from "@tiptap/pm/model";
import { z } from "zod";
import { AppError } from "../errors";
import { isNestedDeeperThan } from "../input-depth";
import { getSidebarSchema, getStorySchema } from "./schema";
import { blockOf } from "./blocks";
import { isSafeHref } from "./safe-url";
import { hasUnstorableCharacters, UNSTORABLE_MESSAGE } from "../text-input";
import { factsReader, type BodyFacts } from "./references";
import { walkBody, type BodyVisitor } from "./walk";
import type { BodyDoc, BodyNode } from "./types";

export const BODY_LIMITS = { maxBytes: 512 * 1024, maxNodes: 20_000, maxDepth: 24 } as const;

// A body as it arrives in a request (a story's, a sidebar's): refused, without recursion, when it
// nests far deeper than the walk below accepts, before anything recursive (JSON.stringify, this
// walk, ProseMirror) sees it. Two JSON levels per node, and room for marks and attributes: a body
// a little deeper than maxDepth still reaches the walk and gets its message naming where.
const MAX_BODY_JSON_DEPTH = 2 * BODY_LIMITS.maxDepth + 16;
export const BodyInput = z.unknown().refine((value) => !isNestedDeeperThan(value, MAX_BODY_JSON_DEPTH), {
  message: `is nested too deeply: lists and blocks may nest at most ${BODY_LIMITS.maxDepth} levels`,
});

type BodyKind = "story" | "sidebar";

type Walk = { schema: Schema; problems: string[]; nodes: number };

// Known attribute names with plain values; then whatever the node's block module checks.
function checkAttributes(node: BodyNode, path: string, walk: Walk, known: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(node.attrs ?? {})) {
    if (!Object.hasOwn(known, name)) walk.problems.push(`${path}: "${node.type}" has no attribute "${name}"`);
    else if (value !== null && typeof value === "object") walk.problems.push(`${path}: attribute "${name}" must be a plain value`);
  }
  for (const problem of blockOf(node)?.validate(node.attrs ?? {}) ?? []) walk.problems.push(`${path}: ${problem}`);
}

function checkMarks(node: BodyNode, path: string, walk: Walk): void {
  if (node.marks === undefined) return;
  if (!Array.isArray(node.marks)) {
    walk.problems.push(`${path}: marks must be a list`);
    return;
  }
  for (const mark of node.marks) {
    const markType = typeof mark?.type === "string" && Object.hasOwn(walk.schema.marks, mark.type) ? walk.schema.marks[mark.type] : undefined;
    if (!markType) {
      walk.problems.push(`${path}: unknown mark "${String(mark?.type)}"`);
      continue;
    }
    for (const [name, value] of Object.entries(mark.attrs ?? {})) {
      if (!Object.hasOwn(markType.spec.attrs ?? {}, name)) walk.problems.push(`${path}: mark "${mark.type}" has no attribute "${name}"`);
      else if (value !== null && typeof value === "object") walk.problems.push(`${path}: mark attribute "${name}" must be a plain value`);
    }
    if (mark.type === "link" && !isSafeHref(mark.attrs?.href)) {
      walk.problems.push(`${path}: link target ${JSON.stringify(String(mark.attrs?.href ?? "")).slice(0, 80)} is not allowed (use http, https, mailto or a /relative path)`);
    }
  }
}

function validator(walk: Walk): BodyVisitor {
  return {
    enter(node, path, depth) {
      walk.nodes += 1;
      if (walk.nodes > BODY_LIMITS.maxNodes) return false;
      if (depth > BODY_LIMITS.maxDepth) {
        walk.problems.push(`${path}: nested deeper than ${BODY_LIMITS.maxDepth} levels`);
        return false;
      }
      if (!node || typeof node !== "object" || typeof node.type !== "string") {
        walk.problems.push(`${path}: not a node`);
        return false;
      }
      const nodeType = Object.hasOwn(walk.schema.nodes, node.type) ? walk.schema.nodes[node.type] : undefined;
      if (!nodeType) {
        walk.problems.push(`${path}: unknown node "${node.type}"`);
        return false;
      }
      if (node.type === "text" && (typeof node.text !== "string" || node.text.length === 0)) {
        walk.problems.push(`${path}: text node without text`);
      } else if (node.type === "text" && hasUnstorableCharacters(node.text as string)) {
        walk.problems.push(`${path}: the text ${UNSTORABLE_MESSAGE}`);
      }
      checkAttributes(node, path, walk, nodeType.spec.attrs ?? {});
      checkMarks(node, path, walk);
      if (node.content !== undefined && !Array.isArray(node.content)) walk.problems.push(`${path}: content must be a list`);
    },
  };
}

function checkStructure(json: BodyNode, schema: Schema, problems: string[]): void {
  try {
    const doc = PmNode.fromJSON(schema, json);
    doc.check();
    doc.descendants((node) => {
      if (node.type.name === "heading" && ![2, 3, 4].includes(node.attrs.level)) {
        problems.push(`heading level ${String(node.attrs.level)} is not allowed (use 2, 3 or 4)`);
      }
    });
  } catch (error) {
    problems.push(`structure: ${(error as Error).message}`);
  }
}

// Every problem with the body, found in one walk; `also` visitors (a facts reader) share the walk.
function inspectBody(json: unknown, kind: BodyKind, ...also: BodyVisitor[]): string[] {
  const schema = kind === "story" ? getStorySchema() : getSidebarSchema();
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(json) ?? "", "utf8");
  } catch {
    return ["body is not JSON"];
  }
  if (size > BODY_LIMITS.maxBytes) return [`body is ${Math.round(size / 1024)} KB; the limit is ${BODY_LIMITS.maxBytes / 1024} KB`];
  if (!json || typeof json !== "object" || (json as BodyNode).type !== "doc") return ['body must be a document (type "doc")'];
  const walk: Walk = { schema, problems: [], nodes: 0 };
  walkBody(json, validator(walk), ...also);
  if (walk.nodes > BODY_LIMITS.maxNodes) return [`body has more than ${BODY_LIMITS.maxNodes} nodes`];
  if (walk.problems.length === 0) checkStructure(json as BodyNode, schema, walk.problems);
  return walk.problems;
}

export function findBodyProblems(json: unknown, kind: BodyKind = "story"): string[] {
  return inspectBody(json, kind);
}

function refuse(kind: BodyKind, problems: string[]): AppError {
  return new AppError("INVALID", `The ${kind} body is not valid: ${problems.slice(0, 10).join("; ")}`, { problems });
}

// Returns the body as a typed document, or throws INVALID naming every problem found.
export function parseBody(json: unknown, kind: BodyKind = "story"): BodyDoc {
  const problems = inspectBody(json, kind);
  if (problems.length > 0) throw refuse(kind, problems);
  return json as BodyDoc;
}

export type ParsedBody = { doc: BodyDoc; facts: BodyFacts };

// parseBody for the save path: the same walk also reads what the body refers to and its text.
export function parseStoryBody(json: unknown): ParsedBody {
  const reader = factsReader();
  const problems = inspectBody(json, "story", reader.visitor);
  if (problems.length > 0) throw refuse("story", problems);
  return { doc: json as BodyDoc, facts: reader.facts() };
}
