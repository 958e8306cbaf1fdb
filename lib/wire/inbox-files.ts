// The file side of the watched inbox folder (lib/wire/inbox.ts): which entries may be taken, claiming
// one by renaming it into processing/ (atomic, so of two servers sharing the folder only one gets
// it), reading it without following links or loading more than the size limit, and filing it in
// done/ or failed/ without overwriting anything there. Every path is built from a name readdir
// gave, checked to be a plain name, and resolved back inside the folder before it is used.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { lstat, mkdir, open, rename, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors";
import { MAX_WIRE_DOCUMENT_BYTES } from "./detect";

export const INBOX_FOLDERS = ["processing", "done", "failed"] as const;
export type InboxFolder = (typeof INBOX_FOLDERS)[number];

// Upload tools' names for a file still being written: taken once renamed to its final name.
const PARTIAL_SUFFIXES = [".part", ".partial", ".tmp", ".filepart", ".crdownload", ".uploading"];
// Linux allows 255 bytes a name; a claimed name adds a token, a reason file ".reason.txt".
const MAX_NAME_BYTES = 200;
const TOKEN_SEPARATOR = "~";

// A name readdir gave is always plain on POSIX; checked again so no path can be built from anything
// else. A backslash is an ordinary character here (path.basename decides, per platform).
export function isPlainName(name: string): boolean {
  return name.length > 0 && name === path.basename(name) && !name.includes("\0") && !name.includes("/") && name !== "." && name !== "..";
}

// Dotfiles (and so editors' swap files and rsync's ".name.XXXX") and partial uploads wait.
export function isWaitingName(name: string): boolean {
  const lower = name.toLowerCase();
  return name.startsWith(".") || PARTIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

// A name cut to MAX_NAME_BYTES at a character boundary, with a hash of the whole so two long names differ.
export function storableName(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  let cut = "";
  for (const char of name) {
    if (Buffer.byteLength(cut + char) > MAX_NAME_BYTES - 9) break;
    cut += char;
  }
  return `${cut}-${createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
}

export function inboxPath(dir: string, folder: InboxFolder | null, name: string): string {
  if (!isPlainName(name)) throw new AppError("INVALID", `${JSON.stringify(name)} is not a plain file name`);
  const parent = path.resolve(dir, folder ?? ".");
  const target = path.resolve(parent, name);
  if (path.dirname(target) !== parent) throw new AppError("INVALID", `${JSON.stringify(name)} would leave the inbox folder`);
  return target;
}

// processing/, done/ and failed/ are made if missing; a link or a file in their place is refused,
// so nobody with write access to the inbox can point them elsewhere.
export async function prepareInboxFolders(dir: string): Promise<void> {
  const info = await lstat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`WIRE_INBOX_DIR ${dir} is not a directory`);
  for (const folder of INBOX_FOLDERS) {
    const target = path.join(dir, folder);
    await mkdir(target, { recursive: true, mode: 0o750 });
    if (!(await lstat(target)).isDirectory()) throw new Error(`${target} is not a directory (a link or a file is in its place)`);
  }
}

export const claimedName = (name: string) => `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}${TOKEN_SEPARATOR}${storableName(name)}`;
export const originalName = (claimed: string) => claimed.slice(claimed.indexOf(TOKEN_SEPARATOR) + 1);

// Renames `name` from `from` into processing/ under a fresh token; null when another server took it first.
export async function claim(dir: string, from: InboxFolder | null, name: string): Promise<string | null> {
  const claimed = claimedName(from === "processing" ? originalName(name) : name);
  try {
    await rename(inboxPath(dir, from, name), inboxPath(dir, "processing", claimed));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  await touch(dir, claimed);
  return claimed;
}

// The claim's lease: a processing/ file not touched for the lease time is taken as abandoned.
export async function touch(dir: string, claimed: string): Promise<void> {
  const now = new Date();
  await utimes(inboxPath(dir, "processing", claimed), now, now).catch(() => undefined);
}

// Reads a claimed file: never through a link, never past the size limit (checked before reading).
export async function readClaimed(dir: string, claimed: string, limit = MAX_WIRE_DOCUMENT_BYTES): Promise<Buffer> {
  const handle = await open(inboxPath(dir, "processing", claimed), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    throw new AppError("INVALID", error.code === "ELOOP" ? "is a symbolic link; links are not followed" : `cannot be read (${error.code ?? error.message})`);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new AppError("INVALID", "is not a regular file");
    const tooBig = (bytes: number) => new AppError("INVALID", `The file is ${Math.ceil(bytes / 1024 / 1024)} MB; the limit is ${limit / 1024 / 1024} MB.`);
    if (info.size > limit) throw tooBig(info.size);
    const buffer = Buffer.alloc(limit + 1);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw tooBig(total);
    }
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}

// Files the claimed entry under its own name in done/ or failed/ (a name already there gets a
// suffix), with `<name>.reason.txt` beside a failure. Returns the name it was filed under.
export async function file(dir: string, claimed: string, folder: "done" | "failed", reason?: string): Promise<string> {
  const name = originalName(claimed);
  const taken = async (candidate: string) =>
    (await lstat(inboxPath(dir, folder, candidate)).catch(() => null)) !== null || (reason !== undefined && (await lstat(inboxPath(dir, folder, `${candidate}.reason.txt`)).catch(() => null)) !== null);
  let target = name;
  if (await taken(target)) {
    const extension = path.extname(name).slice(0, 20);
    target = `${name.slice(0, name.length - extension.length)}-${claimed.slice(0, claimed.indexOf(TOKEN_SEPARATOR))}${extension}`;
  }
  if (reason !== undefined) await writeFile(inboxPath(dir, folder, `${target}.reason.txt`), `${reason}\n`, { flag: "wx", mode: 0o640 });
  await rename(inboxPath(dir, "processing", claimed), inboxPath(dir, folder, target));
  return target;
}

// Back to the inbox under its own name (the database was unavailable: try again next poll).
export async function release(dir: string, claimed: string): Promise<void> {
  const name = originalName(claimed);
  if ((await lstat(inboxPath(dir, null, name)).catch(() => null)) === null) await rename(inboxPath(dir, "processing", claimed), inboxPath(dir, null, name));
}
