// The picture formats Pressbox accepts and serves. One table, so what the upload check accepts,
// what the renditions are written as and the Content-Type the media route sends cannot drift apart.
export const IMAGE_FORMATS = {
  jpeg: { mimeType: "image/jpeg", extension: "jpg", label: "JPEG" },
  png: { mimeType: "image/png", extension: "png", label: "PNG" },
  webp: { mimeType: "image/webp", extension: "webp", label: "WebP" },
  avif: { mimeType: "image/avif", extension: "avif", label: "AVIF" },
} as const;

export type ImageFormat = keyof typeof IMAGE_FORMATS;

// Renditions readers get, in the order a <picture> offers them: AVIF (smallest) and WebP for
// browsers that take them, JPEG for everything else.
export const RENDITION_FORMATS = ["avif", "webp", "jpeg"] as const satisfies readonly ImageFormat[];
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

const labels = Object.values(IMAGE_FORMATS).map((format) => format.label);
// "JPEG, PNG, WebP or AVIF", for messages.
export const ACCEPTED_LABELS = `${labels.slice(0, -1).join(", ")} or ${labels[labels.length - 1]}`;

const CONTENT_TYPE_BY_EXTENSION: Record<string, string> = Object.fromEntries(Object.values(IMAGE_FORMATS).map((format) => [format.extension, format.mimeType]));

// The Content-Type for a stored file, from its key's extension; null for anything we never write.
export function contentTypeForKey(key: string): string | null {
  const extension = key.slice(key.lastIndexOf(".") + 1);
  return key.includes(".") ? (CONTENT_TYPE_BY_EXTENSION[extension] ?? null) : null;
}
