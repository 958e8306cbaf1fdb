// Upload limits, in a module without sharp so browser code can import the defaults.
export type MediaLimits = { maxBytes: number; maxPixels: number };

export const DEFAULT_MEDIA_LIMITS: MediaLimits = { maxBytes: 25 * 1024 * 1024, maxPixels: 50_000_000 };
