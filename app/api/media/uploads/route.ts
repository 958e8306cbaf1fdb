// POST /api/media/uploads: one picture per request (multipart/form-data, field "file"; optional
// "altText" and "defaultCaption"), so the browser can show each file's progress. Answers 201 with
// the new library item, or a message per file: 401/403 (not allowed), 409 (already in the library,
// with its id), 413 (too large), 415 (not an accepted picture, SVG, hidden markup), 422 (damaged,
// too many pixels, bad name). A refused file leaves nothing behind; a bad file is never a 500.
//
// Why not POST /api/media: proxy.ts matches every two-segment path ("/:section/:slug"), and Next.js
// hands a proxied request's body on only up to proxyClientMaxBodySize (10 MB), cutting larger
// uploads short. Three segments keep uploads out of the proxy.
import { errorResponse } from "@/lib/action-result";
import { currentRequestIp, getCurrentUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { mediaLimits, refusalReason } from "@/lib/media/file/inspect";
import { uploadMedia } from "@/lib/media/upload";
import { assertCan } from "@/lib/permissions";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { readUploadForm } from "@/lib/http/upload-form";

export const dynamic = "force-dynamic";

const STATUS_BY_REASON: Record<string, number> = { "too-large": 413, "not-an-image": 415, "hidden-markup": 415, "not-multipart": 415 };

function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

function uploadErrorResponse(error: unknown): Response {
  const response = errorResponse(error);
  const status = STATUS_BY_REASON[refusalReason(error) ?? ""];
  return status ? new Response(response.body, { status, headers: response.headers }) : response;
}

export async function POST(request: Request): Promise<Response> {
  // Uploads stay out of proxy.ts (see above), so they refuse other sites' posts themselves.
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  try {
    const actor = await getCurrentUser();
    assertCan(actor, "media.upload");
    const limits = mediaLimits();
    const form = await readUploadForm(request, limits);
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("INVALID", 'Choose a picture to upload (the form had no "file").', { reason: "empty" });
    const media = await uploadMedia(
      actor,
      { bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, altText: textField(form, "altText"), defaultCaption: textField(form, "defaultCaption") },
      { ip: await currentRequestIp(), limits },
    );
    return Response.json({ media }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return uploadErrorResponse(error);
  }
}
