// /api/newsletter/unsubscribe?token=…&list=…: the List-Unsubscribe target of every edition.
// POST with the body "List-Unsubscribe=One-Click" (RFC 8058) unsubscribes from that list at once:
// no cookie, no CSRF token, the signed token is the authority. The unsubscribe page's own button
// posts here too (scope=all to leave everything) and is sent back to the page.
// GET never unsubscribes (link scanners fetch GETs): it goes to the page, which has the button.
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { clientIp } from "@/lib/auth/request-ip";
import { field, isRefusal, readFormRequest } from "@/lib/http/form-request";
import { MAX_FORM_BYTES } from "@/lib/newsletters/form-fields";
import { unsubscribe } from "@/lib/newsletters/subscribers/manage";

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  // A post from another site's page is refused, as everywhere in Pressbox; one without an Origin
  // (a mail provider's one-click POST from its servers) is not judged (lib/auth/cross-site.ts).
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  const body = await readFormRequest(request, MAX_FORM_BYTES, { json: false, multipart: true });
  if (isRefusal(body)) return new Response(`${body.message}\n`, { status: body.status, headers: NO_STORE });
  const query = new URL(request.url).searchParams;
  const token = field(body.fields, "token") ?? query.get("token");
  const list = field(body.fields, "list") ?? query.get("list");
  const isOneClick = field(body.fields, "List-Unsubscribe") === "One-Click";
  const isAll = !isOneClick && field(body.fields, "scope") === "all";
  const outcome = await unsubscribe(token, isAll ? null : (list ?? null), clientIp(request.headers));
  if (isOneClick) {
    return outcome.status === "done"
      ? new Response("You have been unsubscribed.\n", { status: 200, headers: NO_STORE })
      : new Response("This unsubscribe link is not valid.\n", { status: 400, headers: NO_STORE });
  }
  const result = outcome.status === "done" ? (isAll ? "left-all" : "left") : "invalid";
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: `/newsletter/unsubscribe?result=${result}` } });
}

export async function GET(request: Request): Promise<Response> {
  const { search } = new URL(request.url);
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: `/newsletter/unsubscribe${search}` } });
}
