// A picture as reader pages load it (views.ts mediaViewInclude: photographer, agency, renditions),
// built in SQL so that a story and every picture it shows come back in a fixed number of statements.
import "server-only";
import type { Db, Tx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { column, columns, isoTimestamp, jsonArray, jsonObject, jsonOne, selectJson } from "../sql-json";
import type { MediaRecord } from "./views";

const MEDIA_COLUMNS = ["id", "altText", "defaultCaption", "width", "height", "storageKey", "creditOverride", "focalX", "focalY"] as const;

// What mediaRecordSql returns, before toMediaRecord: dates come as ISO strings.
export type MediaJson = Omit<MediaRecord, "rightsExpireAt"> & { rightsExpireAt: string | null };

// The JSON of the media row `alias` names (a correlated subquery per relation: one statement).
export function mediaRecordSql(alias: string): Prisma.Sql {
  const ref = (columnName: string) => column(alias, columnName);
  return jsonObject({
    ...columns(alias, MEDIA_COLUMNS),
    rightsExpireAt: isoTimestamp(ref("rightsExpireAt")),
    photographer: jsonOne(jsonObject(columns("mp", ["id", "name"])), Prisma.sql`FROM "Photographer" mp WHERE mp."id" = ${ref("photographerId")}`),
    agency: jsonOne(jsonObject(columns("ma", ["id", "name", "shortCredit", "creditFormat", "distributor"])), Prisma.sql`FROM "Agency" ma WHERE ma."id" = ${ref("agencyId")}`),
    renditions: jsonArray(jsonObject(columns("mr", ["format", "width", "height", "storageKey"])), Prisma.sql`FROM "MediaRendition" mr WHERE mr."mediaId" = ${ref("id")}`),
  });
}

export function toMediaRecord(json: MediaJson): MediaRecord {
  return { ...json, rightsExpireAt: json.rightsExpireAt === null ? null : new Date(json.rightsExpireAt) };
}

// The pictures with these ids, by id (one statement; none for no ids).
export async function loadMediaRecords(client: Db | Tx, ids: readonly string[]): Promise<MediaRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectJson<MediaJson>(client, mediaRecordSql("m"), Prisma.sql`FROM "Media" m WHERE m."id" IN (${Prisma.join(ids)}) ORDER BY m."id"`);
  return rows.map(toMediaRecord);
}
