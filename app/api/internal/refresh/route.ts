// POST /api/internal/refresh: a signed notice from another Pressbox process that stories changed.
// Its length and the signature's form and age are checked before the body is read, so an
// unsigned or huge post costs the server nothing; the signature itself is then checked once.
import { z } from "zod";
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { acceptRefreshSignature, isFreshRefreshSignature, MAX_REFRESH_BYTES, SIGNATURE_HEADER } from "@/lib/internal-refresh";
import { readPageKeys, refreshPublicPages } from "@/lib/articles/refresh";

const RefreshInput = z.object({ articleIds: z.array(z.string().min(1).max(40)).min(1).max(500) });

const tooLarge = () => Response.json({ error: "Too many stories in one notice." }, { status: 413 });

// The body as text, or null once it passes `limit` bytes (a sender may not say its length).
async function readAtMost(request: Request, limit: number): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    size += part.value.byteLength;
    if (size > limit) {
      await reader!.cancel();
      return null;
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function POST(request: Request): Promise<Response> {
  try {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_REFRESH_BYTES) return tooLarge();
    const signature = request.headers.get(SIGNATURE_HEADER);
    if (!isFreshRefreshSignature(signature)) throw new AppError("FORBIDDEN", "Bad, expired or missing signature.");
    const body = await readAtMost(request, MAX_REFRESH_BYTES);
    if (body === null) return tooLarge();
    if (!(await acceptRefreshSignature(body, signature))) throw new AppError("FORBIDDEN", "Bad or already used signature.");
    const { articleIds } = RefreshInput.parse(JSON.parse(body));
    // Reads only: no transaction, so a notice never waits for another process's write lock.
    const found = await db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true } });
    const keys = await Promise.all(found.map((row) => readPageKeys(db, row.id)));
    refreshPublicPages(...keys);
    return Response.json({ refreshed: keys.length });
  } catch (error) {
    if (error instanceof SyntaxError) return Response.json({ error: "The body must be JSON." }, { status: 400 });
    return errorResponse(error);
  }
}
