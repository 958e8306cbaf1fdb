// Next.js 16 proxy (formerly middleware): sends visitors without a valid session from the staff
// area to the sign-in page. Only a redirect: who may do what is decided in lib/ on every request.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { answerGoneStory } from "./lib/articles/page/gone";
import { crossSiteRefusal, isCrossSite } from "./lib/auth/cross-site";
import { authSecret } from "./lib/auth/secret";

const isWrite = (request: NextRequest) => request.method !== "GET" && request.method !== "HEAD";

export async function proxy(request: NextRequest) {
  // A post from another site (a server action from a foreign page): refused before it runs.
  if (isWrite(request) && isCrossSite(request.headers)) return crossSiteRefusal();
  // Reader story addresses (/section/slug): an unpublished story answers 410 Gone. Here, not in
  // the page, because Next.js 16.4 gives a page no way to choose that status: notFound(),
  // forbidden() and unauthorized() are the only statuses a page can raise (the http-access-fallback
  // allows 404, 403 and 401, nothing else), there is no unstable_ API for a status, and the status
  // is sent before the page streams; a route handler cannot share the page's address, and a
  // rewrite to /410 answers 200. lib/articles/page/gone.ts builds the answer.
  if (!request.nextUrl.pathname.startsWith("/newsroom")) return (await answerGoneStory(request)) ?? NextResponse.next();
  // Server actions post to page URLs: they answer 401 themselves, in a form the page can show.
  if (isWrite(request)) return NextResponse.next();
  const secret = authSecret();
  const token = secret ? await getToken({ req: request, secret }) : null;
  if (token?.sub) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Server actions can be posted to any page's address: every request naming one comes here.
  matcher: ["/newsroom", "/newsroom/:path*", "/:section/:slug", { source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
