// The editor's view of its embeds: the snapshots taken so far, by id (an id with none yet is left
// out: the save that takes it has not run). Staff who write stories may read them.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import type { EmbedView } from "../editor/body-records";
import { isRecordId } from "../editor/record-id";
import { assertCan, type Actor } from "../permissions";
import { loadEmbeds } from "./queries";

const EmbedIds = z.array(z.string().refine(isRecordId)).max(200);

export async function readEditorEmbeds(actor: Actor | null, ids: unknown): Promise<EmbedView[]> {
  assertCan(actor, "article.create");
  const parsed = EmbedIds.safeParse(ids);
  if (!parsed.success) throw new AppError("INVALID", "Name the embeds by their ids (at most 200).");
  return (await loadEmbeds(db, [...new Set(parsed.data)])).embeds;
}
