// Next.js 16 proxy (formerly middleware): sends visitors without a valid session from the staff
// area to the sign-in page. Only a redirect: who may do what is decided in lib/ on every request.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { answerGoneStory } from "./lib/articles/gone";

export async function proxy(request: NextRequest) {
  // Reader story addresses (/section/slug): an unpublished story answers 410 Gone.
  if (!request.nextUrl.pathname.startsWith("/newsroom")) return (await answerGoneStory(request)) ?? NextResponse.next();
  // Server actions post to page URLs: they answer 401 themselves, in a form the page can show.
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  const secret = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  const token = secret ? await getToken({ req: request, secret }) : null;
  if (token?.sub) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/newsroom", "/newsroom/:path*", "/:section/:slug"],
};
