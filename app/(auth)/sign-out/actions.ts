"use server";
// "Sign out everywhere": ends every session of the signed-in person on the server (other
// browsers included); the button then signs this browser out as usual.
import { signOutEverywhere } from "@/lib/auth/user-sessions";
import { runCommand } from "@/lib/server-action";

export async function signOutEverywhereAction() {
  return runCommand((actor) => signOutEverywhere(actor, { userId: actor?.id ?? "" }));
}
