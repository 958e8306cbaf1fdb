"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { signOutEverywhereAction } from "./actions";

export function SignOutButton() {
  const [pending, setPending] = useState<"here" | "everywhere" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const everywhere = async () => {
    setPending("everywhere");
    const result = await signOutEverywhereAction();
    if (!result.ok) {
      setMessage(result.message);
      setPending(null);
      return;
    }
    void signOut({ callbackUrl: "/sign-in?signedOut=1" });
  };
  return (
    <div className="auth-form">
      <button
        type="button"
        disabled={pending !== null}
        onClick={() => {
          setPending("here");
          void signOut({ callbackUrl: "/sign-in?signedOut=1" });
        }}
      >
        {pending === "here" ? "Signing out…" : "Sign out"}
      </button>
      <button type="button" disabled={pending !== null} onClick={() => void everywhere()}>
        {pending === "everywhere" ? "Ending every session…" : "End my sessions in every browser"}
      </button>
      {message && (
        <p role="alert" className="form-error">
          {message}
        </p>
      )}
    </div>
  );
}
