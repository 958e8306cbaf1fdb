"use server";
// Server actions of the media library: thin wrappers; lib/ checks permission and validates.
import type { FormState } from "@/components/newsroom/action-form";
import { deleteMedia } from "@/lib/media/delete-media";
import { updateMedia } from "@/lib/media/update-media";
import { runFormCommand } from "@/lib/server-action";

export async function updateMediaAction(_state: FormState, form: FormData) {
  return runFormCommand(updateMedia, form);
}

export async function deleteMediaAction(_state: FormState, form: FormData) {
  return runFormCommand(deleteMedia, form);
}
