// Responses for the XML and text routes. Clients may keep a copy for a minute; the server's own
// cache is refreshed by tags as soon as a story changes.
const CACHE_CONTROL = "public, max-age=60";

export function xmlResponse(body: string, contentType = "application/xml"): Response {
  return new Response(body, { headers: { "content-type": `${contentType}; charset=utf-8`, "cache-control": CACHE_CONTROL } });
}

export function textResponse(body: string): Response {
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": CACHE_CONTROL } });
}

export function feedNotFound(): Response {
  return new Response("No such feed.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}
