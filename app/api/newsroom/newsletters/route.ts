// GET /api/newsroom/newsletters: the newsletters a story's sign-up block may offer, as
// { newsletters: [{ id, name, isMain }] } (the main one first). Staff only (lib checks it).
import { errorResponse } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { newsletterChoices } from "@/lib/newsletters/newsroom";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  try {
    return Response.json({ newsletters: await newsletterChoices(await getCurrentUser()) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
