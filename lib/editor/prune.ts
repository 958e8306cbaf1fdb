// Makes a stored body safe to render even if it no longer matches the schema (an extension was
// removed, a record was hand-edited): unknown nodes and marks and unsafe links are dropped and
// reported, so the page renders everything else instead of failing.
import type { Schema } from "@tiptap/pm/model";
import { isSafeHref } from "./safe-url";
import type { BodyMark, BodyNode } from "./types";

type PruneResult = { doc: BodyNode; problems: string[] };

function pruneMarks(marks: BodyMark[] | undefined, schema: Schema, problems: string[]): BodyMark[] | undefined {
  if (!marks) return undefined;
  return marks.filter((mark) => {
    if (!mark || typeof mark.type !== "string" || !Object.hasOwn(schema.marks, mark.type)) {
      problems.push(`dropped unknown mark "${String(mark?.type)}"`);
      return false;
    }
    if (mark.type === "link" && !isSafeHref(mark.attrs?.href)) {
      problems.push("dropped a link with an unsafe target");
      return false;
    }
    return true;
  });
}

function pruneNode(node: BodyNode, schema: Schema, problems: string[]): BodyNode | null {
  if (!node || typeof node !== "object" || typeof node.type !== "string" || !Object.hasOwn(schema.nodes, node.type)) {
    problems.push(`dropped unknown node "${String(node?.type)}"`);
    return null;
  }
  if (node.type === "text" && (typeof node.text !== "string" || node.text === "")) return null;
  const content = Array.isArray(node.content) ? node.content.map((child) => pruneNode(child, schema, problems)).filter((child): child is BodyNode => child !== null) : undefined;
  return { ...node, marks: pruneMarks(node.marks, schema, problems), content };
}

export function pruneBody(body: unknown, schema: Schema): PruneResult {
  const problems: string[] = [];
  const doc = pruneNode(body as BodyNode, schema, problems);
  if (!doc || doc.type !== "doc") return { doc: { type: "doc", content: [] }, problems: [...problems, "body is not a document"] };
  return { doc, problems };
}
