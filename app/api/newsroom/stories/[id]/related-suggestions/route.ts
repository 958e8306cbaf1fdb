// GET /api/newsroom/stories/<id>/related-suggestions?event=…&athlete=…&team=…&tag=<name>: the
// editor's "Suggested related stories" for what the story names now (saved or not), as
// { suggestions: [{ id, headline, kicker, publishedAt, score, shared, reasons }] }, at most 10.
// Whoever may open the story (lib checks it); bad ids are 422, another site's request 403.
import { errorResponse } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { suggestRelated } from "@/lib/articles/related-suggestions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Props): Promise<Response> {
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  try {
    const { id } = await params;
    const query = new URL(request.url).searchParams;
    const draft = { eventIds: query.getAll("event"), athleteIds: query.getAll("athlete"), teamIds: query.getAll("team"), tagNames: query.getAll("tag") };
    const suggestions = await suggestRelated(await getCurrentUser(), id, draft);
    return Response.json({ suggestions }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
