// Renders stored bodies on the server with @tiptap/static-renderer and the same extension list
// the editor uses (lib/editor/extensions.ts). A body that no longer matches the schema is pruned
// first, so the page shows everything else instead of failing.
import { Fragment, createElement, type ReactNode } from "react";
import { Node as PmNode, type Mark as PmMark, type Schema } from "@tiptap/pm/model";
import { domOutputSpecToReactElement, renderToElement } from "@tiptap/static-renderer/pm/react";
import { renderJSONContentToReactElement, type TiptapStaticRendererOptions } from "@tiptap/static-renderer/json/react";
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

// The node and mark renderers the static renderer calls, as renderToReactElement sets them up.
type RendererOptions = TiptapStaticRendererOptions<ReactNode, PmMark, PmNode>;
type Mappings = Pick<RendererOptions, "nodeMapping" | "markMapping">;

// The extensions' own node and mark renderers, worked out once per extension list.
// renderToReactElement works them out on every call: it resolves the list again (the starter kit
// builds its extensions anew each time) and collects every attribute, which was most of the time
// a body took to render (measured on the bench stories: 2.8 ms of CPU per body before, 1.2 ms
// after). The renderer given to renderToElement here only keeps the mappings; renderBody then does
// what renderToReactElement does with them, so the output is the same element for element.
const mappingCache = new WeakMap<Extensions, Mappings>();
function extensionMappings(extensions: Extensions): Mappings {
  const known = mappingCache.get(extensions);
  if (known) return known;
  let mappings: Mappings = { nodeMapping: {}, markMapping: {} };
  renderToElement<ReactNode>({
    renderer: ({ nodeMapping, markMapping }) => {
      mappings = { nodeMapping, markMapping };
      return () => null;
    },
    domOutputSpecToElement: domOutputSpecToReactElement,
    // As renderToReactElement maps the two types no extension renders.
    mapDefinedTypes: {
      doc: ({ children }) => createElement(Fragment, {}, children),
      text: ({ node }) => node.text ?? "",
    },
    content: { type: "doc", content: [] },
    extensions,
  });
  mappingCache.set(extensions, mappings);
  return mappings;
}

// renderToReactElement with the extensions' renderers worked out once: `custom` renderers replace
// the extensions' own for the names they give, as there.
export function renderBody(content: PmNode, extensions: Extensions, custom: Partial<Mappings>): ReactNode {
  const own = extensionMappings(extensions);
  return renderJSONContentToReactElement<PmMark, PmNode>({
    nodeMapping: { ...own.nodeMapping, ...custom.nodeMapping },
    markMapping: { ...own.markMapping, ...custom.markMapping },
  })({ content });
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
  return renderBody(toDocument(body, getSidebarSchema(), context), bodyExtensions().sidebar, { markMapping: linkMapping });
}
