// The one body of every server action (app/**/actions.ts): who is asking, then one lib/ function
// that checks permission (lib/permissions.ts), validates with zod, writes with its audit entry
// (which reads the request's address itself, see audit/record.ts) and refreshes the pages it
// changed. This wrapper decides nothing: whatever the function throws becomes a result the screen
// can show (runAction: 401/403/404/409/422 with the function's message; a 500 only for a bug).
import { runAction, type ActionResult } from "./action-result";
import { getCurrentUser } from "./auth";
import { AppError } from "./errors";
import type { Actor } from "./permissions";
import { hasUnstorableCharacters } from "./text-input";

type Command<A extends unknown[], T> = (actor: Actor | null, ...args: A) => Promise<T>;

export function runCommand<A extends unknown[], T>(command: Command<A, T>, ...args: A): Promise<ActionResult<T>> {
  return runAction(async () => command(await getCurrentUser(), ...args));
}

// A form bound to a server action: the command gets the form's fields as a plain object.
export function runFormCommand<T>(command: Command<[fields: Record<string, string>], T>, form: FormData): Promise<ActionResult<T>> {
  return runCommand(async (actor) => command(actor, formFields(form)));
}

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

// Plain arguments arrive as whatever a caller posts, not only what the screen sends: anything but
// text is no text (String() of some values throws or recurses without end).
export function textArgument(value: unknown): string {
  return typeof value === "string" ? value : "";
}

// An id holding a character no database stores the same way (a NUL, half an emoji) is no id:
// it finds nothing on SQLite and PostgreSQL alike, instead of an error on PostgreSQL.
export function idArgument(value: unknown): string {
  return typeof value === "string" && !hasUnstorableCharacters(value) ? value : "";
}
