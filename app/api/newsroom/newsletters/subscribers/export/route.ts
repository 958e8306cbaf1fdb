// GET /api/newsroom/newsletters/subscribers/export: the subscribers screen's "Export CSV" (admins,
// subscriber.manage), with the screen's filters (?newsletter=<id>&status=<STATUS>&q=<text>).
// 401/403 for anyone else, 403 from another site. Streamed; never cached.
import { errorResponse } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { exportSubscribersCsv } from "@/lib/newsletters/subscribers-admin/export";
import { parseSubscriberFilter } from "@/lib/newsletters/subscribers-admin/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  try {
    const filter = parseSubscriberFilter(Object.fromEntries(new URL(request.url).searchParams));
    const body = await exportSubscribersCsv(await getCurrentUser(), filter);
    const date = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="subscribers-${date}.csv"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
