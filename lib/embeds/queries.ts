// Embed snapshots as readers and the editor see them: the snapshot rows, then their thumbnails
// (one statement each, none for no ids), a withdrawn thumbnail left out.
import "server-only";
import type { Db, Tx } from "../db";
import type { EmbedView } from "../editor/body-records";
import { loadMediaRecords } from "../media/media-sql";
import { toMediaView, type MediaRecord } from "../media/views";

export type LoadedEmbeds = { embeds: EmbedView[]; thumbnails: MediaRecord[] };

export async function loadEmbeds(client: Db | Tx, ids: readonly string[], now: Date = new Date()): Promise<LoadedEmbeds> {
  if (ids.length === 0) return { embeds: [], thumbnails: [] };
  const rows = await client.embedSnapshot.findMany({ where: { id: { in: [...ids] } } });
  const thumbnails = await loadMediaRecords(client, [...new Set(rows.flatMap((row) => (row.thumbnailId ? [row.thumbnailId] : [])))]);
  const byId = new Map(thumbnails.map((media) => [media.id, toMediaView(media, now)]));
  const embeds = rows.map((row): EmbedView => {
    const thumbnail = row.thumbnailId ? byId.get(row.thumbnailId) : undefined;
    return {
      id: row.id,
      url: row.url,
      provider: row.provider,
      title: row.title,
      authorName: row.authorName,
      authorUrl: row.authorUrl,
      text: row.text,
      playerUrl: row.playerUrl,
      thumbnail: thumbnail && !thumbnail.isWithdrawn ? thumbnail : null,
      isLinkCard: row.failure !== null,
    };
  });
  return { embeds, thumbnails };
}
