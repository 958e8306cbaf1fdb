// Which named inputs (form fields) a refused action's problems belong to, so a form can mark them.
// Pure: the client's forms read it as well as the server.

// The problems a failure ties to named inputs: a zod refusal's fields, or an AppError naming
// one (`details.field`, e.g. a slug already in use), with its message.
export function fieldErrorsOf(failure: { message: string; details?: unknown }): Record<string, string> {
  const details = failure.details as { fields?: unknown; field?: unknown } | null | undefined;
  if (details && typeof details.fields === "object" && details.fields) return details.fields as Record<string, string>;
  if (details && typeof details.field === "string") return { [details.field]: failure.message };
  return {};
}
