// ProseMirror schemas built once from the extension lists.
import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { sidebarExtensions, storyExtensions } from "./extensions";

let storySchema: Schema | undefined;
let sidebarSchema: Schema | undefined;

export function getStorySchema(): Schema {
  storySchema ??= getSchema(storyExtensions());
  return storySchema;
}

export function getSidebarSchema(): Schema {
  sidebarSchema ??= getSchema(sidebarExtensions());
  return sidebarSchema;
}
