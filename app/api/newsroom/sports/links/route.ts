// GET /api/newsroom/sports/links?kind=team|athlete|event&q=villa: the story editor's Teams,
// Athletes and Events pickers, as [{ id, label }] (at most 20). Staff only (lib checks the
// permission); a bad kind or query is 422, another site's request 403, nothing is ever written.
import { errorResponse } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { searchSportsLinks } from "@/lib/articles/sports-links";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  try {
    const params = new URL(request.url).searchParams;
    const options = await searchSportsLinks(await getCurrentUser(), { kind: params.get("kind") ?? undefined, q: params.get("q") ?? undefined });
    return Response.json({ options }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
