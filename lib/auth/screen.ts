// For newsroom pages: who is asking, and whether their role may use the screen.
import { redirect } from "next/navigation";
import { can, type Action } from "../permissions";
import { getCurrentUser, type SessionUser } from "./session";

// A staff screen: anonymous visitors go to sign-in; a role that may not use it gets isAllowed false
// (the page then shows why instead of the screen).
export async function requireScreen(action: Action, path: string): Promise<{ user: SessionUser; isAllowed: boolean }> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return { user, isAllowed: can(user, action) };
}
