"use server";
// Server actions of the newsletters and subscribers screens: thin wrappers over lib/.
import type { FormState } from "@/components/newsroom/action-form";
import { createNewsletter, makeMainNewsletter, setNewsletterArchived, updateNewsletter } from "@/lib/newsletters/commands";
import { eraseSubscriber } from "@/lib/newsletters/subscribers-admin/erase";
import { importSubscribers } from "@/lib/newsletters/subscribers-admin/import";
import { runFormCommand } from "@/lib/server-action";

export async function createNewsletterAction(_state: FormState, form: FormData) {
  return runFormCommand(createNewsletter, form);
}

export async function updateNewsletterAction(_state: FormState, form: FormData) {
  return runFormCommand(updateNewsletter, form);
}

export async function setNewsletterArchivedAction(_state: FormState, form: FormData) {
  return runFormCommand(setNewsletterArchived, form);
}

export async function makeMainNewsletterAction(_state: FormState, form: FormData) {
  return runFormCommand(makeMainNewsletter, form);
}

export async function eraseSubscriberAction(_state: FormState, form: FormData) {
  return runFormCommand(eraseSubscriber, form);
}

export async function importSubscribersAction(_state: FormState, form: FormData) {
  return runFormCommand(importSubscribers, form);
}
