// The backup archive: one gzipped tar file whose first entry is manifest.json, then the files it
// lists. Writing goes to a temp name beside the target and is renamed into place, so a crash never
// leaves a half archive under the final name. Reading checks every entry against the manifest.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import * as tar from "tar";
import { BackupError } from "./backup-error";
import { MANIFEST_NAME, manifestSchema, type Manifest } from "./manifest";

export async function writeArchive(stagingDir: string, manifest: Manifest, target: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await tar.c({ gzip: true, file: temp, cwd: stagingDir, portable: true, mode: 0o600 }, [MANIFEST_NAME, ...manifest.files.map((file) => file.path)]);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

type Seen = { bytes: number; sha256: string };

// Reads the whole archive without writing anything: the manifest must come first and be valid,
// and every other entry must be a regular file it lists, with the listed size and SHA-256.
export async function verifyArchive(file: string): Promise<Manifest> {
  let manifestText: string | null = null;
  let entries = 0;
  const seen = new Map<string, Seen>();
  const problems: string[] = [];
  const hashes: Promise<void>[] = [];
  try {
    await tar.t({
      file,
      strict: true,
      onReadEntry: (entry) => {
        const index = entries++;
        if (entry.type !== "File") {
          problems.push(`unexpected ${entry.type} entry "${entry.path}"`);
          return;
        }
        if (seen.has(entry.path)) problems.push(`"${entry.path}" appears twice`);
        const hash = createHash("sha256");
        const chunks: Buffer[] = [];
        let bytes = 0;
        entry.on("data", (chunk: Buffer) => {
          hash.update(chunk);
          bytes += chunk.length;
          if (index === 0) chunks.push(chunk);
        });
        hashes.push(
          new Promise((resolve) =>
            entry.on("end", () => {
              if (index === 0 && entry.path === MANIFEST_NAME) manifestText = Buffer.concat(chunks).toString("utf8");
              else seen.set(entry.path, { bytes, sha256: hash.digest("hex") });
              resolve();
            }),
          ),
        );
      },
    });
    await Promise.all(hashes);
  } catch (error) {
    throw new BackupError(`${file} is damaged or not a backup archive (${error instanceof Error ? error.message : String(error)}); nothing was restored`);
  }
  if (manifestText === null) throw new BackupError(`${file} is not a Pressbox backup (its first entry is not ${MANIFEST_NAME}); nothing was restored`);
  const manifest = parseManifest(manifestText, file);
  problems.push(...compareWithManifest(manifest, seen));
  if (problems.length > 0) {
    throw new BackupError(`${file} does not match its manifest, so it was changed or damaged after it was made; nothing was restored:\n  ${problems.slice(0, 10).join("\n  ")}`);
  }
  return manifest;
}

function parseManifest(text: string, file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError(`${file}: ${MANIFEST_NAME} is not valid JSON; nothing was restored`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new BackupError(`${file}: ${MANIFEST_NAME} is not a Pressbox backup manifest (format 1); nothing was restored`);
  return parsed.data;
}

export function compareWithManifest(manifest: Manifest, seen: Map<string, Seen>): string[] {
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((entry) => entry.path));
  for (const entry of manifest.files) {
    const found = seen.get(entry.path);
    if (!found) problems.push(`"${entry.path}" is missing`);
    else if (found.bytes !== entry.bytes) problems.push(`"${entry.path}" has ${found.bytes} bytes, the manifest says ${entry.bytes}`);
    else if (found.sha256 !== entry.sha256) problems.push(`"${entry.path}" has a different SHA-256 than the manifest says`);
  }
  for (const name of seen.keys()) if (!listed.has(name)) problems.push(`"${name}" is not in the manifest`);
  return problems;
}

// Extracts the listed files (and nothing else) into an empty folder.
export async function extractArchive(file: string, manifest: Manifest, folder: string): Promise<void> {
  const listed = new Set(manifest.files.map((entry) => entry.path));
  await tar.x({ file, cwd: folder, strict: true, filter: (entryPath, entry) => listed.has(entryPath) && "type" in entry && entry.type === "File" });
}
