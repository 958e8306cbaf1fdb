// The one walk over a story or sidebar body. Visitors see every node (even malformed ones, so the
// validator can name them) with its path ("doc.content[2]") and depth; a visitor that returns
// false from enter keeps the walk out of that node's content.
import type { BodyNode } from "./types";

export type BodyVisitor = {
  enter: (node: BodyNode, path: string, depth: number) => boolean | void;
  leave?: (node: BodyNode) => void;
};

export function walkBody(root: unknown, ...visitors: BodyVisitor[]): void {
  const visit = (node: BodyNode, path: string, depth: number): void => {
    let descend = true;
    for (const visitor of visitors) if (visitor.enter(node, path, depth) === false) descend = false;
    if (descend && node && Array.isArray(node.content)) {
      node.content.forEach((child, index) => visit(child, `${path}.content[${index}]`, depth + 1));
    }
    for (const visitor of visitors) visitor.leave?.(node);
  };
  visit(root as BodyNode, "doc", 0);
}
