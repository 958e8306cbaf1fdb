// For newsroom pages and server actions: who is asking, and what the audit log should know.
import { redirect } from "next/navigation";
import { can, type Action } from "../permissions";
import type { WriteContext } from "../concurrency";
import { currentRequestIp, getCurrentUser, type SessionUser } from "./session";

// A staff screen: anonymous visitors go to sign-in; a role that may not use it gets isAllowed false
// (the page then shows why instead of the screen).
export async function requireScreen(action: Action, path: string): Promise<{ user: SessionUser; isAllowed: boolean }> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return { user, isAllowed: can(user, action) };
}

export async function writeContext(): Promise<WriteContext> {
  return { ip: await currentRequestIp() };
}
