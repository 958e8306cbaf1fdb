"use server";
// Server actions of the sports event screens (events/new, events/[id] and its "Paste results"):
// thin wrappers; lib/sports/desk checks permission, validates, writes in one transaction and audits.
import type { FormState } from "@/components/newsroom/action-form";
import { assertCan } from "@/lib/permissions";
import { formFields, runCommand } from "@/lib/server-action";
import { createEvent, updateEvent } from "@/lib/sports/desk/events";
import { eventInputFromForm, withFormFields } from "@/lib/sports/desk/events-form";
import { applyPaste, previewPaste } from "@/lib/sports/desk/paste";

export async function createEventAction(_state: FormState, form: FormData) {
  return runCommand(async (actor) => {
    assertCan(actor, "sports.edit");
    return withFormFields(() => createEvent(actor, eventInputFromForm(formFields(form))));
  });
}

export async function updateEventAction(_state: FormState, form: FormData) {
  return runCommand(async (actor) => {
    assertCan(actor, "sports.edit");
    return withFormFields(() => updateEvent(actor, eventInputFromForm(formFields(form))));
  });
}

export async function previewPasteAction(_state: FormState, form: FormData) {
  return runCommand(async (actor) => {
    const { eventId, kind, text } = formFields(form);
    return previewPaste(actor, { eventId, kind, text });
  });
}

export async function applyPasteAction(_state: FormState, form: FormData) {
  return runCommand(async (actor) => {
    const { eventId, kind, text, version } = formFields(form);
    const expectedVersion = /^\d{1,10}$/.test(version ?? "") ? Number(version) : NaN;
    return applyPaste(actor, { eventId, kind, text, expectedVersion });
  });
}
