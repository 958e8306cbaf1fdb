import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Sign out", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// Signing out is a POST (the button): a link or a prefetch must never end a session by itself.
export default async function SignOutPage() {
  const user = await getCurrentUser();
  return (
    <section className="auth-card" aria-labelledby="sign-out-heading">
      <h1 id="sign-out-heading">Sign out</h1>
      {user ? (
        <>
          <p className="auth-lead">
            You are signed in as {user.name} ({user.email}).
          </p>
          <SignOutButton />
        </>
      ) : (
        <p className="auth-lead">
          You are not signed in. <a href="/sign-in">Sign in</a>
        </p>
      )}
    </section>
  );
}
