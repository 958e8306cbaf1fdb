// GET /api/newsroom/sports/records: the story editor's picker for the sports blocks.
//   ?kind=event|standings|medalTable|season&q=<text>  up to 20 matching records, newest first
//   ?kind=…&id=<id>                                    one record (404 when there is none)
// Each record is { id, label, detail }. 400 for a query that is not one of those (unknown kind,
// a search over 100 characters, a malformed id), 401/403 for a caller who may not write a story,
// 403 from another site. Never cached: the labels follow corrections at once.
import { errorResponse } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { isAppError } from "@/lib/errors";
import { pickSportsRecords } from "@/lib/sports/picker";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

// A malformed query string is the request's fault as sent (400), not a refused record (422).
function pickerErrorResponse(error: unknown): Response {
  const response = errorResponse(error);
  const isBadQuery = isAppError(error) && (error.details as { reason?: unknown } | undefined)?.reason === "query";
  return new Response(response.body, { status: isBadQuery ? 400 : response.status, headers: { ...Object.fromEntries(response.headers), ...NO_STORE } });
}

export async function GET(request: Request): Promise<Response> {
  // Same-site fetches from the editor carry no Origin; one naming another site is refused.
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  try {
    const actor = await getCurrentUser();
    const answer = await pickSportsRecords(actor, new URL(request.url).searchParams);
    return Response.json(answer, { headers: NO_STORE });
  } catch (error) {
    return pickerErrorResponse(error);
  }
}
