// POST /api/newsroom/sports/uploads: SportsML files (XML or JSON) dropped on the newsroom's Import
// screen, as multipart/form-data with one or more "file" fields, at most 5 MB in all. Each file is
// imported on its own (lib/sports/import.ts), so a refused one reports its error while the others
// still import. Answers 200 with one result per file when any imported, else the first refusal's
// status (401/403/409/413/422).
import { errorResponse } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { mediaLimits, refusalReason } from "@/lib/media/file/inspect";
import { assertCan } from "@/lib/permissions";
import { readUploadForm } from "@/lib/http/upload-form";
import { MAX_SPORTSML_BYTES } from "@/lib/sports/sportsml/parse";
import { importSportsFiles, sportsFilesOf } from "@/lib/sports/desk/upload";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  try {
    const actor = await getCurrentUser();
    assertCan(actor, "sports.import");
    const form = await readUploadForm(request, { ...mediaLimits(), maxBytes: MAX_SPORTSML_BYTES });
    const results = await importSportsFiles(actor, sportsFilesOf(form));
    const refusals = results.flatMap((result) => (result.ok ? [] : [result]));
    // Nothing imported: the first refusal's status, and its message as the answer's error.
    const refused = results.some((result) => result.ok) ? null : refusals[0];
    return Response.json({ results, ...(refused ? { error: refused.message } : {}) }, { status: refused?.status ?? 200, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const response = errorResponse(error);
    return refusalReason(error) === "too-large" ? new Response(response.body, { status: 413, headers: response.headers }) : response;
  }
}
