"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [isPending, setPending] = useState(false);
  return (
    <div className="auth-form">
      <button
        type="button"
        disabled={isPending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/sign-in?signedOut=1" });
        }}
      >
        {isPending ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
