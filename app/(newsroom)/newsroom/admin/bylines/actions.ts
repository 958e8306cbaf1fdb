"use server";
// Server actions of the byline screens: thin wrappers over lib/bylines/commands.ts.
import type { FormState } from "@/components/newsroom/action-form";
import { createBylineProfile, mergeBylineProfiles, updateBylineProfile } from "@/lib/bylines/commands";
import { runFormCommand, withPickedVersion } from "@/lib/server-action";

export async function createBylineAction(_state: FormState, form: FormData) {
  const result = await runFormCommand(createBylineProfile, form);
  return result.ok ? { ...result, data: { ...result.data, href: `/newsroom/admin/bylines/${result.data.id}` } } : result;
}

export async function updateBylineAction(_state: FormState, form: FormData) {
  return runFormCommand(updateBylineProfile, form);
}

// The form names the target as "id:version" (see withPickedVersion).
export async function mergeBylinesAction(_state: FormState, form: FormData) {
  return runFormCommand(mergeBylineProfiles, withPickedVersion(form, "target"));
}
