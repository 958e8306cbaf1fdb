// What the tag screen may send. A tag's address is always made from its name: the story editor
// finds or creates tags by that slug, so a tag whose slug drifted from its name would be duplicated.
import { z } from "zod";
import { textInput } from "../text-input";
import { RecordId, Version } from "../users/schema";

const TagName = textInput().min(1, "is required").max(60, "is too long (60 characters at most)");

export const CreateTagInput = z.object({ name: TagName });
export const RenameTagInput = z.object({ id: RecordId, version: Version, name: TagName });
export const MergeTagsInput = z
  .object({ sourceId: RecordId, sourceVersion: Version, targetId: RecordId, targetVersion: Version })
  .refine((value) => value.sourceId !== value.targetId, { message: "pick a different tag to merge into", path: ["targetId"] });
