"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";

type Props = { callbackUrl: string; initialError: string | null };

export function SignInForm({ callbackUrl, initialError }: Props) {
  const [error, setError] = useState(initialError);
  const [isPending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        callbackUrl,
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full load, so every server component sees the new session cookie.
        window.location.assign(callbackUrl);
        return;
      }
      setError(signInErrorMessage(result?.error ?? "Unavailable"));
    } catch {
      setError(signInErrorMessage("Unavailable"));
    }
    setPending(false);
  }

  return (
    <form className="auth-form" onSubmit={handleSubmit} noValidate>
      {error && (
        <p className="auth-error" role="alert">
          {error}
        </p>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
