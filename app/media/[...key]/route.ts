// GET /media/<key>: one stored rendition. Keys are content-hashed, so a response never changes
// and may be cached for a year; anything unknown or malformed is a plain 404, never a 500.
import { readPublicMediaFile } from "@/lib/media/queries";

const NOT_FOUND_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };

function notFound(): Response {
  return new Response("Not found\n", { status: 404, headers: NOT_FOUND_HEADERS });
}

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key } = await params;
  const file = await readPublicMediaFile(Array.isArray(key) ? key : []);
  if (!file) return notFound();
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
