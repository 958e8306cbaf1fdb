// POST /api/wire/push/<agency>: an agency pushes one signed wire document (lib/wire/push.ts says
// how to sign it and what each refusal means). 201 with the import result when a draft was
// created, 200 when an item was updated, kept as a pending update, canceled or left unchanged.
// No session is involved: the agency's signature is the permission, the import is made as
// WIRE_IMPORT_AS (lib/wire/actor.ts), whose role must allow creating stories and uploading.
import { errorResponse } from "@/lib/action-result";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { isAppError } from "@/lib/errors";
import { receivePush } from "@/lib/wire/push";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ agency: string }> };

function pushErrorResponse(error: unknown): Response {
  const response = errorResponse(error);
  const status = isAppError(error) ? (error.details as { status?: number } | undefined)?.status : undefined;
  return status ? new Response(response.body, { status, headers: response.headers }) : response;
}

export async function POST(request: Request, { params }: Props): Promise<Response> {
  // Agencies post from their servers, without an Origin; a browser on another site never may.
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  try {
    const { agency } = await params;
    const result = await receivePush(agency, request);
    return Response.json(result, { status: result.outcome === "created" ? 201 : 200, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return pushErrorResponse(error);
  }
}
