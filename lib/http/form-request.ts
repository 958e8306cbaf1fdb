// The small bodies readers' forms send (newsletter sign-up, unsubscribe, preferences), read with a
// size cap and a content-type check before anything looks at them: an HTML form's
// application/x-www-form-urlencoded (or multipart/form-data, which RFC 8058 allows for
// one-click unsubscribes), or JSON from a script. Anything else is an answer, not an exception.
import "server-only";
import { readCapped } from "./read-capped";

export type FormFields = Record<string, string | string[]>;
export type FormBody = { kind: "form" | "json"; fields: FormFields };
export type FormRefusal = { status: 400 | 413 | 415; message: string };

const TOO_LARGE = "too large";

function fieldsOf(entries: Iterable<[string, FormDataEntryValue]>): FormFields {
  const fields: FormFields = {};
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue;
    const seen = fields[key];
    fields[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

function jsonFields(value: unknown): FormFields | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const fields: FormFields = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === "string") fields[key] = entry;
    else if (Array.isArray(entry) && entry.every((item) => typeof item === "string")) fields[key] = entry;
  }
  return fields;
}

export async function readFormRequest(request: Request, maxBytes: number, accept: { json: boolean; multipart: boolean }): Promise<FormBody | FormRefusal> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const isForm = type === "application/x-www-form-urlencoded";
  const isMultipart = accept.multipart && type === "multipart/form-data";
  const isJson = accept.json && type === "application/json";
  if (!isForm && !isMultipart && !isJson) return { status: 415, message: `Send the form as application/x-www-form-urlencoded${accept.json ? " or application/json" : ""}.` };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { status: 413, message: "That form is far larger than any real one." };
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = request.body ? await readCapped(request.body, maxBytes, () => new Error(TOO_LARGE)) : new Uint8Array();
  } catch (error) {
    if ((error as Error).message === TOO_LARGE) return { status: 413, message: "That form is far larger than any real one." };
    return { status: 400, message: "The form did not arrive whole. Please try again." };
  }
  const text = new TextDecoder().decode(bytes);
  if (isForm) return { kind: "form", fields: fieldsOf(new URLSearchParams(text)) };
  if (isMultipart) {
    try {
      const form = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
      return { kind: "form", fields: fieldsOf(form) };
    } catch {
      return { status: 400, message: "The form could not be read." };
    }
  }
  try {
    const fields = jsonFields(JSON.parse(text));
    return fields ? { kind: "json", fields } : { status: 400, message: "Send a JSON object of text fields." };
  } catch {
    return { status: 400, message: "The request body is not valid JSON." };
  }
}

export function isRefusal(body: FormBody | FormRefusal): body is FormRefusal {
  return "status" in body;
}

// One text field (the first, if sent more than once).
export function field(fields: FormFields, name: string): string | undefined {
  const value = fields[name];
  return Array.isArray(value) ? value[0] : value;
}
