// Which address a request came from. Without TRUST_PROXY the socket's address is the client:
// an X-Forwarded-For header is whatever the client chose to send. Behind reverse proxies,
// TRUST_PROXY says which to believe: a hop count ("1": one proxy in front, which appends the
// address it saw), or a comma-separated list of the proxies' addresses (entries added by them are
// skipped from the right; the first address not in the list is the client).
export type ProxyTrust = { hops: number } | { addresses: Set<string> } | null;

export function parseTrustProxy(value: string | undefined): ProxyTrust {
  const text = value?.trim();
  if (!text || text === "0" || text === "false") return null;
  if (/^\d+$/.test(text)) return { hops: Math.min(Number(text), 10) };
  return { addresses: new Set(text.split(",").map(normalize).filter(Boolean)) };
}

// "::ffff:127.0.0.1" and "127.0.0.1" are the same client.
function normalize(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: ProxyTrust): string {
  const socket = normalize(socketAddress ?? "") || "unknown";
  if (!trust) return socket;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map(normalize).filter(Boolean);
  const chain = [...forwarded, socket];
  if ("hops" in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)];
  for (let i = chain.length - 1; i >= 0; i -= 1) if (!trust.addresses.has(chain[i])) return chain[i];
  return chain[0];
}

// Whether the peer itself (the socket's address) is a proxy TRUST_PROXY trusts: with a hop count,
// whoever connects is the proxy; with a list, only the addresses in it.
export function isTrustedPeer(socketAddress: string | undefined, trust: ProxyTrust): boolean {
  if (!trust) return false;
  return "hops" in trust ? trust.hops > 0 : trust.addresses.has(normalize(socketAddress ?? ""));
}
