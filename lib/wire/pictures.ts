// A wire item's pictures, in two halves. Before the import's transaction: fetch a rendition (SSRF
// guarded) and put it through the media library's own upload pipeline (type sniffing, limits,
// metadata stripped, files stored). Inside it: the rows, with caption, alt text and credit. A
// picture that cannot be fetched or is refused stays as a pending picture with its credit.
import "server-only";
import { createHash } from "node:crypto";
import type { Db, Tx } from "../db";
import { isAppError } from "../errors";
import { formatCredit } from "../credits/format";
import { mediaLimits } from "../media/file/inspect";
import { discardPreparedMedia, insertPreparedMedia, prepareMedia, type PreparedMedia } from "../media/commands";
import type { MediaStorage } from "../media/file/storage";
import { fetchLimits, fetchPicture, PictureFetchError, type FetchLimits } from "./fetch-picture";
import type { WirePicture, WireRendition } from "./types";

export type FetchFn = (url: string, limits: FetchLimits) => Promise<{ bytes: Buffer }>;

// What happened to one picture before the transaction.
export type GatheredPicture = {
  picture: WirePicture;
  href: string | null;
  existingMediaId: string | null;
  prepared: PreparedMedia | null;
  failure: string | null;
};

const IMAGE_TYPES = /^image\/(jpe?g|png|webp|avif)$/i;
const PREFERRED_NAMES = ["original", "highres", "hires", "high", "main", "big", "large", "baseimage", "web", "preview", "viewimage"];

// The renditions worth trying, best first: named like an original or a large one, then by width.
export function candidateRenditions(renditions: WireRendition[]): WireRendition[] {
  const score = (r: WireRendition) => {
    const nameRank = PREFERRED_NAMES.indexOf(r.name.toLowerCase().replace(/[^a-z]/g, ""));
    return (nameRank < 0 ? 100 : nameRank) * 100_000 - (r.width ?? 0);
  };
  return renditions.filter((r) => r.href && (!r.mimeType || IMAGE_TYPES.test(r.mimeType.replace("image/jpg", "image/jpeg")))).sort((a, b) => score(a) - score(b));
}

async function gatherOne(
  db: Db,
  picture: WirePicture,
  agencyName: string | null,
  options: { fetch: FetchFn; storage?: MediaStorage; actorId: string },
  seen: Map<string, GatheredPicture>,
): Promise<GatheredPicture> {
  const limits = mediaLimits();
  const candidates = candidateRenditions(picture.renditions);
  if (candidates.length === 0)
    return { picture, href: picture.renditions.find((r) => r.href)?.href ?? null, existingMediaId: null, prepared: null, failure: "the agency sent no picture file address (http or https) for it" };
  const failures: string[] = [];
  for (const rendition of candidates) {
    try {
      const { bytes } = await options.fetch(rendition.href!, fetchLimits(limits.maxBytes, agencyName));
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const again = seen.get(sha256);
      if (again) return { ...again, picture, prepared: null };
      const existing = await db.media.findFirst({ where: { sha256 }, select: { id: true } });
      if (existing) return { picture, href: rendition.href, existingMediaId: existing.id, prepared: null, failure: null };
      const name = `${(picture.ref.split(/[/:]/).pop() || "wire-picture").replace(/[^\w.-]+/g, "-").slice(0, 80) || "wire-picture"}`;
      const prepared = await prepareMedia(
        db,
        { bytes, originalName: name, altText: "", defaultCaption: picture.caption.slice(0, 2000), photographerId: null, agencyId: null, creditOverride: null },
        { actor: { id: options.actorId }, storage: options.storage },
      );
      const gathered = { picture, href: rendition.href, existingMediaId: null, prepared, failure: null };
      seen.set(sha256, gathered);
      return gathered;
    } catch (error) {
      if (!(error instanceof PictureFetchError) && !isAppError(error)) throw error;
      failures.push(`${rendition.href}: ${error.message}`);
    }
  }
  return { picture, href: candidates[0].href, existingMediaId: null, prepared: null, failure: failures.join("; ").slice(0, 1000) };
}

// Fetches and prepares every picture; files written so far are removed again if this throws.
export async function gatherPictures(db: Db, pictures: WirePicture[], agencyName: string | null, options: { fetch?: FetchFn; storage?: MediaStorage; actorId: string }): Promise<GatheredPicture[]> {
  const gathered: GatheredPicture[] = [];
  const seen = new Map<string, GatheredPicture>();
  try {
    for (const picture of pictures) gathered.push(await gatherOne(db, picture, agencyName, { ...options, fetch: options.fetch ?? fetchPicture }, seen));
  } catch (error) {
    await discardPictures(db, gathered);
    throw error;
  }
  return gathered;
}

export async function discardPictures(db: Db, gathered: GatheredPicture[]): Promise<void> {
  for (const item of gathered) if (item.prepared) await discardPreparedMedia(db, item.prepared).catch(() => undefined);
}

export type CreditChoice = { photographerId: string | null; agencyId: string | null; creditOverride: string | null; credit: string };

// Photographer by name, else the agency the credit line names, else the provider's agency, else
// the credit line itself: never no credit. A by-line with no photographer record is kept in the
// credit ("Name/Agency") rather than lost. `credit` is what readers will see.
export async function chooseCredit(tx: Tx, picture: WirePicture, providerAgency: { id: string } | null, fallback: string): Promise<CreditChoice> {
  const lower = (value: string) => value.trim().toLowerCase();
  const byline = lower(picture.byline);
  const photographer = byline ? (await tx.photographer.findMany({ include: { agency: true } })).find((p) => lower(p.name) === byline) : undefined;
  const agencies = await tx.agency.findMany();
  const byCreditLine = picture.creditLine ? agencies.find((a) => [a.name, a.shortCredit, a.distributor ?? ""].some((n) => n && lower(n) === lower(picture.creditLine))) : undefined;
  const agency = photographer?.agency ?? byCreditLine ?? agencies.find((a) => a.id === providerAgency?.id) ?? null;
  const override = photographer ? null : agency ? (picture.byline ? `${picture.byline}/${agency.name}`.slice(0, 300) : null) : (picture.creditLine || picture.byline || fallback).slice(0, 300);
  const credit = formatCredit({ creditOverride: override, photographer: photographer ?? null, agency })?.full ?? override ?? fallback;
  return { photographerId: photographer?.id ?? null, agencyId: agency?.id ?? null, creditOverride: override, credit };
}

// Inside the import's transaction: the media row (for a fetched picture) with its credit.
export async function storePicture(tx: Tx, gathered: GatheredPicture, credit: CreditChoice, actorId: string): Promise<string | null> {
  const { picture } = gathered;
  const details = {
    photographerId: credit.photographerId,
    agencyId: credit.agencyId,
    creditOverride: credit.creditOverride,
    altText: picture.description.slice(0, 1000),
    copyright: (picture.copyrightNotice || picture.copyrightHolder).slice(0, 300) || null,
    usageTerms: picture.usageTerms.slice(0, 2000),
  };
  if (gathered.prepared) {
    const media = await insertPreparedMedia(tx, gathered.prepared, { actor: { id: actorId } });
    await tx.media.update({ where: { id: media.id }, data: { ...details, defaultCaption: picture.caption.slice(0, 2000) } });
    return media.id;
  }
  return gathered.existingMediaId;
}
