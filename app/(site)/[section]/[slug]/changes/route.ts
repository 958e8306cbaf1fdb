// GET /<section>/<slug>/changes?cursor=N: the polling reader's way to follow live coverage (the
// fallback of …/events). JSON: the changes after the cursor, the cursor to ask with next and how
// long to wait first (pollAfterMs, the server's kill switch under load). A shared cache may keep an
// answer for about half that wait: the cursor is in the address, so a kept answer is only late,
// never wrong, and the next poll from the same cursor gets what it missed.
import { NextResponse } from "next/server";
import { getLiveChanges } from "@/lib/live/page";
import { findPublicStory, readCursor } from "@/lib/live/public-story";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ section: string; slug: string }> };

const noStore = { "Cache-Control": "no-store" };

function notFound(): NextResponse {
  return NextResponse.json({ error: "There is no live coverage at this address." }, { status: 404, headers: noStore });
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { section, slug } = await params;
  const story = await findPublicStory(section, slug);
  if (!story) return notFound();
  const cursor = readCursor(new URL(request.url).searchParams.get("cursor"));
  if (!cursor.isValid) return NextResponse.json({ error: cursor.message }, { status: 400, headers: noStore });
  const changes = await getLiveChanges(story.id, cursor.cursor);
  if (!changes) return notFound();
  const sharedSeconds = Math.max(1, Math.floor(changes.pollAfterMs / 2000));
  return NextResponse.json(changes, { headers: { "Cache-Control": `public, max-age=0, s-maxage=${sharedSeconds}` } });
}
