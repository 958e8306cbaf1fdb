// A post or video from an allowed oEmbed provider (lib/embeds/providers.ts). The node holds the
// URL and the id of its snapshot record (EmbedSnapshot), made by the editor like a quote's id; the
// save takes the snapshot the first time it sees the id (lib/embeds/snapshot.ts). Readers see the
// snapshot, or a link card when the provider could not be reached; nothing for the gate to ask.
import { embedUrlProblem, isWebUrl } from "../../../embeds/providers";
import type { BodyNode } from "../../types";
import type { PublishProblem } from "../../../articles/publish/publish-problems";
import { atomNode, defineBlock, needsRecordId, noSearchText, textAttr, type BlockAttrs, type GateInput } from "../block";

const node = atomNode("embed", "div", { embedId: "embed-id" }).extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      url: {
        default: "",
        parseHTML: (element: HTMLElement) => {
          const value = element.getAttribute("data-url");
          return isWebUrl(value) ? value : "";
        },
        renderHTML: (attributes: Record<string, unknown>) => (isWebUrl(attributes.url) ? { "data-url": attributes.url } : {}),
      },
    };
  },
});

// A draft may hold an embed whose address is not entered yet (no snapshot either); publishing
// refuses it.
const isUnfilled = (attrs: BlockAttrs | undefined) => !attrs?.url && attrs?.embedId == null;

function validate(attrs: BlockAttrs): string[] {
  if (isUnfilled(attrs)) return [];
  const problem = embedUrlProblem(attrs.url);
  return [...needsRecordId("embed", attrs, "embedId"), ...(problem ? [problem] : [])];
}

function gate({ nodes }: GateInput): PublishProblem[] {
  return nodes.some((node) => isUnfilled(node.attrs)) ? [{ message: "An embed has no address.", target: { kind: "block", type: "embed", attr: "embedId", value: null } }] : [];
}

export type EmbedRef = { embedId: string; url: string };

// The body's embeds, each snapshot id once, in body order.
export function embedsOf(nodes: readonly BodyNode[]): EmbedRef[] {
  const seen = new Map<string, EmbedRef>();
  for (const { type, attrs } of nodes) {
    if (type === "embed" && typeof attrs?.embedId === "string" && typeof attrs.url === "string" && !seen.has(attrs.embedId)) seen.set(attrs.embedId, { embedId: attrs.embedId, url: attrs.url });
  }
  return [...seen.values()];
}

export const embed = defineBlock({
  name: "embed",
  node,
  references: [{ attr: "embedId", records: "embedIds" }],
  validate,
  searchText: noSearchText,
  describe: (attrs) => `Embed: ${textAttr(attrs, "url") || "(no address yet)"}`,
  gate,
});
