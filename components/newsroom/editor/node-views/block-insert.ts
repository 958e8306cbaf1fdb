import type { JSONContent } from "@tiptap/core";
import type { RecordsApi } from "../editor-records";

// What a toolbar button inserts for a block: the node (after creating any records it points at),
// or null when the editor cancelled (e.g. closed the photo picker).
export type BlockInsert = (api: RecordsApi) => JSONContent | null | Promise<JSONContent | null>;
