// GET /media/<key>: one stored rendition. Keys are content-hashed, so the bytes at a key never
// change; but a picture can be taken down (rights expired, deleted), so browsers and CDNs keep a
// rendition for MEDIA_CACHE_SECONDS (default 10 minutes) and then revalidate it with its ETag
// (a cheap 304 while it is still allowed). A takedown therefore reaches every reader within that
// time: withdrawn pictures answer 410, deleted ones 404. Never a 500: a media store that is not
// answering (MEDIA_STORAGE=s3) is a 503 to try again.
import { isAppError } from "@/lib/errors";
import { readPublicMediaFile } from "@/lib/media/queries";
import { getCurrentUser } from "@/lib/auth";
import { publicRenditionCacheControl } from "@/lib/media/file/cache-policy";

const NO_STORE = { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };
const CACHE_CONTROL = publicRenditionCacheControl();

export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key } = await params;
  const segments = Array.isArray(key) ? key : [];
  const previewToken = new URL(request.url).searchParams.get("preview");
  const file = await readPublicMediaFile(segments, undefined, new Date(), await isStaff(), previewToken).catch((error: unknown) => {
    if (isAppError(error) && error.code === "UNAVAILABLE") return { status: "unavailable" as const, message: error.message };
    throw error;
  });
  if (file.status === "unavailable") return new Response(`${file.message}\n`, { status: 503, headers: { ...NO_STORE, "Retry-After": "5" } });
  if (file.status === "gone") return new Response("This picture has been withdrawn.\n", { status: 410, headers: NO_STORE });
  // Staff still see a withdrawn picture (the editor and library show it, flagged), never cached;
  // so are an embargoed story's pictures, shown only to staff and its preview links.
  if (file.status === "ok" && (file.isWithdrawn || file.isPrivate)) {
    return new Response(new Uint8Array(file.bytes), { status: 200, headers: { ...NO_STORE, "Cache-Control": "private, no-store", "Content-Type": file.contentType } });
  }
  if (file.status !== "ok") return new Response("Not found\n", { status: 404, headers: NO_STORE });
  // The key names the content, so it is a strong validator.
  const etag = `"${segments.at(-1)}"`;
  const caching = { "Cache-Control": CACHE_CONTROL, ETag: etag, "X-Content-Type-Options": "nosniff" };
  if (
    request.headers
      .get("if-none-match")
      ?.split(",")
      .some((tag) => tag.trim() === etag)
  )
    return new Response(null, { status: 304, headers: caching });
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: { ...caching, "Content-Type": file.contentType, "Content-Length": String(file.bytes.length) },
  });
}

async function isStaff(): Promise<boolean> {
  try {
    return (await getCurrentUser()) !== null;
  } catch {
    return false; // outside a request
  }
}
