// GET /<section>/<slug>/events: live coverage as Server-Sent Events (lib/live/stream.ts). A browser
// that reconnects sends Last-Event-ID (the seq of the last change it got) and resumes right after
// it; `?cursor=` does the same for the first connection (the cursor the page was rendered at).
import { NextResponse } from "next/server";
import { getLivePage } from "@/lib/live/page";
import { findPublicStory, readCursor } from "@/lib/live/public-story";
import { livePollAfterMs } from "@/lib/live/queries";
import { liveEventStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ section: string; slug: string }> };

const noStore = { "Cache-Control": "no-store" };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { section, slug } = await params;
  const story = await findPublicStory(section, slug);
  const live = story && (await getLivePage(story.id));
  if (!story || !live) return NextResponse.json({ error: "There is no live coverage at this address." }, { status: 404, headers: noStore });
  const cursor = readCursor(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("cursor"));
  if (!cursor.isValid) return NextResponse.json({ error: cursor.message }, { status: 400, headers: noStore });
  const stream = liveEventStream({ articleId: story.id, cursor: cursor.cursor, isEnded: live.coverage.status === "ENDED", signal: request.signal, retryMs: livePollAfterMs() });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      // Asks nginx-style proxies not to buffer the stream.
      "X-Accel-Buffering": "no",
    },
  });
}
