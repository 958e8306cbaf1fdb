// `?page=N` for listings and search: page 1 is the default, anything that is not a whole number
// from 1 up (or is past the last page) is a 404, never an error.
export const PAGE_SIZE = 20;
const MAX_PAGE = 100_000;

type Param = string | string[] | undefined;

// The page asked for, or null when the value cannot be a page number.
export function parsePageParam(value: Param): number | null {
  if (value === undefined) return 1;
  if (Array.isArray(value) || !/^[1-9]\d{0,5}$/.test(value)) return null;
  const page = Number(value);
  return page <= MAX_PAGE ? page : null;
}

export function pageCount(total: number, pageSize: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

// Page 1 always exists (it may be empty); later pages only while they hold something.
export function isPageInRange(page: number, total: number, pageSize: number = PAGE_SIZE): boolean {
  return page >= 1 && page <= pageCount(total, pageSize);
}

// The address of page N of a listing: page 1 is the bare path; other query values are kept.
export function pageHref(path: string, page: number, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
