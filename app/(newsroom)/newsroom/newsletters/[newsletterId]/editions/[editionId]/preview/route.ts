// GET …/editions/<editionId>/preview?format=html|text: the edition's email as a sample reader
// gets it, for the editor's preview frame. Editors only (lib checks); never cached.
import { errorResponse } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth";
import { previewEdition } from "@/lib/newsletters/editions/preview";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ newsletterId: string; editionId: string }> };

export async function GET(request: Request, { params }: Props): Promise<Response> {
  try {
    const { newsletterId, editionId } = await params;
    const format = new URL(request.url).searchParams.get("format") ?? "html";
    const preview = await previewEdition(await getCurrentUser(), { newsletterId, editionId, format });
    return new Response(preview.body, { headers: { "Content-Type": preview.contentType, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
  } catch (error) {
    return errorResponse(error);
  }
}
