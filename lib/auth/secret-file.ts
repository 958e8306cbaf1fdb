// For `npm start`: when neither NEXTAUTH_SECRET nor AUTH_SECRET is given, a random secret is
// generated once into the data folder (outside git) and reused, so sessions survive restarts.
import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { authSecret } from "./secret";

export const SECRET_FILE_NAME = "nextauth-secret";

type SecretSource = "environment" | "file" | "generated";

export function ensureAuthSecret(env: Record<string, string | undefined>, dataDir: string): SecretSource {
  const given = authSecret(env);
  if (given) {
    env.NEXTAUTH_SECRET = given;
    return "environment";
  }
  const file = path.join(dataDir, SECRET_FILE_NAME);
  const stored = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  if (stored) {
    env.NEXTAUTH_SECRET = stored;
    return "file";
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  // writeFileSync's mode is filtered by the umask; the secret must be readable by its owner only.
  chmodSync(file, 0o600);
  env.NEXTAUTH_SECRET = secret;
  return "generated";
}
