// A picture as the newsroom's library shows it (grid, editor picker, upload answer): a small
// rendition, its words, its credit and what is wrong with it. Same field names as the editor's
// PickerMedia, so an upload's answer can go straight into the picker.
import { formatCredit } from "../../credits/format";
import { DAY_MS } from "../rights/rights-dates";
import { mediaUrl, pickDefaultRendition } from "../file/urls";

export const libraryItemInclude = {
  photographer: { select: { name: true } },
  agency: { select: { name: true, shortCredit: true, creditFormat: true, distributor: true } },
  renditions: { select: { format: true, width: true, height: true, storageKey: true } },
} as const;

// The relations libraryItemInclude reads, as they arrive.
export type PhotoRelations = {
  photographer: { name: string } | null;
  agency: { name: string; shortCredit: string; creditFormat: string; distributor: string | null } | null;
  renditions: { format: string; width: number; height: number; storageKey: string }[];
};

type LibraryRow = PhotoRelations & {
  id: string;
  originalName: string;
  width: number;
  height: number;
  altText: string;
  defaultCaption: string;
  creditOverride: string | null;
  rightsExpireAt: Date | null;
  focalX: number;
  focalY: number;
  createdAt: Date;
};

type RightsState = "none" | "valid" | "expiring" | "expired";

export type LibraryItem = {
  id: string;
  src: string;
  originalName: string;
  width: number;
  height: number;
  altText: string;
  defaultCaption: string;
  credit: string | null;
  photographerName: string | null;
  agencyName: string | null;
  focalX: number;
  focalY: number;
  rightsExpireAt: string | null;
  rightsState: RightsState;
  // What stops a story using it from being published, in words.
  problems: string[];
  hasProblems: boolean;
  createdAt: string;
};

export const EXPIRY_WARNING_DAYS = 7;

export function rightsStateOf(rightsExpireAt: Date | null, now: Date = new Date()): RightsState {
  if (!rightsExpireAt) return "none";
  if (rightsExpireAt <= now) return "expired";
  return rightsExpireAt.getTime() - now.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS ? "expiring" : "valid";
}

// What stops a story using the picture from being published (the publish gate's photo rules), in words.
export function findPhotoProblems(altText: string, hasCredit: boolean, rightsState: RightsState): string[] {
  return [...(altText.trim() ? [] : ["No alt text"]), ...(hasCredit ? [] : ["No credit"]), ...(rightsState === "expired" ? ["Rights expired"] : [])];
}

// What every newsroom list shows of a picture (the library, the editor's picker): a small
// rendition, its full credit, the state of its rights and what stops publishing.
export function photoSummary(row: PhotoRelations & { altText: string; creditOverride: string | null; rightsExpireAt: Date | null }, now: Date = new Date()) {
  const credit = formatCredit(row);
  const rendition = pickDefaultRendition(row.renditions, "jpeg", 480);
  const rightsState = rightsStateOf(row.rightsExpireAt, now);
  const problems = findPhotoProblems(row.altText, credit !== null, rightsState);
  return { src: rendition ? mediaUrl(rendition.storageKey) : "", credit: credit?.full ?? null, rightsState, problems };
}

export function toLibraryItem(row: LibraryRow, now: Date = new Date()): LibraryItem {
  const { src, credit, rightsState, problems } = photoSummary(row, now);
  return {
    id: row.id,
    src,
    originalName: row.originalName,
    width: row.width,
    height: row.height,
    altText: row.altText,
    defaultCaption: row.defaultCaption,
    credit,
    photographerName: row.photographer?.name ?? null,
    agencyName: row.agency?.name ?? null,
    focalX: row.focalX,
    focalY: row.focalY,
    rightsExpireAt: row.rightsExpireAt?.toISOString() ?? null,
    rightsState,
    problems,
    hasProblems: problems.length > 0,
    createdAt: row.createdAt.toISOString(),
  };
}
