// Pre-fills an upload's details from what the file says about itself: caption, copyright, usage
// terms and job reference as written; the by-line matched to a photographer and the credit or
// source to an agency from the admin's lists. Only what the uploader left empty is filled. When
// neither can be matched, the file's own credit line becomes the credit override, so an agency
// picture is never published uncredited; an editor can still pick from the lists instead.
import type { Db } from "../../db";
import type { EmbeddedMetadata } from "./embedded-metadata";
import type { ParsedMediaInput } from "../schema";

type Named = { id: string; name: string };
type PhotographerOption = Named & { agencyId: string | null };
type AgencyOption = Named & { shortCredit: string };

type CreditMatch = { photographerId?: string; agencyId?: string };

const normalize = (value: string) => value.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

// "BSR Agency/Getty Images" names the agency first and its distributor after it. The whole line,
// its first part and the source name the agency; later parts only a distributor.
function creditCandidates(embedded: EmbeddedMetadata): { agency: string[]; distributor: string[] } {
  const parts = (line: string | undefined) =>
    line
      ? line
          .split(/\s*[/|;]\s*/)
          .map(normalize)
          .filter(Boolean)
      : [];
  const [first = "", ...rest] = parts(embedded.credit);
  const whole = [embedded.credit, embedded.source].filter((line): line is string => Boolean(line)).map(normalize);
  return { agency: [...whole, first].filter(Boolean), distributor: [...rest, ...parts(embedded.source).slice(1)] };
}

function findAgency(candidates: string[], agencies: AgencyOption[]): AgencyOption | undefined {
  return candidates.map((c) => agencies.find((a) => normalize(a.name) === c || normalize(a.shortCredit) === c)).find(Boolean);
}

// A matched photographer's own agency beats a distributor named in the credit line.
export function matchCredit(embedded: EmbeddedMetadata, photographers: PhotographerOption[], agencies: AgencyOption[]): CreditMatch {
  const byline = embedded.byline ? normalize(embedded.byline) : "";
  const photographer = byline ? photographers.find((p) => normalize(p.name) === byline) : undefined;
  const candidates = creditCandidates(embedded);
  const agency = findAgency(candidates.agency, agencies) ?? (photographer?.agencyId ? undefined : findAgency(candidates.distributor, agencies));
  return { photographerId: photographer?.id, agencyId: agency?.id };
}

// The file's credit line as it asks to be printed: "By-line/Credit", else whichever it has.
export function fileCreditLine(embedded: EmbeddedMetadata): string | null {
  const credit = embedded.credit ?? embedded.source;
  if (embedded.byline && credit) return normalize(credit).includes(normalize(embedded.byline)) ? credit : `${embedded.byline}/${credit}`;
  if (credit) return credit;
  return embedded.byline ? `Photo by ${embedded.byline}` : null;
}

async function loadCreditOptions(db: Db) {
  const [photographers, agencies] = await Promise.all([
    db.photographer.findMany({ select: { id: true, name: true, agencyId: true } }),
    db.agency.findMany({ select: { id: true, name: true, shortCredit: true } }),
  ]);
  return { photographers, agencies };
}

function fillCredit(data: ParsedMediaInput, match: CreditMatch, embedded: EmbeddedMetadata): Partial<ParsedMediaInput> {
  const fill: Partial<ParsedMediaInput> = {};
  if (data.photographerId === undefined && match.photographerId) fill.photographerId = match.photographerId;
  if (data.agencyId === undefined && match.agencyId) fill.agencyId = match.agencyId;
  const hasChosenCredit = data.photographerId || data.agencyId || data.creditOverride;
  if (!hasChosenCredit && !fill.photographerId && !fill.agencyId) fill.creditOverride = fileCreditLine(embedded)?.slice(0, 300) ?? null;
  return fill;
}

export async function prefillFromFile(db: Db, data: ParsedMediaInput, embedded: EmbeddedMetadata): Promise<ParsedMediaInput> {
  const hasCredit = Boolean(embedded.byline || embedded.credit || embedded.source);
  let match: CreditMatch = {};
  if (hasCredit) {
    const options = await loadCreditOptions(db);
    match = matchCredit(embedded, options.photographers, options.agencies);
  }
  return {
    ...data,
    defaultCaption: data.defaultCaption || embedded.caption || "",
    copyright: data.copyright ?? embedded.copyright ?? null,
    usageTerms: data.usageTerms || embedded.instructions || "",
    sourceReference: data.sourceReference ?? embedded.reference ?? null,
    ...(hasCredit ? fillCredit(data, match, embedded) : {}),
  };
}
