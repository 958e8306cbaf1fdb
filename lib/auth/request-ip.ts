// The client address of a request, for throttling and the audit log. The production server
// (scripts/server.ts) replaces X-Forwarded-For with the one address TRUST_PROXY believes
// (lib/auth/client-address.ts); of anything longer, the LAST entry is the one nearest to us.
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientIp(source: HeaderSource): string {
  const forwarded = header(source, "x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const ip = forwarded?.at(-1) ?? header(source, "x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : "unknown";
}
