// The key that signs and encrypts session tokens. `npm start` makes sure one exists (see
// secret-file.ts); NEXTAUTH_SECRET wins over AUTH_SECRET, as in next-auth itself.
import "server-only";
export function authSecret(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.NEXTAUTH_SECRET || env.AUTH_SECRET || undefined;
}
