"use server";
// Server actions of the sections & tags screen: thin wrappers over lib/.
import type { FormState } from "@/components/newsroom/action-form";
import { createSection, updateSection } from "@/lib/sections/commands";
import { createTag, mergeTags, renameTag } from "@/lib/tags/commands";
import { runFormCommand, withPickedVersion } from "@/lib/server-action";

export async function createSectionAction(_state: FormState, form: FormData) {
  return runFormCommand(createSection, form);
}

export async function updateSectionAction(_state: FormState, form: FormData) {
  return runFormCommand(updateSection, form);
}

export async function createTagAction(_state: FormState, form: FormData) {
  return runFormCommand(createTag, form);
}

export async function renameTagAction(_state: FormState, form: FormData) {
  return runFormCommand(renameTag, form);
}

// The form names the target as "id:version"; afterwards the screen moves to the surviving tag.
export async function mergeTagsAction(_state: FormState, form: FormData) {
  const result = await runFormCommand(mergeTags, withPickedVersion(form, "target"));
  return result.ok ? { ...result, data: { ...result.data, href: `/newsroom/admin/sections/tags/${result.data.targetId}` } } : result;
}
