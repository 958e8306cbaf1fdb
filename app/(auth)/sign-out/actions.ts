"use server";
// "Sign out everywhere": ends every session of the signed-in person on the server (other
// browsers included); the button then signs this browser out as usual.
import { runAction } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { writeContext } from "@/lib/auth/screen";
import { signOutEverywhere } from "@/lib/auth/user-sessions";

export async function signOutEverywhereAction() {
  return runAction(async () => {
    const user = await getCurrentUser();
    return signOutEverywhere(user, { userId: user?.id ?? "" }, await writeContext());
  });
}
