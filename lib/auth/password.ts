// Password hashing (bcrypt). Costs are stored in each hash, so raising BCRYPT_COST later only
// affects new hashes; old ones keep verifying.
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";

const BCRYPT_COST = 12;
// bcrypt ignores everything after 72 bytes; longer passwords are refused rather than truncated.
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_LENGTH = 10;

// A valid hash of a random password, compared against when the account does not exist, so an
// unknown email takes as long to refuse as a wrong password.
const DUMMY_HASH = "$2b$12$AS/7BPygoCAokkC0xdnt8.eq5NDSZtqruXOa3tiRCbaJiiyJ7lxZi";

export function hashPassword(password: string, cost: number = BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const isMatch = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return isMatch && Boolean(hash);
}

// A short digest of the stored hash, carried in the session token: when the password is reset the
// hash changes, so every session signed in with the old password ends.
export function passwordFingerprint(hash: string): string {
  return createHash("sha256").update(hash).digest("base64url").slice(0, 16);
}
