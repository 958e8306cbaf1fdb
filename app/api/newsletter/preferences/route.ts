// POST /api/newsletter/preferences: the preferences page's form (the newsletters to keep, or
// "leave all"), authorised by the signed manage token it carries.
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { clientIp } from "@/lib/auth/request-ip";
import { field, isRefusal, readFormRequest } from "@/lib/http/form-request";
import { MAX_FORM_BYTES } from "@/lib/newsletters/form-fields";
import { unsubscribe, updatePreferences } from "@/lib/newsletters/subscribers/manage";

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  // A post from another site's page is refused, as everywhere in Pressbox; one without an Origin
  // (a mail provider's one-click POST from its servers) is not judged (lib/auth/cross-site.ts).
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  const body = await readFormRequest(request, MAX_FORM_BYTES, { json: false, multipart: false });
  if (isRefusal(body)) return new Response(`${body.message}\n`, { status: body.status, headers: NO_STORE });
  const token = field(body.fields, "token") ?? "";
  const ip = clientIp(request.headers);
  const result =
    field(body.fields, "action") === "leave-all" ? ((await unsubscribe(token, null, ip)).status === "done" ? "left-all" : "invalid") : await updatePreferences(token, body.fields.newsletter ?? [], ip);
  const location =
    result === "saved" ? `/newsletter/preferences?token=${encodeURIComponent(token)}&saved=1` : result === "left-all" ? "/newsletter/unsubscribe?result=left-all" : "/newsletter/preferences?result=invalid";
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: location } });
}
