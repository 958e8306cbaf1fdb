"use server";
// Server actions of the user screens: thin wrappers over lib/users/commands.ts.
import type { FormState } from "@/components/newsroom/action-form";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled, updateUser } from "@/lib/users/commands";
import { signOutEverywhere } from "@/lib/auth/user-sessions";
import { runFormCommand } from "@/lib/server-action";

export async function createUserAction(_state: FormState, form: FormData) {
  return runFormCommand(createUser, form);
}

export async function updateUserAction(_state: FormState, form: FormData) {
  return runFormCommand(updateUser, form);
}

export async function changeUserRoleAction(_state: FormState, form: FormData) {
  return runFormCommand(changeUserRole, form);
}

export async function setUserDisabledAction(_state: FormState, form: FormData) {
  return runFormCommand(setUserDisabled, form);
}

export async function resetUserPasswordAction(_state: FormState, form: FormData) {
  return runFormCommand(resetUserPassword, form);
}

export async function signOutEverywhereAction(_state: FormState, form: FormData) {
  return runFormCommand(signOutEverywhere, form);
}
