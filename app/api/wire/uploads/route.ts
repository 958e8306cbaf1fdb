// POST /api/wire/uploads: agency documents dropped or pasted on the Wire screen (multipart/form-data:
// one or more "file" fields and/or a "text" field with plain agency copy; optional "agency").
// Each document is imported on its own (lib/wire/import.ts), so a malformed one is refused with
// its message while the others in the same drop still import. Answers 200 with one result per
// document when any was imported, else the first refusal's status (401/403/409/413/415/422).
// Three path segments keep the body out of proxy.ts, as for /api/media/uploads.
import { errorResponse, toFailure } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { AppError } from "@/lib/errors";
import { mediaLimits, refusalReason } from "@/lib/media/file/inspect";
import { assertCan } from "@/lib/permissions";
import { MAX_WIRE_DOCUMENT_BYTES } from "@/lib/wire/detect";
import { importWireItem } from "@/lib/wire/import";
import type { WireUploadResult } from "@/lib/wire/upload-result";
import { readUploadForm } from "@/lib/http/upload-form";

export const dynamic = "force-dynamic";

const MAX_DOCUMENTS = 20;
const NAME_LIMIT = 200;

type Document = { name: string; source: string | File };

function documentsOf(form: FormData): Document[] {
  const documents: Document[] = [];
  for (const file of form.getAll("file")) {
    if (file instanceof File) documents.push({ name: file.name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, NAME_LIMIT) || "file", source: file });
  }
  const text = form.get("text");
  if (typeof text === "string" && text.trim()) documents.push({ name: "Pasted agency text", source: text });
  if (!documents.length) throw new AppError("INVALID", 'Choose a wire file or paste agency text (the form had no "file" or "text").');
  if (documents.length > MAX_DOCUMENTS) throw new AppError("INVALID", `Send at most ${MAX_DOCUMENTS} documents at once (this had ${documents.length}).`);
  return documents;
}

async function bytesOf(source: Document["source"]): Promise<string | Uint8Array> {
  return typeof source === "string" ? source : new Uint8Array(await source.arrayBuffer());
}

export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  try {
    const actor = await getCurrentUser();
    assertCan(actor, "article.create");
    assertCan(actor, "media.upload");
    const form = await readUploadForm(request, { ...mediaLimits(), maxBytes: MAX_WIRE_DOCUMENT_BYTES });
    const agencyField = form.get("agency");
    const agency = typeof agencyField === "string" ? agencyField.slice(0, 120) : null;
    const results: WireUploadResult[] = [];
    for (const document of documentsOf(form)) {
      try {
        const result = await importWireItem(actor, { source: await bytesOf(document.source), agency });
        results.push({ name: document.name, ok: true, outcome: result.effect ?? result.outcome, message: result.message, wireItemId: result.wireItemId, articleId: result.articleId, headline: result.headline });
      } catch (error) {
        const failure = toFailure(error);
        results.push({ name: document.name, ok: false, status: failure.status, message: failure.message });
      }
    }
    const firstRefusal = results.find((result) => !result.ok);
    const status = results.some((result) => result.ok) || !firstRefusal ? 200 : firstRefusal.status;
    return Response.json({ results }, { status, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const response = errorResponse(error);
    return refusalReason(error) === "too-large" ? new Response(response.body, { status: 413, headers: response.headers }) : response;
  }
}
