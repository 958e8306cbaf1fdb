// For proxy.ts: the address of a story the newsroom unpublished answers 410 Gone with the site's
// "removed" page. A page cannot choose that status (Next.js only knows 404, 401 and 403), and a
// rewrite loses it, so the proxy answers with the body of /410, fetched once from this same server
// and kept in the page cache. A redirect for the address wins. Everything it reads is cached, so
// a repeated request reaches neither the database nor the renderer.
import { NextResponse, type NextRequest } from "next/server";
import { cached } from "../../cache/tagged-cache";
import { findRedirect } from "../../redirects/queries";
import { SECTIONS_TAG } from "../../sections/queries";
import { getArticleState } from "../queries";

const STORY_PATH = /^\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;
const NOT_SECTIONS = new Set(["tag", "author", "newsroom", "api", "media", "search", "preview"]);

const GONE_PAGE_PATH = "/410";

function storySlugFromPath(pathname: string): string | null {
  const match = STORY_PATH.exec(pathname);
  return match && !NOT_SECTIONS.has(match[1]) ? match[2] : null;
}

// This server's own address (set by `next start`), so the fetch never leaves the machine.
function ownOrigin(request: NextRequest): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : request.nextUrl.origin);
}

async function gonePageHtml(request: NextRequest): Promise<string> {
  return cached("gone-page-html", async () => {
    const response = await fetch(new URL(GONE_PAGE_PATH, ownOrigin(request)), { headers: { accept: "text/html" } });
    if (!response.ok) throw new Error(`${GONE_PAGE_PATH} answered ${response.status}`);
    return { value: await response.text(), tags: [SECTIONS_TAG] };
  });
}

export async function answerGoneStory(request: NextRequest): Promise<NextResponse | null> {
  const slug = storySlugFromPath(request.nextUrl.pathname);
  if (!slug || (await getArticleState(slug)).kind !== "gone") return null;
  const target = await findRedirect(request.nextUrl.pathname.replace(/\/$/, ""));
  if (target) return NextResponse.redirect(new URL(target, request.url), 308);
  const html = await gonePageHtml(request).catch(() => null);
  // Without the page (it failed to render), the status still tells readers and crawlers.
  return new NextResponse(html ?? "This story has been removed.\n", {
    status: 410,
    headers: { "content-type": html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" },
  });
}
