// POST /api/newsletter/confirm: the confirm page's button (a GET of the emailed link only shows
// the page: mail scanners open links, and only a person should confirm).
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { clientIp } from "@/lib/auth/request-ip";
import { field, isRefusal, readFormRequest } from "@/lib/http/form-request";
import { MAX_FORM_BYTES } from "@/lib/newsletters/form-fields";
import { confirm } from "@/lib/newsletters/subscribers/confirm";

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  // A post from another site's page is refused, as everywhere in Pressbox; one without an Origin
  // (a mail provider's one-click POST from its servers) is not judged (lib/auth/cross-site.ts).
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  const body = await readFormRequest(request, MAX_FORM_BYTES, { json: false, multipart: false });
  if (isRefusal(body)) return new Response(`${body.message}\n`, { status: body.status, headers: NO_STORE });
  const token = field(body.fields, "token") ?? "";
  const outcome = await confirm(token, clientIp(request.headers));
  const location = outcome.status === "confirmed" ? `/newsletter/confirm?token=${encodeURIComponent(token)}&done=1` : "/newsletter/confirm?result=invalid";
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: location } });
}
