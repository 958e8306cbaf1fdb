// What the sign-in page says for each error next-auth hands back (?error=… or signIn()'s result).
// Wrong email and wrong password get the same sentence on purpose.
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code === "CredentialsSignin") return "That email and password do not match an account. Check both and try again.";
  if (code.startsWith("TooManyAttempts")) {
    const seconds = Number(code.split(":")[1]);
    const wait = Number.isFinite(seconds) && seconds > 0 ? (seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`) : "a few minutes";
    return `Too many sign-in attempts. Wait ${wait}, then try again.`;
  }
  if (code === "UnstorableText") return "The email contains a character that cannot be typed into an address (a NUL or half of an emoji). Retype it.";
  if (code === "AccountDisabled") return "This account is disabled. Ask an administrator to enable it.";
  if (code === "SessionRequired") return "Please sign in to continue.";
  return "Signing in did not work just now. Please try again in a moment.";
}
