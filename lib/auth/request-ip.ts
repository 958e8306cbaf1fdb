// The client address of a request, for throttling and the audit log. The LAST x-forwarded-for
// entry is the one our own side added (Next.js fills it from the socket when it is absent, a
// reverse proxy appends to it); entries before it are whatever the client claimed.
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientIp(source: HeaderSource): string {
  const forwarded = header(source, "x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  const ip = forwarded?.at(-1) ?? header(source, "x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : "unknown";
}
