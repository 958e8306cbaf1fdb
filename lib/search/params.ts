// The search page's query string, read defensively: every value is optional, a malformed filter
// is dropped (the reader still gets results), and only a malformed page number is refused.
import { z } from "zod";
import { parsePageParam } from "../listings/pagination";
import { parseSearchTerms, type SearchTerms } from "./query";
import { dayStartIn, isIsoDay } from "./dates";

type Param = string | string[] | undefined;
export type SearchParams = Record<string, Param>;

export type SearchForm = SearchTerms & {
  section: string;
  from: string;
  to: string;
  // null: not a page number (the page answers 404).
  page: number | null;
};

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);

function first(value: Param): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function validDay(value: Param): string {
  const day = first(value).trim();
  return isIsoDay(day) ? day : "";
}

export function readSearchParams(params: SearchParams): SearchForm {
  const section = first(params.section).trim();
  return {
    ...parseSearchTerms(first(params.q)),
    section: slug.safeParse(section).success ? section : "",
    from: validDay(params.from),
    to: validDay(params.to),
    page: parsePageParam(params.page),
  };
}

// The instants a day filter stands for, in the newsroom's time zone: `to` includes its whole day.
export function dateRange(form: Pick<SearchForm, "from" | "to">, timeZone: string): { from?: Date; until?: Date } {
  return {
    from: form.from ? dayStartIn(form.from, timeZone) : undefined,
    until: form.to ? dayStartIn(form.to, timeZone, 1) : undefined,
  };
}
