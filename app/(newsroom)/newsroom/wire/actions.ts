"use server";
// Server actions of the Wire screen and its reading view: thin wrappers; lib/ checks permission,
// validates and audits.
import type { FormState } from "@/components/newsroom/action-form";
import { formFields, runCommand, runFormCommand } from "@/lib/server-action";
import { applyWireUpdate, createDraftFromWireItem, dismissWireUpdate } from "@/lib/wire/desk";
import { unpublishCanceledStory } from "@/lib/wire/rules";

export async function createDraftAction(_state: FormState, form: FormData) {
  return runCommand(async (actor) => createDraftFromWireItem(actor, formFields(form).wireItemId));
}

// The fields to take arrive as one checkbox per field, all named "fields".
export async function applyWireUpdateAction(_state: FormState, form: FormData) {
  return runCommand(async (actor) =>
    applyWireUpdate(actor, {
      ...formFields(form),
      fields: form
        .getAll("fields")
        .filter((value) => typeof value === "string")
        .join(","),
    }),
  );
}

export async function dismissWireUpdateAction(_state: FormState, form: FormData) {
  return runFormCommand(dismissWireUpdate, form);
}

export async function unpublishCanceledAction(_state: FormState, form: FormData) {
  return runFormCommand(unpublishCanceledStory, form);
}
