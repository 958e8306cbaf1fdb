"use server";
// Server actions of the agencies & photographers screen: thin wrappers over lib/.
import type { FormState } from "@/components/newsroom/action-form";
import { createAgency, updateAgency } from "@/lib/agencies/commands";
import { updateAgencyWireRules } from "@/lib/agencies/wire-rules";
import { generatePushSecret, revokePushSecret } from "@/lib/agencies/push-secret";
import { createPhotographer, updatePhotographer } from "@/lib/photographers/commands";
import { runFormCommand } from "@/lib/server-action";

export async function createAgencyAction(_state: FormState, form: FormData) {
  return runFormCommand(createAgency, form);
}

export async function updateAgencyAction(_state: FormState, form: FormData) {
  return runFormCommand(updateAgency, form);
}

// Answers with the new secret: the only time it leaves the server.
export async function generatePushSecretAction(_state: FormState, form: FormData) {
  return runFormCommand(generatePushSecret, form);
}

export async function revokePushSecretAction(_state: FormState, form: FormData) {
  return runFormCommand(revokePushSecret, form);
}

export async function createPhotographerAction(_state: FormState, form: FormData) {
  return runFormCommand(createPhotographer, form);
}

export async function updatePhotographerAction(_state: FormState, form: FormData) {
  return runFormCommand(updatePhotographer, form);
}

export async function updateAgencyWireRulesAction(_state: FormState, form: FormData) {
  return runFormCommand(updateAgencyWireRules, form);
}
