// A published story's public path: /<section>/<slug>.
export function articleHref(sectionSlug: string, slug: string): string {
  return `/${sectionSlug}/${slug}`;
}
