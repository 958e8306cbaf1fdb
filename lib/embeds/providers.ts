// The oEmbed providers Pressbox embeds from, and nothing else: X/Twitter posts, YouTube videos and
// Instagram posts built in, more from EMBED_PROVIDERS (JSON, see README "Configuration"). A URL is
// matched against a provider's schemes (oEmbed's "http://www.flickr.com/photos/*" form) by host
// and path separately, so a scheme's wildcard can never swallow another site's address.
// No "server-only": the block module validates URLs with it in the editor too (built-ins only
// there; the server, which reads the environment, has the last word).
import { z } from "zod";

export type EmbedProvider = {
  // Shown to readers: "Load content from <name>".
  name: string;
  schemes: readonly string[];
  // The oEmbed endpoint, asked with ?url=…&format=json.
  endpoint: string;
  // The provider's player for a matched URL, loaded only after the reader clicks ({url} is the
  // embedded URL, encoded; {id} its last path segment). None: the card links out instead.
  player?: string;
  // May the server fetch this provider's endpoint and thumbnails from private or loopback
  // addresses (a provider inside the newsroom's network, or a test's fake one)?
  allowPrivate?: boolean;
};

export const BUILT_IN_PROVIDERS: readonly EmbedProvider[] = [
  {
    name: "X",
    schemes: ["https://x.com/*/status/*", "https://twitter.com/*/status/*", "https://*.twitter.com/*/status/*"],
    endpoint: "https://publish.twitter.com/oembed",
    player: "https://platform.twitter.com/embed/Tweet.html?id={id}",
  },
  {
    name: "YouTube",
    schemes: ["https://*.youtube.com/watch*", "https://youtube.com/watch*", "https://*.youtube.com/shorts/*", "https://youtu.be/*"],
    endpoint: "https://www.youtube.com/oembed",
    player: "https://www.youtube-nocookie.com/embed/{youtube}",
  },
  {
    name: "Instagram",
    schemes: ["https://*.instagram.com/p/*", "https://instagram.com/p/*", "https://*.instagram.com/reel/*"],
    endpoint: "https://graph.facebook.com/v26.0/instagram_oembed",
    player: "https://www.instagram.com/p/{id}/embed",
  },
];

const MAX_URL_LENGTH = 2048;
// Control characters and whitespace let "java\nscript:" slip past naive checks.
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

const ProviderSchema = z.object({
  name: z.string().trim().min(1).max(60),
  schemes: z.array(z.string().min(8).max(300)).min(1),
  endpoint: z.string().refine(isWebUrl, "must be an http or https address"),
  player: z.string().refine(isWebUrl, "must be an http or https address").optional(),
  allowPrivate: z.boolean().optional(),
});

// An absolute http(s) URL with no user name, password or hidden characters: the only kind of
// link an embed stores or renders.
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_URL_LENGTH || UNSAFE_CHARACTERS.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
  } catch {
    return false;
  }
}

// EMBED_PROVIDERS: a JSON array of providers. A mistyped setting is an error naming what is wrong,
// never a looser allow-list.
export function configuredProviders(raw: string | undefined = readEnv()): EmbedProvider[] {
  if (!raw?.trim()) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error("EMBED_PROVIDERS is not JSON (a list of {name, schemes, endpoint, player?, allowPrivate?})");
  }
  const parsed = z.array(ProviderSchema).safeParse(json);
  if (!parsed.success) throw new Error(`EMBED_PROVIDERS is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

function readEnv(): string | undefined {
  return typeof process === "undefined" ? undefined : process.env.EMBED_PROVIDERS;
}

// Read once per value of the setting (the page's security policy asks on every response). A
// mistyped setting is logged and adds no provider: pages keep working, and saving an embed from a
// provider it meant to add is refused naming the providers that are allowed.
let cached: { raw: string | undefined; providers: EmbedProvider[] } | undefined;

export function embedProviders(): EmbedProvider[] {
  const raw = readEnv();
  if (!cached || cached.raw !== raw) {
    let configured: EmbedProvider[] = [];
    try {
      configured = configuredProviders(raw);
    } catch (error) {
      console.error(`[embeds] ${(error as Error).message}; only the built-in providers are allowed`);
    }
    cached = { raw, providers: [...configured, ...BUILT_IN_PROVIDERS] };
  }
  return cached.providers;
}

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

// "*.example.com" also matches "example.com"'s subdomains only, one or more labels deep; a port
// in the scheme must be matched exactly ("127.0.0.1:*" matches any port).
function hostMatches(pattern: string, host: string): boolean {
  const source = escapeRegExp(pattern.toLowerCase())
    .replace(/^\*\\?\./, "(?:[a-z0-9-]+\\.)+")
    .replace(/\*/g, "[a-z0-9-]*");
  return new RegExp(`^${source}$`).test(host);
}

function schemeMatches(scheme: string, url: URL): boolean {
  const parts = /^(https?):\/\/([^/]+)(\/.*)?$/i.exec(scheme);
  if (!parts) return false;
  const [, protocol, host, path = "/"] = parts;
  if (`${protocol.toLowerCase()}:` !== url.protocol) return false;
  if (!hostMatches(host, url.host.toLowerCase())) return false;
  const pathPattern = new RegExp(`^${escapeRegExp(path).replace(/\*/g, ".*")}$`);
  return pathPattern.test(`${url.pathname}${url.search}`);
}

export function matchProvider(raw: unknown, providers: readonly EmbedProvider[] = embedProviders()): EmbedProvider | null {
  if (!isWebUrl(raw)) return null;
  const url = new URL(raw);
  return providers.find((provider) => provider.schemes.some((scheme) => schemeMatches(scheme, url))) ?? null;
}

// Why a URL cannot be embedded, in words an editor can act on; null when it can.
export function embedUrlProblem(raw: unknown, providers: readonly EmbedProvider[] = embedProviders()): string | null {
  if (!isWebUrl(raw)) return "An embed needs an http or https address.";
  if (!matchProvider(raw, providers)) return `${new URL(raw).host} is not an embed provider Pressbox allows (allowed: ${[...new Set(providers.map((p) => p.name))].join(", ")}).`;
  return null;
}

function youtubeId(url: URL): string | null {
  const id = url.hostname === "youtu.be" ? url.pathname.slice(1) : url.pathname.startsWith("/shorts/") ? url.pathname.slice(8) : url.searchParams.get("v");
  return id && /^[\w-]{6,20}$/.test(id) ? id : null;
}

// The player for a matched URL: the provider's template filled in, and only if the result is
// still a web address on the template's own host. Computed from the URL and the configuration,
// never from an oEmbed answer.
export function playerUrl(provider: EmbedProvider, raw: string): string | null {
  if (!provider.player || !isWebUrl(raw)) return null;
  const url = new URL(raw);
  const id = url.pathname.split("/").filter(Boolean).pop() ?? "";
  const youtube = youtubeId(url);
  if (provider.player.includes("{youtube}") && !youtube) return null;
  const filled = provider.player
    .replace("{url}", encodeURIComponent(raw))
    .replace("{id}", encodeURIComponent(id))
    .replace("{youtube}", youtube ?? "");
  return isWebUrl(filled) && new URL(filled).host === new URL(provider.player.replace(/\{\w+\}/g, "x")).host ? filled : null;
}

// The origins whose players a reader's click may load: the page's Content-Security-Policy allows
// frames from these and no others.
export function playerOrigins(providers: readonly EmbedProvider[] = embedProviders()): string[] {
  return [...new Set(providers.flatMap((provider) => (provider.player ? [new URL(provider.player.replace(/\{\w+\}/g, "x")).origin] : [])))];
}
