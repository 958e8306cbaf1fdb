// Renders stored bodies on the server with @tiptap/static-renderer and the same extension list
// the editor uses (lib/editor/extensions.ts). A body that no longer matches the schema is pruned
// first, so the page shows everything else instead of failing.
import type { ReactNode } from "react";
import { Node as PmNode, type Schema } from "@tiptap/pm/model";
import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import type { Extensions } from "@tiptap/core";
import { sidebarExtensions, storyExtensions } from "@/lib/editor/extensions";
import { getSidebarSchema } from "@/lib/editor/schema";
import { pruneBody } from "@/lib/editor/prune";
import { isSafeHref } from "@/lib/editor/safe-url";

type Attrs = Record<string, unknown>;

let extensionCache: { story: Extensions; sidebar: Extensions } | undefined;
export function bodyExtensions() {
  extensionCache ??= { story: storyExtensions(), sidebar: sidebarExtensions() };
  return extensionCache;
}

export function toDocument(body: unknown, schema: Schema, context: string): PmNode {
  const { doc, problems } = pruneBody(body, schema);
  if (problems.length) console.warn(`[render] ${context}: ${problems.join("; ")}`);
  try {
    return PmNode.fromJSON(schema, doc);
  } catch (error) {
    console.warn(`[render] ${context}: body could not be read (${(error as Error).message})`);
    return PmNode.fromJSON(schema, { type: "doc", content: [] });
  }
}

export const linkMapping = {
  link: ({ mark, children }: { mark: { attrs: Attrs }; children?: ReactNode }) => {
    const href = mark.attrs.href;
    if (!isSafeHref(href)) return <>{children}</>;
    const isExternal = /^https?:/i.test(href);
    return (
      <a href={href} rel={isExternal ? "noopener noreferrer" : undefined}>
        {children}
      </a>
    );
  },
};

export function renderSidebarBody(body: unknown, context: string): ReactNode {
  return renderToReactElement({
    content: toDocument(body, getSidebarSchema(), context),
    extensions: bodyExtensions().sidebar,
    options: { markMapping: linkMapping },
  });
}
