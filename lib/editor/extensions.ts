// THE extension list. The editor, server-side validation and the renderer all use this list,
// so what an editor can make is exactly what the server accepts and the reader sees.
import StarterKit from "@tiptap/starter-kit";
import type { Extensions } from "@tiptap/core";
import { isSafeHref } from "./safe-url";
import { BLOCKS } from "./blocks";

const HEADING_LEVELS = [2, 3, 4] as const;

function baseKit() {
  return StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    blockquote: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["mailto"],
      defaultProtocol: "https",
      isAllowedUri: (url) => isSafeHref(url),
      HTMLAttributes: { rel: "noopener noreferrer", target: null },
    },
  });
}

// Body of a story: text plus the story blocks.
export function storyExtensions(): Extensions {
  return [baseKit(), ...BLOCKS.map((block) => block.node)];
}

// Body of a sidebar: text only (no nested photos, quotes or sidebars).
export function sidebarExtensions(): Extensions {
  return [baseKit()];
}
