// Names of cache tags, in one place so readers and writers cannot disagree.
export const cacheTags = {
  article: (id: string) => `article:${id}`,
  section: (id: string) => `section:${id}`,
  tag: (id: string) => `tag:${id}`,
  byline: (id: string) => `byline:${id}`,
  media: (id: string) => `media:${id}`,
  agency: (id: string) => `agency:${id}`,
  photographer: (id: string) => `photographer:${id}`,
  frontPage: "front-page",
  feeds: "feeds",
  // Every listing of published stories (front page, sections, tags, authors, feeds).
  listings: "listings",
} as const;
