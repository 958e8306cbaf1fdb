// Site-wide settings read from the environment once.
export const siteConfig = {
  name: process.env.SITE_NAME ?? "Pressbox Sport",
  url: (process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, ""),
  locale: "en",
} as const;

export function absoluteUrl(path: string): string {
  return new URL(path, `${siteConfig.url}/`).toString();
}
