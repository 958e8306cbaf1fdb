// The body of every admin server action: who is asking, the form's fields as a plain object, the
// request's IP for the audit log. The command in lib/ checks permission and validates.
import { AppError, runAction, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { writeContext } from "@/lib/auth/screen";
import type { WriteContext } from "@/lib/concurrency";
import type { Actor } from "@/lib/permissions";

type Command<T> = (actor: Actor | null, input: unknown, context: WriteContext) => Promise<T>;

export function formFields(form: FormData): Record<string, string> {
  // A caller posting to the action directly can send any value, not just the form.
  if (!(form instanceof FormData)) throw new AppError("INVALID", "Send the form's fields as form data.");
  const fields: Record<string, string> = {};
  for (const [key, value] of form) {
    // React adds $ACTION_* fields to forms bound to server actions.
    if (typeof value === "string" && !key.startsWith("$ACTION")) fields[key] = value;
  }
  return fields;
}

export function runFormCommand<T>(command: Command<T>, form: FormData): Promise<ActionResult<T>> {
  return runAction(async () => command(await getCurrentUser(), formFields(form), await writeContext()));
}

// A record picked from a list whose option values are "id:version" (merges name the version of
// both records they change): `field` becomes `${field}Id` and `${field}Version`.
export function withPickedVersion(form: FormData, field: string): FormData {
  if (!(form instanceof FormData)) return form;
  const copy = new FormData();
  for (const [key, value] of form) copy.append(key, value);
  const [id = "", version = ""] = String(form.get(field) ?? "").split(":");
  copy.delete(field);
  copy.set(`${field}Id`, id);
  copy.set(`${field}Version`, version);
  return copy;
}
