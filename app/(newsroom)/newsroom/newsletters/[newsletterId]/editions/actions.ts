"use server";
// Server actions of the edition screens: thin wrappers over lib/newsletters/editions/.
import type { FormState } from "@/components/newsroom/action-form";
import { assembleNextEdition } from "@/lib/newsletters/editions/assemble";
import { addEditionStory, cancelEdition, moveEditionItem, removeEditionItem, updateEditionText } from "@/lib/newsletters/editions/commands";
import { runCommand, runFormCommand } from "@/lib/server-action";

export async function assembleEditionAction(_state: FormState, form: FormData) {
  const settled = await runFormCommand(assembleNextEdition, form);
  // Only read once it succeeded: a caller may have sent something that is not a form at all.
  if (!settled.ok) return settled;
  const newsletterId = String(form.get("newsletterId") ?? "");
  return { ...settled, data: { ...settled.data, href: `/newsroom/newsletters/${encodeURIComponent(newsletterId)}/editions/${settled.data.id}` } };
}

export async function updateEditionTextAction(_state: FormState, form: FormData) {
  return runFormCommand(updateEditionText, form);
}

export async function addEditionStoryAction(_state: FormState, form: FormData) {
  return runFormCommand(addEditionStory, form);
}

export async function cancelEditionAction(_state: FormState, form: FormData) {
  return runFormCommand(cancelEdition, form);
}

// The story list's buttons (not forms): { editionId, version, articleId, direction? }.
export async function moveEditionItemAction(input: unknown) {
  return runCommand(moveEditionItem, input);
}

export async function removeEditionItemAction(input: unknown) {
  return runCommand(removeEditionItem, input);
}
