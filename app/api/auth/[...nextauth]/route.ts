// next-auth's endpoints: sign-in callback, sign-out, session, CSRF token.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// Another site must not sign a browser in or out. And next-auth parses a JSON body without
// catching the error, so a malformed one would be a 500.
async function POST(request: Request, context: Context): Promise<Response> {
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return Response.json({ error: "The request body is not valid JSON." }, { status: 400 });
    }
  }
  return handler(request, context);
}

export { handler as GET, POST };
