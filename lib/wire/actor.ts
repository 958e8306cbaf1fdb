// Who a wire import acts as when no person is at the keyboard (the CLI, the inbox folder and the
// push endpoint): the staff member WIRE_IMPORT_AS names, else the longest-standing active admin.
// Returns a sentence saying why when there is nobody to act as. The sports import (lib/sports/cli.ts)
// asks the same way, naming its own variable.
import "server-only";
import { db } from "../db";
import type { Actor } from "../permissions";

export async function findWireActor(email: string | null | undefined, variable = "WIRE_IMPORT_AS"): Promise<Actor | string> {
  const wanted = email?.trim() || null;
  const user = wanted ? await db.user.findUnique({ where: { email: wanted.toLowerCase() } }) : await db.user.findFirst({ where: { role: "ADMIN", isDisabled: false }, orderBy: { createdAt: "asc" } });
  if (!user) return wanted ? `no staff member has the email ${wanted}` : `there is no active admin to import as; set ${variable} (or pass --as <email>)`;
  if (user.isDisabled) return `${user.email} is disabled`;
  return { id: user.id, role: user.role, name: user.name };
}
