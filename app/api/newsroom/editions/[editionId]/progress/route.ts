// GET /api/newsroom/editions/<editionId>/progress: how an edition's sending stands, for the send
// panel's refresh: { status, version, scheduledFor, sentAt, emailConfigured, counts: { total,
// queued, sending, sent, failed, bounced, skipped, interrupted } }. Editors and admins (lib checks
// it); a malformed id is 422, an unknown one 404, another site's request 403.
import { errorResponse } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { editionProgress } from "@/lib/newsletters/sending/progress";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ editionId: string }> };

export async function GET(request: Request, { params }: Props): Promise<Response> {
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  try {
    const { editionId } = await params;
    const progress = await editionProgress(await getCurrentUser(), { editionId });
    return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
