// A story body as readers see it: text through the shared extension list, and each story block
// through its reader (story-blocks.tsx), fed from the records the page loaded by id.
import type { ReactNode } from "react";
import type { Node as PmNode } from "@tiptap/pm/model";
import type { BodyRecords } from "@/lib/editor/body-records";
import { getStorySchema } from "@/lib/editor/schema";
import { bodyExtensions, linkMapping, renderBody, toDocument } from "./render-body";
import { STORY_BLOCK_READERS } from "./story-blocks";

export { renderSidebarBody } from "./render-body";

export function renderStoryBody(body: unknown, records: BodyRecords, context: string): ReactNode {
  const nodeMapping = Object.fromEntries(Object.entries(STORY_BLOCK_READERS).map(([name, Reader]) => [name, ({ node }: { node: PmNode }) => <Reader attrs={node.attrs} records={records} context={context} />]));
  return renderBody(toDocument(body, getStorySchema(), context), bodyExtensions().story, { nodeMapping, markMapping: linkMapping });
}
