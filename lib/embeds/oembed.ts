// One oEmbed answer, asked for once and read defensively: through the wire's SSRF-guarded fetch
// (http/https only, public addresses unless the provider is configured to allow private ones,
// redirects re-checked, a time and a size limit), JSON only, every field a capped string. The
// provider's html is never kept as markup: only its words (plain-text.ts).
import "server-only";
import { integerSetting } from "../settings";
import { fetchPicture, PictureFetchError, type FetchLimits } from "../wire/fetch-picture";
import { markupToText } from "./plain-text";
import { isWebUrl, playerUrl, type EmbedProvider } from "./providers";

export const MAX_OEMBED_BYTES = 256 * 1024;

export type OembedSnapshot = { title: string; authorName: string; authorUrl: string | null; text: string; thumbnailUrl: string | null; playerUrl: string | null };

export class EmbedFetchError extends Error {}

export function embedFetchLimits(provider: EmbedProvider, maxBytes: number): FetchLimits {
  return { maxBytes, timeoutMs: integerSetting(process.env.EMBED_FETCH_TIMEOUT_MS, 5_000, 100), allowPrivate: provider.allowPrivate === true };
}

// Plain text as given (a title is not markup), without control characters, capped.
function plainField(json: Record<string, unknown>, name: string, maxLength: number): string {
  const value = json[name];
  return typeof value === "string"
    ? value
        .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
        .trim()
        .slice(0, maxLength)
    : "";
}

export function readOembedAnswer(provider: EmbedProvider, url: string, bytes: Buffer): OembedSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new EmbedFetchError(`${provider.name} did not answer with JSON`);
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new EmbedFetchError(`${provider.name} answered something that is not an oEmbed object`);
  const answer = json as Record<string, unknown>;
  const link = (name: string) => {
    const value = plainField(answer, name, 2048);
    return isWebUrl(value) ? value : null;
  };
  return {
    title: plainField(answer, "title", 300),
    authorName: plainField(answer, "author_name", 200),
    authorUrl: link("author_url"),
    text: typeof answer.html === "string" ? markupToText(answer.html, 2000) : "",
    // A photo answer's picture is its url; any other type's is its thumbnail.
    thumbnailUrl: link("thumbnail_url") ?? (answer.type === "photo" ? link("url") : null),
    playerUrl: playerUrl(provider, url),
  };
}

export async function fetchOembed(provider: EmbedProvider, url: string): Promise<OembedSnapshot> {
  const endpoint = new URL(provider.endpoint);
  endpoint.searchParams.set("url", url);
  endpoint.searchParams.set("format", "json");
  endpoint.searchParams.set("maxwidth", "680");
  try {
    const { bytes } = await fetchPicture(endpoint.toString(), { ...embedFetchLimits(provider, MAX_OEMBED_BYTES), accept: "application/json" });
    return readOembedAnswer(provider, url, bytes);
  } catch (error) {
    if (error instanceof PictureFetchError) throw new EmbedFetchError(`${provider.name} could not be reached: ${error.message}`);
    throw error;
  }
}
