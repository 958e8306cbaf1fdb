// The two questions about story bodies that need SQL (a body is JSON): which stories' bodies
// mention a picture, and which pictures any body shows. One query per database provider.
import "server-only";
import { isPostgres, type Db, type Tx } from "../db";
import { isRecordId } from "../editor/record-id";

type Client = Db | Tx;

// Candidates only (the id appears somewhere in the body's text); callers confirm by reading the
// body. Ids are [a-z0-9], so they need no LIKE escaping.
export async function storiesMentioningInBody(client: Client, mediaId: string): Promise<string[]> {
  if (!isRecordId(mediaId)) return [];
  const pattern = `%${mediaId}%`;
  const rows = isPostgres()
    ? await client.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Article" WHERE "body"::text LIKE ${pattern}`
    : await client.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Article" WHERE CAST("body" AS TEXT) LIKE ${pattern}`;
  return rows.map((row) => row.id);
}

// Working copies of live stories whose snapshot mentions the picture (hero, captions or body).
export async function workingCopiesMentioning(client: Client, mediaId: string): Promise<{ articleId: string; snapshot: unknown }[]> {
  if (!isRecordId(mediaId)) return [];
  const pattern = `%${mediaId}%`;
  return isPostgres()
    ? client.$queryRaw<{ articleId: string; snapshot: unknown }[]>`SELECT "articleId", "snapshot" FROM "WorkingCopy" WHERE "snapshot"::text LIKE ${pattern}`
    : client.$queryRaw<{ articleId: string; snapshot: unknown }[]>`SELECT "articleId", "snapshot" FROM "WorkingCopy" WHERE CAST("snapshot" AS TEXT) LIKE ${pattern}`;
}

// Every media id a figure in any story body points at. Reads every body: only the library's
// "unused" filter asks.
export async function mediaIdsInBodies(client: Client): Promise<string[]> {
  const rows = isPostgres()
    ? await client.$queryRaw<{ id: string }[]>`
        SELECT DISTINCT (v #>> '{}') AS "id" FROM "Article" a, jsonb_path_query(a."body", 'strict $.**.mediaId') v
        WHERE jsonb_typeof(v) = 'string'
        UNION
        SELECT DISTINCT (v #>> '{}') AS "id" FROM "WorkingCopy" w, jsonb_path_query(w."snapshot", 'strict $.**.mediaId') v
        WHERE jsonb_typeof(v) = 'string'`
    : await client.$queryRaw<{ id: string }[]>`
        SELECT DISTINCT t."value" AS "id" FROM "Article" a, json_tree(a."body") t
        WHERE t."key" = 'mediaId' AND t."type" = 'text'
        UNION
        SELECT DISTINCT t."value" AS "id" FROM "WorkingCopy" w, json_tree(w."snapshot") t
        WHERE t."key" = 'mediaId' AND t."type" = 'text'`;
  return rows.map((row) => row.id).filter(isRecordId);
}
