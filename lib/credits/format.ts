// Photo credits. A credit is never retyped per story: it is formatted from the media record's
// photographer and agency, so fixing an agency's format fixes every picture that uses it.
const CREDIT_PLACEHOLDERS = ["photographer", "agency", "distributor"] as const;

export type CreditSource = {
  creditOverride?: string | null;
  photographer?: { name: string } | null;
  agency?: { name: string; shortCredit: string; creditFormat: string; distributor?: string | null } | null;
};

export type Credit = {
  // "Image: Getty": the short line under a picture.
  short: string;
  // "Photo by Douwe Bijlsma/BSR Agency/Getty Images": the full attribution.
  full: string;
};

export function fillCreditFormat(format: string, values: Record<(typeof CREDIT_PLACEHOLDERS)[number], string>): string {
  return format
    .replace(/\{(photographer|agency|distributor)\}/g, (_, key: keyof typeof values) => values[key] ?? "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

// Returns null when the picture has no credit at all (publishing is refused then).
export function formatCredit(media: CreditSource): Credit | null {
  const override = media.creditOverride?.trim();
  const agency = media.agency ?? null;
  const photographer = media.photographer?.name?.trim() ?? "";
  if (override) return { short: `Image: ${agency?.shortCredit || override}`, full: override };
  if (agency) {
    const full = fillCreditFormat(agency.creditFormat, {
      photographer: photographer || agency.name,
      agency: agency.name,
      distributor: agency.distributor ?? agency.name,
    });
    return { short: `Image: ${agency.shortCredit}`, full };
  }
  if (photographer) return { short: `Image: ${photographer}`, full: `Photo by ${photographer}` };
  return null;
}

export function findCreditFormatProblems(format: string): string[] {
  const problems: string[] = [];
  for (const match of format.matchAll(/\{([^}]*)\}/g)) {
    if (!(CREDIT_PLACEHOLDERS as readonly string[]).includes(match[1])) {
      problems.push(`unknown placeholder {${match[1]}}: use {photographer}, {agency} or {distributor}`);
    }
  }
  if (!format.trim()) problems.push("the credit format is empty");
  return problems;
}
