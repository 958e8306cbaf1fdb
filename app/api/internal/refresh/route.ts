// POST /api/internal/refresh: a signed notice from another Pressbox process that stories changed.
import { z } from "zod";
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { isValidRefreshSignature, SIGNATURE_HEADER } from "@/lib/internal-refresh";
import { readPageKeys, refreshPublicPages } from "@/lib/articles/refresh";

const RefreshInput = z.object({ articleIds: z.array(z.string().min(1).max(40)).min(1).max(500) });

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await request.text();
    if (body.length > 100_000) throw new AppError("INVALID", "Too many stories in one notice.");
    if (!isValidRefreshSignature(body, request.headers.get(SIGNATURE_HEADER))) throw new AppError("FORBIDDEN", "Bad or missing signature.");
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
