// How routes and server actions answer. lib/ throws AppError; these turn it into a status and a
// message a person can act on. Anything else is a bug: logged, and answered with a plain 500.
import { ZodError } from "zod";
import { AppError, isAppError } from "./errors";
import { databaseUnavailable } from "./database-unavailable";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; status: number; code: string; message: string; details?: unknown };

export function toFailure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (isAppError(error)) return { ok: false, status: error.status, code: error.code, message: error.message, details: error.details };
  if (error instanceof ZodError) {
    const problems = error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`);
    return { ok: false, status: 422, code: "INVALID", message: `Please fix: ${problems.slice(0, 8).join("; ")}`, details: { problems, fields: fieldProblems(error) } };
  }
  const unavailable = databaseUnavailable(error);
  if (unavailable) {
    console.warn(`[pressbox] database unavailable: ${unavailable.message}`, error instanceof Error ? error.message : error);
    return { ok: false, status: unavailable.status, code: unavailable.code, message: unavailable.message };
  }
  console.error("[pressbox] unexpected error", error);
  return { ok: false, status: 500, code: "INTERNAL", message: "Something went wrong on our side. Nothing was saved; please try again." };
}

// The first problem with each named input (a form field's name), so a screen can mark the field.
function fieldProblems(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const [name] = issue.path;
    if (typeof name === "string" && !Object.hasOwn(fields, name)) fields[name] = issue.message;
  }
  return fields;
}

// For server actions: never throws, so the client always gets a result it can show.
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    // Next.js signals redirects and notFound by throwing; those must pass through.
    if (isNextControlFlow(error)) throw error;
    return toFailure(error);
  }
}

// For route handlers: a JSON error response with the mapped status.
export function errorResponse(error: unknown): Response {
  const failure = toFailure(error);
  const headers = failure.status === 503 ? { "Retry-After": "5" } : undefined;
  return Response.json({ error: failure.message, code: failure.code, details: failure.details }, { status: failure.status, headers });
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

export { AppError };
