// Taking an embed's snapshot, once per snapshot id, before the save's transaction (no network
// inside one): the oEmbed answer read as plain text and the thumbnail copied into the media library
// through the upload pipeline (type sniffing, limits, metadata stripped), so readers never load a
// third-party image. A provider that cannot be reached, or answers nonsense, leaves a snapshot with
// its `failure`: readers get a link card, and the block is never lost or broken.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import { AppError, isAppError } from "../errors";
import { isUniqueViolation } from "../concurrency";
import type { EmbedRef } from "../editor/blocks/embed";
import { mediaLimits } from "../media/file/inspect";
import { discardPreparedMedia, insertPreparedMedia, prepareMedia, type PreparedMedia } from "../media/commands";
import { fetchPicture, PictureFetchError } from "../wire/fetch-picture";
import { EmbedFetchError, embedFetchLimits, fetchOembed, type OembedSnapshot } from "./oembed";
import { embedUrlProblem, matchProvider, type EmbedProvider } from "./providers";

type Thumbnail = { existingId: string } | { prepared: PreparedMedia } | null;

async function copyThumbnail(provider: EmbedProvider, answer: OembedSnapshot, actorId: string): Promise<Thumbnail> {
  if (!answer.thumbnailUrl) return null;
  try {
    const { bytes } = await fetchPicture(answer.thumbnailUrl, embedFetchLimits(provider, mediaLimits().maxBytes));
    const existing = await db.media.findFirst({ where: { sha256: createHash("sha256").update(bytes).digest("hex") }, select: { id: true } });
    if (existing) return { existingId: existing.id };
    const credit = answer.authorName ? `${answer.authorName}/${provider.name}` : provider.name;
    const input = {
      bytes,
      originalName: `${provider.name.replace(/[^\w.-]+/g, "-")}-embed-thumbnail`,
      altText: "",
      defaultCaption: answer.title,
      photographerId: null,
      agencyId: null,
      creditOverride: credit.slice(0, 300),
      usageTerms: `Thumbnail of an embedded ${provider.name} post: shown only with that embed.`,
    };
    return { prepared: await prepareMedia(db, input, { actor: { id: actorId } }) };
  } catch (error) {
    // No thumbnail is better than no snapshot: the card shows without one.
    if (error instanceof PictureFetchError || isAppError(error)) return null;
    throw error;
  }
}

async function storeSnapshot(embed: EmbedRef, provider: EmbedProvider, answer: OembedSnapshot | null, failure: string | null, thumbnail: Thumbnail, actorId: string): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const thumbnailId = thumbnail && "prepared" in thumbnail ? (await insertPreparedMedia(tx, thumbnail.prepared, { actor: { id: actorId } })).id : (thumbnail?.existingId ?? null);
      const fields = answer ? { title: answer.title, authorName: answer.authorName, authorUrl: answer.authorUrl, text: answer.text, playerUrl: answer.playerUrl } : {};
      await tx.embedSnapshot.create({ data: { id: embed.embedId, url: embed.url, provider: provider.name, ...fields, thumbnailId, failure } });
    });
  } catch (error) {
    if (thumbnail && "prepared" in thumbnail) await discardPreparedMedia(db, thumbnail.prepared).catch(() => undefined);
    // A save running at the same time took this snapshot first.
    if (isUniqueViolation(error) && (await db.embedSnapshot.count({ where: { id: embed.embedId } }))) return;
    throw error;
  }
}

export async function takeSnapshot(embed: EmbedRef, actorId: string): Promise<void> {
  const provider = matchProvider(embed.url);
  if (!provider) throw new AppError("INVALID", embedUrlProblem(embed.url) ?? "This address cannot be embedded.");
  let answer: OembedSnapshot | null = null;
  let failure: string | null = null;
  try {
    answer = await fetchOembed(provider, embed.url);
  } catch (error) {
    if (!(error instanceof EmbedFetchError)) throw error;
    failure = error.message.slice(0, 1000);
  }
  const thumbnail = answer ? await copyThumbnail(provider, answer, actorId) : null;
  await storeSnapshot(embed, provider, answer, failure, thumbnail, actorId);
}

// The body's embeds whose snapshot is not taken yet. An id already used for another address is
// refused: a snapshot shows exactly the URL it was taken of. `authorize` runs before any fetch.
export async function snapshotNewEmbeds(embeds: EmbedRef[], actorId: string, authorize: () => Promise<void>): Promise<void> {
  if (embeds.length === 0) return;
  const taken = new Map((await db.embedSnapshot.findMany({ where: { id: { in: embeds.map((e) => e.embedId) } }, select: { id: true, url: true } })).map((row) => [row.id, row.url]));
  const moved = embeds.find((e) => taken.has(e.embedId) && taken.get(e.embedId) !== e.url);
  if (moved) throw new AppError("INVALID", `Embed ${moved.embedId} was taken of another address; an embed's address cannot change (add a new embed instead).`);
  const missing = embeds.filter((e) => !taken.has(e.embedId));
  if (missing.length === 0) return;
  await authorize();
  for (const embed of missing) await takeSnapshot(embed, actorId);
}
