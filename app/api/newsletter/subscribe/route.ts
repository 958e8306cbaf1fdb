// POST /api/newsletter/subscribe: the sign-up form. A plain HTML form (no JavaScript) is answered
// with a 303 to /newsletter/thanks, or back to /newsletter with the problem; a script sending
// JSON gets JSON to show inline. Same answer for every address (lib/newsletters/subscribers/sign-up.ts);
// the confirmation email is sent after the answer.
import { crossSiteRefusal, isCrossSite } from "@/lib/auth/cross-site";
import { after } from "next/server";
import { toFailure } from "@/lib/action-result";
import { clientIp } from "@/lib/auth/request-ip";
import { field, isRefusal, readFormRequest } from "@/lib/http/form-request";
import { MAX_FORM_BYTES, SIGNUP_FIELDS, type SignUpErrorCode } from "@/lib/newsletters/form-fields";
import { signUp } from "@/lib/newsletters/subscribers/sign-up";

const NO_STORE = { "Cache-Control": "no-store" };

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: location } });
}

function errorCode(status: number, details: unknown): SignUpErrorCode {
  if (status === 429) return "too-many";
  return (details as { field?: string } | undefined)?.field === "email" ? "invalid" : "gone";
}

export async function POST(request: Request): Promise<Response> {
  // A post from another site's page is refused, as everywhere in Pressbox; one without an Origin
  // (a mail provider's one-click POST from its servers) is not judged (lib/auth/cross-site.ts).
  if (isCrossSite(request.headers)) return crossSiteRefusal();
  const body = await readFormRequest(request, MAX_FORM_BYTES, { json: true, multipart: false });
  if (isRefusal(body)) return Response.json({ error: body.message }, { status: body.status, headers: NO_STORE });
  const fields = body.fields;
  const newsletterId = field(fields, SIGNUP_FIELDS.newsletterId);
  try {
    const outcome = await signUp({
      email: field(fields, SIGNUP_FIELDS.email),
      newsletterId,
      sourceArticleId: field(fields, SIGNUP_FIELDS.sourceArticleId),
      honeypot: field(fields, SIGNUP_FIELDS.honeypot),
      ip: clientIp(request.headers),
    });
    if (outcome.send) after(outcome.send);
    if (body.kind === "form") return seeOther(`/newsletter/thanks?n=${encodeURIComponent(outcome.newsletter.id)}`);
    return Response.json({ ok: true, message: outcome.message }, { headers: NO_STORE });
  } catch (error) {
    const failure = toFailure(error);
    if (body.kind === "form" && failure.status < 500) {
      const list = newsletterId && /^[a-z0-9]{1,32}$/.test(newsletterId) ? `&n=${newsletterId}` : "";
      return seeOther(`/newsletter?error=${errorCode(failure.status, failure.details)}${list}#sign-up`);
    }
    const retryAfter = (failure.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    const headers = { ...NO_STORE, ...(retryAfter ? { "Retry-After": String(retryAfter) } : failure.status === 503 ? { "Retry-After": "5" } : {}) };
    return Response.json({ error: failure.message }, { status: failure.status, headers });
  }
}
