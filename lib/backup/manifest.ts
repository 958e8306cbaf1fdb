// manifest.json, the first entry of every backup archive: what made it, from which database, and
// the size and SHA-256 of every other file in it. Restore trusts nothing the manifest does not list.
import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const MANIFEST_NAME = "manifest.json";
export const SQLITE_FILE = "pressbox.db";
export const POSTGRES_DUMP_FILE = "pressbox.pgdump";
export const SECRET_FILE = "nextauth-secret";
export const MEDIA_FOLDER = "media";

// Relative, "/"-separated, no "..", no leading dot segment: the same rule media keys follow.
const archivePath = z
  .string()
  .max(260)
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/)
  .refine((value) => !value.includes(".."));

export const manifestSchema = z.object({
  format: z.literal("pressbox-backup"),
  formatVersion: z.literal(1),
  pressboxVersion: z.string(),
  createdAt: z.string(),
  provider: z.enum(["sqlite", "postgresql"]),
  // The last migration the database had applied, and all of them in order.
  migration: z.string(),
  migrations: z.array(z.string()),
  database: z.object({ file: archivePath, tool: z.string() }),
  // Rows per table at the moment of the snapshot; restore checks the restored database against them.
  tables: z.record(z.string(), z.number().int().nonnegative()),
  sessionSecret: z.object({ file: archivePath, source: z.enum(["environment", "file"]) }).nullable(),
  mediaFiles: z.number().int().nonnegative(),
  // Media keys the snapshot names whose file was already missing from the media folder.
  missingMedia: z.array(z.string()),
  files: z.array(z.object({ path: archivePath, bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});

export type Manifest = z.infer<typeof manifestSchema>;
type ManifestFile = Manifest["files"][number];

export function pressboxVersion(cwd: string = process.cwd()): string {
  try {
    return String(JSON.parse(readFileSync(path.join(cwd, "package.json"), "utf8")).version ?? "unknown");
  } catch {
    return "unknown";
  }
}

export async function describeFile(root: string, relative: string): Promise<ManifestFile> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path.join(root, relative))) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path: relative, bytes, sha256: hash.digest("hex") };
}
